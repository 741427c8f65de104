// Starting from a valid ELF capability creates the initial thread and starts it at the
// ELF's entry point with a stack pointer of 0, and the startup code sets up its own stack.
// Before the machine runs, that thread is the child's only one and all its other
// registers are zero.

import assert from "node:assert/strict";
import { INITIAL_THREAD_NAME, readElf, System } from "../../mod.ts";
import { buildElf, DEFAULT_CODE } from "../../tests/elf/fixtures.ts";
import { exampleBytes, startExample } from "../_support.ts";

Deno.test("initial thread: started at the entry", () => {
  const { child } = startExample("counter");
  const entry = readElf(exampleBytes("counter")).entry;
  const [thread] = child.threads;

  assert.equal(child.threads.length, 1);
  assert.equal(thread?.name, INITIAL_THREAD_NAME);
  assert.deepEqual(thread?.startedAt, { ip: entry, sp: 0 });
  assert.equal(thread?.core.state().ip, entry);
  assert.equal(thread?.core.state().sp, 0);
  assert.ok(thread?.core.state().x.every((value) => value === 0));
});

Deno.test("initial thread: entry other than the first byte", () => {
  const segments = [{
    vaddr: 0x10000,
    data: Uint8Array.of(...DEFAULT_CODE, ...DEFAULT_CODE),
    flags: 5,
  }];
  const system = new System();
  system.addModule("entry.elf", buildElf({ segments, entry: 0x10004 }));
  const child = system.startChild("entry.elf");

  assert.deepEqual(child.threads[0]?.startedAt, { ip: 0x10004, sp: 0 });
  assert.equal(child.threads[0]?.core.state().ip, 0x10004);
});

Deno.test("initial thread: runs from the entry", () => {
  const { system, child } = startExample("hello");
  system.run();

  assert.deepEqual(child.status, { kind: "exited", code: 0 });
  assert.deepEqual(child.log.map((line) => line.text), ["hello from crspec"]);
});
