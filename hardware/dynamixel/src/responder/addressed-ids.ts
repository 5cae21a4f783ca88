import type { DecodedInstruction } from '../instructions/decode-instruction';
import { BROADCAST_ID } from '../protocol/packet';

/**
 * The ids among `present` that `instruction` addresses: its id (every one for
 * a broadcast), or the ids listed by a Sync or Bulk instruction. These are the
 * servos that hear it, in the order they act on it.
 *
 * @example
 * addressedIds({ kind: 'ping', id: 0xfe }, [2, 1]); // [1, 2]
 */
export function addressedIds(instruction: DecodedInstruction, present: Iterable<number>): number[] {
  const known = new Set(present);
  switch (instruction.kind) {
    case 'syncRead':
      return instruction.ids.filter((id) => known.has(id));
    case 'syncWrite':
    case 'bulkRead':
    case 'bulkWrite':
      return instruction.entries.map((entry) => entry.id).filter((id) => known.has(id));
    default:
      if (instruction.id === BROADCAST_ID) return [...known].sort((a, b) => a - b);
      return known.has(instruction.id) ? [instruction.id] : [];
  }
}
