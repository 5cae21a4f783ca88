import { PatchRefusedError } from './errors';
import { LiveSystem } from './live-system';
import type { PatchStep } from './patch';
import { pidWorld } from './testing/pid-fixtures';

describe('a patch whose classes an inverse rollback retired', () => {
  it('is refused at commit, before anything changes, instead of looping the prototypes', () => {
    const { Pid, PidV2, namespace, patch } = pidWorld();
    const inverse: PatchStep = { from: '2', to: '1', classes: { Pid: { kind: 'replace', code: Pid, rename: { gain: 'ki' }, remove: ['bias'] } } };
    const live = new LiveSystem(namespace, { pids: [new Pid(1)] });
    live.update({ ...patch, inverse }).rollback();
    const before = live.root.pids[0];
    expect(() => live.prepare({ ...patch, inverse }).commit()).toThrow(PatchRefusedError);
    expect(() => live.update(patch, { policy: 'lazy' })).toThrow(
      /^PreparedUpdate#commit failed: the new code of class 'Pid' was rolled back by an inverse migration and now forwards to the running class; nothing changed: build the patch again with fresh classes \(reload its module\)$/,
    );
    expect(live.namespace.version).toBe('1');
    expect(live.root.pids[0]).toBe(before);
    expect(live.root.pids[0]).toBeInstanceOf(Pid);
    expect(live.root.pids[0]).not.toBeInstanceOf(PidV2);
  });
});
