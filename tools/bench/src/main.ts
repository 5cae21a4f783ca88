// `npm run bench [-- suite ...]`: runs the named suites (all by default),
// prints their progress and figures, and records them in docs/benchmarks.md.
import { join } from 'node:path';
import { recordSection } from './record';
import { SUITES } from './suites';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SUITES.some((suite) => suite.name === name));
  if (unknown.length > 0) {
    console.error(`bench: unknown suite ${unknown.join(', ')}; known: ${SUITES.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  const file = join(__dirname, '..', '..', '..', 'docs', 'benchmarks.md');
  for (const suite of SUITES.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
    console.log(`\n== ${suite.name}: ${suite.title}`);
    const body = await suite.run((line) => console.log(`   ${line}`));
    console.log(body);
    recordSection(file, suite.name, suite.title, body);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
