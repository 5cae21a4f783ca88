import { runVirtual, type UpdateLogEntry } from '@tickswap/control-loop';
import { loadRobotDescription, REFERENCE_ROBOT_PATH } from '@tickswap/robots';
import { schemaErrors, TELEMETRY_SCHEMAS, type TelemetryMessage, type TickWindowMessage, type UpdateMessage } from '@tickswap/telemetry';
import { VirtualTimeScheduler } from 'rxjs';
import { demoPatch } from '../test/demo-patch';
import { logEntry } from '../test/log-entry';
import { startControllerTelemetry } from './controller-telemetry';
import { createSimulatedController } from './simulated-controller';
import { updateMark } from './update-marks';
import { UpdateNotes } from './update-notes';

const robot = loadRobotDescription(REFERENCE_ROBOT_PATH);

describe('updateMark', () => {
  it('marks a commit from the patch version to its target, with the boundary pause measured', () => {
    expect(updateMark(logEntry({}))).toEqual({ tick: 1002, kind: 'commit', from: '0', to: '1', pauseMs: 0.0413, id: 'pid-integral-limit' });
  });

  it('marks a rollback back from the target to the version running again, with why', () => {
    const rolledBack = logEntry({ event: 'rolled-back', version: '0', tick: 1003, reason: 'watch: NaN in the commands', failure: 'nan' });
    expect(updateMark(rolledBack)).toEqual({ tick: 1003, kind: 'rollback', from: '1', to: '0', pauseMs: 0.0413, id: 'pid-integral-limit', reason: 'watch: NaN in the commands' });
  });

  it('carries the notes of the update, when there are some', () => {
    expect(updateMark(logEntry({}), ['Pid: replace', 'the simulator gate accepted 0 -> 1'])).toMatchObject({ id: 'pid-integral-limit', notes: ['Pid: replace', 'the simulator gate accepted 0 -> 1'] });
  });

  it('marks nothing for outcomes that swapped nothing', () => {
    for (const event of ['kept', 'refused', 'abandoned', 'failed', 'rollback-failed'] as const) expect(updateMark(logEntry({ event, downtime: undefined }))).toBeUndefined();
    expect(updateMark(logEntry({ tick: undefined }))).toBeUndefined();
  });
});

describe('controller telemetry (virtual time)', () => {
  it('reports the commit of the demo patch with its measured pause and the per-tick window around it, every message of its schema', async () => {
    const { patch } = await demoPatch();
    const scheduler = new VirtualTimeScheduler();
    const { controller, bus } = createSimulatedController({ robot, scheduler, sideLength: 0.3 });
    const printed: string[] = [];
    const notes = new UpdateNotes();
    notes.admit('pid-integral-limit', patch, 'the simulator gate accepted 0 -> 1');
    const notesOf = (id: string) => notes.of(id);
    const telemetry = await startControllerTelemetry(controller, { dashboardPort: undefined, recordPath: undefined, pose: bus.pose(), print: (line) => printed.push(line), notesOf });
    const messages: TelemetryMessage[] = [];
    telemetry.telemetry.messages$.subscribe((message) => messages.push(message));
    await controller.start();
    scheduler.schedule(() => void controller.hotSwap.request(patch, { id: 'pid-integral-limit' }), 1000.5);
    scheduler.schedule(() => void controller.stop(), 3000);
    await runVirtual(scheduler, controller.loop);
    scheduler.flush(); // the last read, scheduled after the last tick
    await telemetry.close();

    const committed = controller.hotSwap.log.entries.find((e) => e.event === 'committed') as UpdateLogEntry;
    const update = messages.find((m): m is UpdateMessage => m.type === 'update');
    expect(update).toMatchObject({ kind: 'commit', tick: committed.tick, from: '0', to: '1', pauseMs: committed.downtime?.boundaryMs, id: 'pid-integral-limit' });
    // What the update changed and its verdict travel with it, for the dashboard.
    expect(update?.notes).toEqual([expect.stringMatching(/^Pid: replace \(.*add integralLimit; rename integral -> integralSum\)$/), 'validated: Pid', 'the simulator gate accepted 0 -> 1']);
    const window = messages.find((m): m is TickWindowMessage => m.type === 'tick-window') as TickWindowMessage;
    const at = (committed.tick as number) - window.firstTick;
    expect(window.update.kind).toBe('commit');
    expect(window.commitUs[at]).toBeCloseTo((committed.downtime?.boundaryMs as number) * 1000, 3);
    expect([window.version[at], window.version[at + 1]]).toEqual([0, 1]);
    expect(window.latenessUs).toHaveLength(1001);
    expect(messages.filter((m) => m.type === 'tick-statistics').map((m) => m.type === 'tick-statistics' && m.ticks).reduce((a, b) => Number(a) + Number(b), 0)).toBe(controller.loop.ticks);
    for (const message of messages) expect(schemaErrors(TELEMETRY_SCHEMAS[message.type], message)).toEqual([]);
    expect(printed).toEqual([]);
  });
});
