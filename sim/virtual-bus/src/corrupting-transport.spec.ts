import { createMemoryLink } from '@tickswap/dynamixel';
import { settle } from '../test/turn-deadline-timer';
import { CorruptingTransport } from './corrupting-transport';
import { VirtualBusConfigError } from './virtual-bus-config-error';

/** Sends `bytes` through a noisy device end both ways and returns what each side heard. */
async function through(rate: number, seed: number, bytes: Uint8Array) {
  const [host, device] = createMemoryLink();
  const noisy = new CorruptingTransport(device, { rate, seed });
  const heard = { host: [] as number[], device: [] as number[] };
  host.listen({ data: (chunk) => heard.host.push(...chunk), closed: () => undefined });
  noisy.listen({ data: (chunk) => heard.device.push(...chunk), closed: () => undefined });
  host.write(bytes, () => undefined);
  noisy.write(bytes, () => undefined);
  await settle();
  return { heard, counts: noisy.counts };
}

describe('CorruptingTransport', () => {
  const bytes = Uint8Array.from({ length: 4000 }, (_, index) => index & 0xff);

  it('passes bytes untouched at rate 0 and damages every byte at rate 1', async () => {
    const clean = await through(0, 1, bytes);
    expect(clean.heard.device).toEqual(Array.from(bytes));
    expect(clean.heard.host).toEqual(Array.from(bytes));
    expect(clean.counts).toEqual({ receivedBytes: 0, receivedChunks: 0, sentBytes: 0, sentWrites: 0 });
    const ruined = await through(1, 1, bytes);
    expect(ruined.heard.device.every((byte, index) => byte !== bytes[index])).toBe(true);
    expect(ruined.counts).toEqual({ receivedBytes: 4000, receivedChunks: 1, sentBytes: 4000, sentWrites: 1 });
  });

  it('damages about the rate asked for, the same bytes for the same seed', async () => {
    const first = await through(0.01, 7, bytes);
    const again = await through(0.01, 7, bytes);
    const other = await through(0.01, 8, bytes);
    expect(again.heard).toEqual(first.heard);
    expect(other.heard.device).not.toEqual(first.heard.device);
    const damaged = first.heard.device.filter((byte, index) => byte !== bytes[index]).length;
    expect(damaged).toBe(first.counts.receivedBytes);
    expect(damaged).toBeGreaterThan(20);
    expect(damaged).toBeLessThan(65);
  });

  it('refuses a rate that is not a probability, naming it', () => {
    const [, device] = createMemoryLink();
    for (const rate of [-0.1, 1.5, Number.NaN]) {
      expect(() => new CorruptingTransport(device, { rate, seed: 1 })).toThrow(VirtualBusConfigError);
    }
    const noisy = new CorruptingTransport(device, { rate: 0, seed: 1 });
    expect(() => (noisy.rate = 2)).toThrow('CorruptingTransport#rate failed: 2 is not a probability from 0 to 1');
    expect(noisy.rate).toBe(0);
  });
});
