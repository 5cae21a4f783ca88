import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const HEADER = `# Benchmarks

Figures written by \`npm run bench\` (each section by its suite; re-run a suite
with \`npm run bench -- <suite>\`). Every suite measures its baseline in the same
run and reports ratios against it, because the machine is shared and noisy.
`;

/** One line naming the machine and runtime, written under every section. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memory = Math.round(totalmem() / 2 ** 30);
  return `${cpus().length} × ${cpu}, ${memory} GiB, Node ${process.version}, ${process.platform}-${process.arch}`;
}

/**
 * Replaces (or appends) the section of `suite` in the benchmarks document,
 * leaving every other suite's figures as they were.
 *
 * @example
 * recordSection('docs/benchmarks.md', 'loop', 'Tick-start lateness', '| p99 | ... |');
 */
export function recordSection(file: string, suite: string, title: string, body: string): void {
  const begin = `<!-- bench:${suite} -->`;
  const end = `<!-- /bench:${suite} -->`;
  const date = new Date().toISOString().slice(0, 10);
  const section = `${begin}\n## ${title}\n\nRun ${date} on ${machineLine()}.\n\n${body.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  const start = current.indexOf(begin);
  const stop = current.indexOf(end);
  const next =
    start >= 0 && stop > start
      ? current.slice(0, start) + section + current.slice(stop + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
