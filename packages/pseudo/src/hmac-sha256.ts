// HMAC-SHA256 under one fixed key, for millions of short messages. The ipad- and opad-primed
// SHA-256 states are computed once, so a message costs only its own blocks plus one outer block,
// with no allocation and no call into native code. Measured on the project machine, node's
// crypto (a KeyObject createHmac, or copies of primed Hash objects) spends more time crossing into
// C++ than hashing: this plain implementation is 3 to 5 times faster for 20-byte messages. Tests
// check it bit for bit against crypto.createHmac.

const ROUND = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const INITIAL = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const BLOCK = 64;

// Message schedule, shared: every call runs to completion synchronously.
const w = new Int32Array(64);

function loadBlock(bytes: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const p = offset + i * 4;
    w[i] = (bytes[p]! << 24) | (bytes[p + 1]! << 16) | (bytes[p + 2]! << 8) | bytes[p + 3]!;
  }
}

/** One SHA-256 compression of the block held in w[0..15] into state. */
function compress(state: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + ROUND[i]! + w[i]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

function primedState(key: Uint8Array, pad: number): Int32Array {
  const block = new Uint8Array(BLOCK).fill(pad);
  for (let i = 0; i < key.length; i++) block[i] = key[i]! ^ pad;
  const state = new Int32Array(INITIAL);
  loadBlock(block, 0);
  compress(state);
  return state;
}

export type HmacSha256 = {
  /** The MAC of the UTF-8 message as 8 big-endian 32-bit words, written into `out` (also returned). */
  words(message: string, out: Int32Array): Int32Array;
  /** The MAC of the UTF-8 message as 32 bytes, written into `out` (a fresh Buffer when omitted). */
  bytes(message: string, out?: Buffer): Buffer;
};

/** HMAC-SHA256 with `key` (at most 64 bytes, as every key of this project is 32). */
export function createHmacSha256(key: Uint8Array): HmacSha256 {
  if (key.length > BLOCK) throw new RangeError('HMAC keys longer than 64 bytes are not supported');
  const inner = primedState(key, 0x36);
  const outer = primedState(key, 0x5c);
  const state = new Int32Array(8);
  let scratch = Buffer.alloc(4 * BLOCK);

  function words(message: string, out: Int32Array): Int32Array {
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit; 9 more bytes for the padding.
    if (message.length * 3 + 9 > scratch.length) scratch = Buffer.alloc((message.length * 3 + 9 + BLOCK) * 2);
    const n = scratch.write(message, 0, 'utf8');
    const blocks = Math.ceil((n + 9) / BLOCK);
    const end = blocks * BLOCK;
    scratch.fill(0, n, end);
    scratch[n] = 0x80;
    // Length in bits of ipad block + message; messages here stay far below 2^32 bits.
    const bits = (BLOCK + n) * 8;
    scratch.writeUInt32BE(Math.floor(bits / 0x100000000), end - 8);
    scratch.writeUInt32BE(bits >>> 0, end - 4);
    state.set(inner);
    for (let i = 0; i < blocks; i++) {
      loadBlock(scratch, i * BLOCK);
      compress(state);
    }
    // Outer hash: the 32-byte inner digest, padding, and the length of opad block + digest.
    for (let i = 0; i < 8; i++) w[i] = state[i]!;
    w[8] = 0x80000000 | 0;
    w.fill(0, 9, 15);
    w[15] = (BLOCK + 32) * 8;
    out.set(outer);
    compress(out);
    return out;
  }

  const wordsOut = new Int32Array(8);
  function bytes(message: string, out: Buffer = Buffer.allocUnsafe(32)): Buffer {
    words(message, wordsOut);
    for (let i = 0; i < 8; i++) out.writeInt32BE(wordsOut[i]!, i * 4);
    return out;
  }

  return { words, bytes };
}
