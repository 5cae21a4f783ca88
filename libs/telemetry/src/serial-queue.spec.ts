import { SerialQueue } from './serial-queue';

/** A consumer whose calls settle only when the test says so. */
function heldConsumer() {
  const started: number[] = [];
  const releases: (() => void)[] = [];
  const work = (item: number) =>
    new Promise<void>((resolve, reject) => {
      started.push(item);
      releases.push(() => (item < 0 ? reject(new Error(`bad ${item}`)) : resolve()));
    });
  const releaseNext = async () => {
    releases.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { started, work, releaseNext };
}

describe('SerialQueue', () => {
  it('hands items over one at a time, in order, each once the previous settled', async () => {
    const consumer = heldConsumer();
    const queue = new SerialQueue(consumer.work, 10);
    [1, 2, 3].forEach((item) => queue.push(item));
    expect(consumer.started).toEqual([1]);
    await consumer.releaseNext();
    expect(consumer.started).toEqual([1, 2]);
    await consumer.releaseNext();
    await consumer.releaseNext();
    expect(consumer.started).toEqual([1, 2, 3]);
    expect(queue.pending).toBe(0);
  });

  it('drops and counts new items while `limit` wait, without ever making the caller wait', () => {
    const consumer = heldConsumer();
    const queue = new SerialQueue(consumer.work, 2);
    const accepted = [1, 2, 3, 4, 5].map((item) => queue.push(item));
    expect(accepted).toEqual([true, true, true, false, false]);
    expect([queue.dropped, queue.pending]).toEqual([2, 3]);
  });

  it('counts a failed item, keeps what it threw first, and goes on with the next', async () => {
    const consumer = heldConsumer();
    const queue = new SerialQueue(consumer.work, 10);
    [-1, 2].forEach((item) => queue.push(item));
    const drained = queue.drained();
    await consumer.releaseNext();
    await consumer.releaseNext();
    await drained;
    expect(consumer.started).toEqual([-1, 2]);
    expect(queue.failed).toBe(1);
    expect((queue.error as Error).message).toBe('bad -1');
  });
});
