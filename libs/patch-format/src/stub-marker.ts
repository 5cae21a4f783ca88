/** Marks, in a comment, each place of a patch package its author must still fill in; `buildBundle` refuses a package that has one. */
export const STUB_MARKER = 'TODO(tickswap)';

/**
 * The lines of a source text whose comment holds {@link STUB_MARKER} (1-based line numbers).
 *
 * @example
 * unfilledStubs(readFileSync('patches/mine/patch.ts', 'utf8')); // [{ line: 14, text: '// TODO(tickswap): Pid.gains changed type ...' }]
 */
export function unfilledStubs(text: string): { line: number; text: string }[] {
  return text.split('\n').flatMap((line, index) => (line.trimStart().startsWith('//') && line.includes(STUB_MARKER) ? [{ line: index + 1, text: line.trim() }] : []));
}
