/**
 * EventStoreDB orders $all by a pair of transaction-log offsets, {commit, prepare}, compared commit
 * first. The port orders the log by one bigint, so the pair is packed into one number: the commit
 * position in the high bits, the prepare position in the low 64 bits. Both are non-negative int64
 * values on the server, so the packing is lossless and preserves the order of $all.
 *
 * The packed numbers are larger than 2^64: keep them as bigint or decimal strings, never as a
 * JavaScript number or a SQLite INTEGER.
 */

/** The shape of `Position` in @eventstore/db-client. */
export interface EsdbPosition {
  commit: bigint;
  prepare: bigint;
}

const PREPARE_BITS = 64n;
const PREPARE_LIMIT = 1n << PREPARE_BITS;
const PREPARE_MASK = PREPARE_LIMIT - 1n;

export function encodeEsdbPosition(position: EsdbPosition): bigint {
  const { commit, prepare } = position;
  if (commit < 0n || prepare < 0n || prepare >= PREPARE_LIMIT) {
    throw new RangeError(`not a valid EventStoreDB position: commit ${commit}, prepare ${prepare}`);
  }
  return (commit << PREPARE_BITS) | prepare;
}

export function decodeEsdbPosition(position: bigint): EsdbPosition {
  if (position < 0n) {
    throw new RangeError(`not a valid EventStoreDB position: ${position}`);
  }
  return { commit: position >> PREPARE_BITS, prepare: position & PREPARE_MASK };
}
