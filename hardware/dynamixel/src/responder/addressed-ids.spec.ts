import { addressedIds } from './addressed-ids';

describe('addressedIds', () => {
  const present = [3, 1, 2];

  it('names the one servo addressed, or every servo for a broadcast, in id order', () => {
    expect(addressedIds({ kind: 'ping', id: 2 }, present)).toEqual([2]);
    expect(addressedIds({ kind: 'reboot', id: 0xfe }, present)).toEqual([1, 2, 3]);
    expect(addressedIds({ kind: 'read', id: 9, address: 0, length: 2 }, present)).toEqual([]);
  });

  it('names the servos a sync or bulk instruction lists, in its order, skipping absent ones', () => {
    expect(addressedIds({ kind: 'syncRead', address: 132, length: 4, ids: [2, 9, 1] }, present)).toEqual([2, 1]);
    const data = new Uint8Array(1);
    expect(addressedIds({ kind: 'syncWrite', address: 64, length: 1, entries: [{ id: 3, data }] }, present)).toEqual([3]);
    expect(addressedIds({ kind: 'bulkWrite', entries: [{ id: 1, address: 64, data }, { id: 7, address: 64, data }] }, present)).toEqual([1]);
    expect(addressedIds({ kind: 'bulkRead', entries: [{ id: 2, address: 0, length: 2 }] }, present)).toEqual([2]);
  });
});
