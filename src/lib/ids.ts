import { randomBytes } from 'node:crypto';

export type IdGenerator = () => string;

let lastMs = 0;
let counter = 0;

/**
 * UUID version 7 (RFC 9562): time-ordered, so primary keys index well and id order
 * is creation order, which newest-first lists and keyset pagination rely on. Within
 * one millisecond the 12-bit rand_a field is a counter (RFC 9562 §6.2, method 1), so
 * ids made by this process are strictly increasing; if the counter runs out, the
 * timestamp borrows the next millisecond.
 */
export const uuidv7: IdGenerator = () => {
  let ms = Date.now();
  if (ms <= lastMs) {
    counter += 1;
    if (counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    counter = randomBytes(2).readUInt16BE(0) & 0x3ff; // start low, leaving room to count
  }
  const bytes = randomBytes(16);
  const time = BigInt(ms);
  for (let i = 0; i < 6; i++) bytes[i] = Number((time >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
