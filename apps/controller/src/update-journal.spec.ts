import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UpdateLogEntry } from '@tickswap/control-loop';
import { committedChain } from './journal-chain';
import { journalLine, JournalError, readJournal, UpdateJournal } from './update-journal';

const entry = (event: UpdateLogEntry['event'], id: string, from: string, to: string): UpdateLogEntry => ({
  event,
  id,
  from,
  to,
  policy: 'prepared',
  version: event === 'rolled-back' ? from : to,
  tick: 10,
  at: 10.5,
  reason: undefined,
  failure: undefined,
  downtime: { boundaryMs: 0.05, latenessMs: 0.002, missedTicks: 0 },
  preparation: undefined,
});

const fresh = () => join(mkdtempSync(join(tmpdir(), 'tickswap-journal-')), 'updates.log');

describe('UpdateJournal and readJournal', () => {
  it('appends checksummed lines in order and reads them back', async () => {
    const path = fresh();
    const journal = await UpdateJournal.open(path);
    journal.append(entry('committed', 'a', '0', '1'));
    journal.append(entry('kept', 'a', '0', '1'));
    await journal.close();
    expect(readFileSync(path, 'utf8')).toMatch(/^[0-9a-f]{16} \{"event":"committed".*\n[0-9a-f]{16} \{"event":"kept".*\n$/);
    expect(readJournal(path)).toEqual({ entries: [entry('committed', 'a', '0', '1'), entry('kept', 'a', '0', '1')], torn: false });
  });

  it('reads a missing journal as empty', () => {
    expect(readJournal(fresh())).toEqual({ entries: [], torn: false });
  });

  it('ignores a last line cut short by a crash (a torn write)', () => {
    const path = fresh();
    const line = journalLine(entry('committed', 'b', '1', '2'));
    writeFileSync(path, journalLine(entry('committed', 'a', '0', '1')) + line.slice(0, 40));
    expect(readJournal(path)).toEqual({ entries: [entry('committed', 'a', '0', '1')], torn: true });
  });

  it('refuses a journal whose line in the middle fails its checksum', () => {
    const path = fresh();
    writeFileSync(path, journalLine(entry('committed', 'a', '0', '1')).replace('"to":"1"', '"to":"7"'));
    appendFileSync(path, journalLine(entry('kept', 'a', '0', '1')));
    expect(() => readJournal(path)).toThrow(JournalError);
    expect(() => readJournal(path)).toThrow(/^readJournal failed: line 1 of .*updates\.log is corrupt \(checksum mismatch\) and is not the last one; /);
  });
});

describe('committedChain', () => {
  it('keeps the commits in force: a rollback removes the latest', () => {
    const entries = [
      entry('committed', 'a', '0', '1'),
      entry('kept', 'a', '0', '1'),
      entry('committed', 'b', '1', '2'),
      entry('rolled-back', 'b', '1', '2'),
      entry('abandoned', 'c', '1', '2'),
      entry('committed', 'd', '1', '2'),
    ];
    expect(committedChain(entries, '0')).toEqual({ ids: ['a', 'd'], version: '2' });
    expect(committedChain([], '0')).toEqual({ ids: [], version: '0' });
  });

  it('refuses a journal whose commits do not follow from the base version', () => {
    expect(() => committedChain([entry('committed', 'a', '3', '4')], '0')).toThrow(
      new JournalError("committedChain failed: entry 1 (committed 'a' 3 -> 4) does not follow from version '0'; the journal is not this controller's: move it away to start on version '0'"),
    );
    expect(() => committedChain([entry('rolled-back', 'a', '0', '1')], '0')).toThrow(/entry 1 \(rolled-back 'a' 0 -> 1\) does not follow/);
  });
});
