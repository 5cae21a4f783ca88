import fc from 'fast-check';
import { claimedPatchId, readBundle } from './read-bundle';

describe('readBundle', () => {
  it('refuses a payload over the limit before parsing it', () => {
    const read = readBundle(Buffer.alloc(11, 0x7b), 10);
    expect(read).toEqual({ refusal: { reason: 'too-large', message: expect.stringMatching(/11 bytes, more than the limit of 10/) }, patchId: null });
  });

  it('refuses malformed JSON and JSON that is not an object, keeping a claimed id when there is one', () => {
    expect(readBundle(Buffer.from('{"id":'), 100)).toMatchObject({ refusal: { reason: 'malformed-json' }, patchId: null });
    expect(readBundle(Buffer.from([0xc3, 0x28]), 100)).toMatchObject({ refusal: { reason: 'malformed-json', message: expect.stringMatching(/not UTF-8 JSON/) } });
    expect(readBundle(Buffer.from('[1]'), 100)).toMatchObject({ refusal: { reason: 'invalid-bundle', message: expect.stringMatching(/an array/) } });
    expect(readBundle(Buffer.from('null'), 100)).toMatchObject({ refusal: { reason: 'invalid-bundle', message: expect.stringMatching(/JSON null/) } });
  });

  it('reads an object and the id it claims', () => {
    expect(readBundle(Buffer.from('{"id":"p1","format":1}'), 100)).toEqual({ bundle: { id: 'p1', format: 1 }, patchId: 'p1' });
    expect(claimedPatchId({ id: 42 })).toBeNull();
    expect(claimedPatchId({ id: 'x'.repeat(129) })).toBeNull();
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.json().map((json) => new TextEncoder().encode(json))), (bytes) => {
        const read = readBundle(bytes, 200);
        expect('refusal' in read || typeof read.bundle === 'object').toBe(true);
      }),
    );
  });
});
