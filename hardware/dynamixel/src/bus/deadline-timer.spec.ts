import { NodeDeadlineTimer } from './deadline-timer';
import { replyTimeoutMicros, wireMicros } from './transfer-timing';

describe('NodeDeadlineTimer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('fires once, rounded up to whole milliseconds, and not after disarm', () => {
    const timer = new NodeDeadlineTimer();
    const fired = jest.fn();
    timer.arm(1200, fired);
    jest.advanceTimersByTime(1);
    expect(fired).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledTimes(1);
    timer.arm(1200, fired);
    timer.disarm();
    jest.advanceTimersByTime(10);
    expect(fired).toHaveBeenCalledTimes(1);
    timer.dispose();
  });

  it('re-arming pushes the deadline back and replaces the callback', () => {
    const timer = new NodeDeadlineTimer();
    const first = jest.fn();
    const second = jest.fn();
    timer.arm(3000, first);
    jest.advanceTimersByTime(2);
    timer.arm(3000, second);
    jest.advanceTimersByTime(2);
    expect(second).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    timer.dispose();
  });
});

describe('transfer timing', () => {
  it('counts 10 bits a byte and adds a return delay and a wire time per reply, then the margin', () => {
    expect(wireMicros(21, 1_000_000)).toBe(210);
    expect(wireMicros(10, 57_600)).toBeCloseTo(1736.1, 1);
    expect(replyTimeoutMicros(18, 4, 25, { baudRate: 1_000_000, returnDelayMicros: 20, marginMicros: 1000 })).toBe(180 + 4 * 270 + 1000);
  });
});
