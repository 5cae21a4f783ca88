/** Marks every place of a generated patch the user must fill in; a package that still has one is refused. */
export const STUB_MARKER = 'TODO(tickswap)';

/**
 * The lines of a source text that still hold a stub to fill in (1-based line numbers).
 *
 * @example
 * unfilledStubs(readFileSync('patches/mine/patch.ts', 'utf8')); // [{ line: 14, text: '// TODO(tickswap): Pid.gains changed type ...' }]
 */
export function unfilledStubs(text: string): { line: number; text: string }[] {
  return text.split('\n').flatMap((line, index) => (line.includes(STUB_MARKER) && line.trimStart().startsWith('//') ? [{ line: index + 1, text: line.trim() }] : []));
}
