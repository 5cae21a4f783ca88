import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { buildBundle, signBundle, trustKeys, type TrustedKeys } from '@tickswap/patch-format';
import { asyncScheduler, debounceTime, Subject, type SchedulerLike, type Subscription } from 'rxjs';
import { changeLines } from './change-lines';
import type { ClassMap } from './class-model';
import type { RenameChoices } from './derive-changes';
import { derivePatchPackage } from './derive-patch-package';
import type { DevHost } from './dev-host';
import type { DevReport, DevTimings } from './dev-report';
import { readClasses } from './read-classes';
import { nextVersion } from './rename-choices';
import { SourceCheck, type SourceCheckOptions } from './source-check';
import { readSourceDir, type SourceTree } from './source-tree';
import { writePatchPackage } from './write-patch-package';

/** What a {@link DevSession} watches, where it works and whom it tells. */
export interface DevSessionOptions {
  /** The folder of behaviour sources being edited. */
  readonly src: string;
  /** The running robot. */
  readonly host: DevHost;
  /** Where each save's patch package is written (`save-<n>/`; one that needs stubs filled in: `pending/`). */
  readonly workDir: string;
  /** Receives every save's report. */
  readonly report: (report: DevReport) => void;
  /** The package the sources are (default `@tickswap/behaviours`). */
  readonly packageName?: string;
  /** The engineer's word on renames, applied to every save where those fields are removed and added. */
  readonly choices?: RenameChoices;
  readonly check?: SourceCheckOptions;
  /** Quiet time after the last change before a save is taken, ms (default 100): an editor writes a file in several steps. */
  readonly debounceMs?: number;
  readonly scheduler?: SchedulerLike;
}

const ZERO: DevTimings = Object.freeze({ checkMs: 0, deriveMs: 0, buildMs: 0, gateMs: 0, commitMs: 0 });
const isSource = (file: string | null): boolean => file === null || (file.endsWith('.ts') && !/\.(spec|test)\.ts$/.test(file));
const folders = (dir: string): string[] => [dir, ...readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => folders(join(dir, e.name)))];

/**
 * Live development: each save of the behaviour sources becomes a patch
 * applied to the running robot. On a save the sources are type-checked
 * (errors are reported, nothing is applied), the patch from the version
 * running to the sources as saved is derived (`derivePatchPackage`) and
 * written as a patch package; a package with a stub to fill in is reported
 * with the stubs' places and not applied; otherwise it is built into a
 * bundle, signed with a key of this session, and given to the host (which
 * verifies it, gates it on the simulator and commits it at a tick
 * boundary). Saves are taken one at a time; the sources the robot runs
 * advance only when a patch commits, so after a refusal the next save is
 * derived from the same running version.
 *
 * @example
 * const session = new DevSession({ src: 'libs/behaviours/src', host, workDir: '/tmp/dev', report: (r) => devReportLines(r).forEach(print) });
 * session.start();
 */
export class DevSession {
  private readonly check: SourceCheck;
  private readonly key: KeyObject;
  private readonly trusted: TrustedKeys;
  private readonly changes = new Subject<void>();
  private running: SourceTree;
  private runningClasses: ClassMap;
  private saves = 0;
  private queue: Promise<DevReport | undefined> = Promise.resolve(undefined);
  private watchers: FSWatcher[] = [];
  private subscription: Subscription | undefined;

  constructor(private readonly options: DevSessionOptions) {
    this.running = readSourceDir(options.src);
    this.runningClasses = readClasses(this.running);
    this.check = new SourceCheck(options.src, options.check);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    this.key = privateKey;
    this.trusted = trustKeys([publicKey]);
  }

  /** Type-checks the sources once (the first check parses everything) and starts watching them. */
  start(): void {
    this.check.errors([...this.running.keys()]);
    this.subscription = this.changes.pipe(debounceTime(this.options.debounceMs ?? 100, this.options.scheduler ?? asyncScheduler)).subscribe(() => void this.save());
    // One watch per folder, not a recursive one: Node's recursive watch on Linux follows files, and loses a file an editor saves by renaming a new one over it.
    this.watchers = folders(this.options.src).map((folder) =>
      watch(folder, (_event, file) => {
        if (isSource(file)) this.changes.next();
      }),
    );
  }

  /** Takes a save now (after those in progress): resolves with its report, also given to `report`. */
  save(): Promise<DevReport> {
    const next = this.queue.then(() => this.take());
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Stops watching; a save in progress completes. */
  async close(): Promise<void> {
    for (const watcher of this.watchers) watcher.close();
    this.subscription?.unsubscribe();
    await this.queue;
  }

  private async take(): Promise<DevReport> {
    const save = ++this.saves;
    const version = this.options.host.version();
    const done = (report: Omit<DevReport, 'save'>): DevReport => {
      const full = { save, ...report };
      this.options.report(full);
      return full;
    };
    try {
      let started = performance.now();
      const after = readSourceDir(this.options.src);
      const errors = this.check.errors([...after.keys()]);
      const checkMs = performance.now() - started;
      if (errors.length > 0) return done({ outcome: 'type-errors', changes: [], message: `${errors.length} type error(s), fix them and save again:\n  ${errors.join('\n  ')}`, version, timings: { ...ZERO, checkMs } });
      started = performance.now();
      const derived = derivePatchPackage({ before: this.running, after, from: version, to: nextVersion(version), origin: `running ${version} -> ${this.options.src} as saved`, packageName: this.options.packageName, choices: { ...this.options.choices, skipUnmatched: true }, beforeClasses: this.runningClasses });
      const changes = changeLines(derived.changes);
      if (derived.files.size === 0) return done({ outcome: 'unchanged', changes, message: 'no behaviour class changed', version, timings: { ...ZERO, checkMs, deriveMs: performance.now() - started } });
      if (derived.changes.stubs.length > 0) {
        const pending = join(this.options.workDir, 'pending');
        await writePatchPackage(pending, derived, true);
        const stubs = derived.changes.stubs.map((stub) => `${join(pending, 'patch.ts')}: ${stub.message}`);
        return done({ outcome: 'stubs', changes, message: `${stubs.length} change(s) cannot be migrated by themselves; the stub(s) to fill in:\n  ${stubs.join('\n  ')}`, version, timings: { ...ZERO, checkMs, deriveMs: performance.now() - started } });
      }
      const dir = join(this.options.workDir, `save-${save}`);
      await writePatchPackage(dir, derived, true);
      const deriveMs = performance.now() - started;
      started = performance.now();
      const bundle = signBundle(await buildBundle(dir), this.key);
      const buildMs = performance.now() - started;
      const outcome = await this.options.host.apply(bundle, this.trusted);
      if (outcome.outcome === 'committed') [this.running, this.runningClasses] = [after, derived.classes];
      const timings = { checkMs, deriveMs, buildMs, gateMs: outcome.gateMs, commitMs: outcome.commitMs };
      return done({ outcome: outcome.outcome, changes, message: outcome.reason, version: outcome.version, timings, packageDir: dir, ...(outcome.downtime === undefined ? {} : { downtime: outcome.downtime }) });
    } catch (error) {
      return done({ outcome: 'failed', changes: [], message: (error as Error).message, version, timings: ZERO });
    }
  }
}
