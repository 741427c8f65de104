/**
 * Checkpoint and restore of a child with 1, 16 and 64 MiB of pseudo-random dataspace contents,
 * each against a plain copy of the same number of bytes into fresh buffers (the `baseline` of
 * each group), so that `deno bench` prints the ratio.
 *
 * - checkpoint: `checkpoint()` of the running child, then `encodeImage`.
 * - restore: `decodeImage` (with checksum verification), then `restore()` into a fresh System.
 * - copy: `new Uint8Array(size)` and `set` from the source bytes.
 *
 * The child is `counter`, stopped at virtual time 10,000 in its first busy loop. Before it
 * runs, the parent allocates one RAM dataspace of the measured size through the child's PD
 * session, attaches it writable and fills it with xorshift32 output, so no page is all zero and
 * the image stores every page. The child's own memory (20 KiB of data and bss) comes on top.
 *
 * Run: `deno bench --allow-read --allow-write --allow-env bench/checkpoint_bench.ts`
 *
 * Measured 2026-12-04 with Deno 2.9.6 on 2 cores x86-64 (AMD EPYC), one run, mean time per
 * iteration and the ratio to the copy of the same group (docs/bench.md has the details):
 *
 * | group  | copy     | checkpoint | restore | checkpoint / copy | restore / copy |
 * | ------ | -------- | ---------- | ------- | ----------------- | -------------- |
 * | 1 MiB  | 216 µs   | 304 µs     | 8.1 ms  | 1.41              | 37.7           |
 * | 16 MiB | 4.8 ms   | 6.6 ms     | 20.7 ms | 1.37              | 4.32           |
 * | 64 MiB | 152 ms   | 160 ms     | 153 ms  | 1.05              | 1.00           |
 *
 * NOTE: restore misses the target of 1.5 times the copy below 64 MiB. Creating the empty child
 * costs about 4 ms whatever the size, and restore copies the bytes twice (decode, then into the
 * new dataspace) after zero-filling the dataspace.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { checkpoint, type Child, decodeImage, encodeImage, restore, System } from "../mod.ts";

const MIB = 1024 * 1024;
const COUNTER_ELF = fileURLToPath(new URL("../examples/children/counter.elf", import.meta.url));

/** Pseudo-random bytes from a xorshift32 generator: no page is all zero. */
function fillRandom(data: Uint8Array, seed: number): void {
  const words = new Uint32Array(data.buffer, data.byteOffset, data.length / 4);
  let state = seed | 1;
  for (let i = 0; i < words.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    words[i] = state >>> 0;
  }
}

/** Starts `counter` with an extra attached dataspace of `size` random bytes; runs it a little. */
function childWithContents(size: number): { system: System; child: Child } {
  const system = new System();
  system.loadModule(COUNTER_ELF);
  const child = system.startChild("counter.elf", { ramQuota: size + 4 * MIB });

  const dataspace = child.pd.alloc(size);
  child.pd.addressSpace.attach(dataspace, { writable: true });
  fillRandom(dataspace.bytes, size);

  system.run({ until: 10_000 });
  return { system, child };
}

for (const size of [1 * MIB, 16 * MIB, 64 * MIB]) {
  const group = `${size / MIB} MiB`;
  const { system, child } = childWithContents(size);
  const image = encodeImage(checkpoint(system, child).contents);
  const source = child.pd.dataspaces.at(-1)!.bytes;
  // The copy moves as many bytes as the checkpoint holds: the extra dataspace and the child's own.
  const total = child.pd.dataspaces.reduce((sum, dataspace) => sum + dataspace.size, 0);
  const rest = new Uint8Array(total - size);

  Deno.bench(`copy ${group}`, { group, baseline: true }, () => {
    const copy = new Uint8Array(size);
    copy.set(source);
    const other = new Uint8Array(rest.length);
    other.set(rest);
  });

  Deno.bench(`checkpoint ${group}`, { group }, () => {
    encodeImage(checkpoint(system, child).contents);
  });

  Deno.bench(`restore ${group}`, { group }, () => {
    restore(new System(), decodeImage(image));
  });
}
