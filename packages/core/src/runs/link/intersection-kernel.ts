// |A ∩ B| of one tenant filter against a block of candidate filters, in WebAssembly.
//
// Why not @nonrecours/pseudo's intersectionAt: JavaScript has no popcount instruction, and with its
// 16-bit table (or SWAR bit tricks) a comparison of two 1024-bit filters costs about 50 ns on one
// core here, under the matcher's target of 20 million a second. WebAssembly's i64.popcnt compiles to
// the CPU's POPCNT, and the loop below runs about eight times faster (test/bench/dice.bench.ts).
// Its results are checked against pseudo's dice in intersection-kernel.test.ts.
//
// The module, as bytes below, is this text (WAT); memory holds the tenant's filter, the candidates'
// filters side by side, then one i32 per candidate for the results:
//
//   (module
//     (memory (export "memory") 1)
//     (func (export "intersections") (param $tenant i32) (param $candidate i32) (param $count i32)
//                                    (param $out i32) (local $n i64)
//       (block $done
//         (br_if $done (i32.eqz (local.get $count)))
//         (loop $next
//           (local.set $n (i64.const 0))
//           ;; 16 times, for k = 0, 8, …, 120:
//           (local.set $n (i64.add (local.get $n) (i64.popcnt (i64.and
//             (i64.load offset=k (local.get $tenant)) (i64.load offset=k (local.get $candidate))))))
//           (i32.store (local.get $out) (i32.wrap_i64 (local.get $n)))
//           (local.set $candidate (i32.add (local.get $candidate) (i32.const 128)))
//           (local.set $out (i32.add (local.get $out) (i32.const 4)))
//           (br_if $next (local.tee $count (i32.sub (local.get $count) (i32.const 1))))))))

import { CLK_BYTES, popcountAt } from '@nonrecours/pseudo';

const op = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i64Load: 0x29,
  i32Store: 0x36,
  i32Const: 0x41,
  i64Const: 0x42,
  i32Eqz: 0x45,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i64Popcnt: 0x7b,
  i64Add: 0x7c,
  i64And: 0x83,
  i32WrapI64: 0xa7,
  emptyType: 0x40,
} as const;
const [tenant, candidate, count, out, n] = [0, 1, 2, 3, 4];
const i32 = 0x7f;
const i64 = 0x7e;

/** A section, function body or name: its byte length as an unsigned LEB128, then its bytes. */
function sized(bytes: number[]): number[] {
  const length: number[] = [];
  for (let rest = bytes.length; rest >= 0x80; rest >>>= 7) length.push((rest & 0x7f) | 0x80);
  length.push(bytes.length >>> (7 * length.length));
  return [...length, ...bytes];
}
const name = (text: string) => sized([...Buffer.from(text, 'ascii')]);

const loopBody = [
  ...[op.i64Const, 0, op.localSet, n],
  ...Array.from({ length: CLK_BYTES / 8 }, (_, k) => [
    ...[op.localGet, n],
    ...[op.localGet, tenant, op.i64Load, 3, 8 * k], // align 8, offset 8k
    ...[op.localGet, candidate, op.i64Load, 3, 8 * k],
    ...[op.i64And, op.i64Popcnt, op.i64Add, op.localSet, n],
  ]).flat(),
  ...[op.localGet, out, op.localGet, n, op.i32WrapI64, op.i32Store, 2, 0], // align 4, offset 0
  // 128 is 0x80 0x01 as a signed LEB128.
  ...[op.localGet, candidate, op.i32Const, 0x80, 0x01, op.i32Add, op.localSet, candidate],
  ...[op.localGet, out, op.i32Const, 4, op.i32Add, op.localSet, out],
  ...[op.localGet, count, op.i32Const, 1, op.i32Sub, op.localTee, count, op.brIf, 0],
];
const functionBody = [
  ...[1, 1, i64], // one group of locals: one i64 ($n)
  ...[op.block, op.emptyType, op.localGet, count, op.i32Eqz, op.brIf, 0],
  ...[op.loop, op.emptyType, ...loopBody, op.end],
  ...[op.end, op.end],
];
const wasm = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
  ...[1, ...sized([1, 0x60, 4, i32, i32, i32, i32, 0])], // types: (i32 i32 i32 i32) → ()
  ...[3, ...sized([1, 0])], // functions: one, of type 0
  ...[5, ...sized([1, 0x00, 1])], // memories: one, at least one page, no maximum
  ...[7, ...sized([2, ...name('intersections'), 0x00, 0, ...name('memory'), 0x02, 0])], // exports
  ...[10, ...sized([1, ...sized(functionBody)])], // code: one function body
]);

// The project's TypeScript libraries (es2024, no DOM) do not describe WebAssembly: the part used here.
interface Memory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
type Intersections = (tenant: number, candidates: number, count: number, out: number) => void;
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: { memory: Memory; intersections: Intersections } };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

const compiled = new wasmApi.Module(wasm);
const PAGE = 65536;
const ALL_ONES = new Uint8Array(CLK_BYTES).fill(0xff);

/** Memory: the tenant's filter at byte 0, the candidates' from byte 128, then one i32 result per candidate. */
export class IntersectionKernel {
  #memory: Memory;
  #intersections: Intersections;
  #bytes: Uint8Array;
  #words: Int32Array;
  #results = new Int32Array(0);

  constructor() {
    const { exports } = new wasmApi.Instance(compiled);
    this.#memory = exports.memory;
    this.#intersections = exports.intersections;
    this.#bytes = new Uint8Array(this.#memory.buffer);
    this.#words = new Int32Array(this.#memory.buffer);
  }

  /** Copies a block's candidate filters in, side by side, and returns their bit counts. */
  loadCandidates(clks: readonly Uint8Array[]): Uint16Array {
    const needed = CLK_BYTES + clks.length * (CLK_BYTES + 4);
    const size = this.#memory.buffer.byteLength;
    if (needed > size) {
      this.#memory.grow(Math.ceil((needed - size) / PAGE));
      // Growing detaches the old buffer and every view on it.
      this.#bytes = new Uint8Array(this.#memory.buffer);
      this.#words = new Int32Array(this.#memory.buffer);
    }
    for (let i = 0; i < clks.length; i++) this.#bytes.set(checked(clks[i]!), CLK_BYTES * (i + 1));
    this.#results = new Int32Array(this.#memory.buffer, CLK_BYTES * (clks.length + 1), clks.length);
    // A filter's bit count is its intersection with a filter of all ones.
    this.loadTenant(ALL_ONES);
    return Uint16Array.from(this.intersect());
  }

  /** Copies a tenant's filter in and returns its bit count. */
  loadTenant(clk: Uint8Array): number {
    this.#bytes.set(checked(clk), 0);
    return popcountAt(this.#words, 0);
  }

  /** |tenant ∩ candidate i| for every loaded candidate: a view that the next call overwrites. */
  intersect(): Int32Array {
    this.#intersections(0, CLK_BYTES, this.#results.length, this.#results.byteOffset);
    return this.#results;
  }
}

function checked(clk: Uint8Array): Uint8Array {
  if (clk.length !== CLK_BYTES) throw new RangeError(`an identity_clk has ${CLK_BYTES} bytes`);
  return clk;
}
