// System calls with wrong arguments complete with the status docs/abi.md defines, and the
// model stays consistent: the calling component keeps running and exits normally, and other
// components are unaffected. misuser logs the status of each misuse:
// - `call` on an index that names nothing, or on index 0: INVALID_CAPABILITY;
// - `call` with a misaligned message: INVALID_MESSAGE;
// - an unknown system call number: INVALID_SYSCALL;
// - `wait` on an unused index, or on a capability that is no endpoint: INVALID_CAPABILITY;
// - `reply_and_wait` as the first IPC of a server: there is nobody to reply to, so it only
//   waits, and receives the next request;
// - `wait` on the endpoint of another component: INVALID_CAPABILITY.

import assert from "node:assert/strict";
import { type LogLine, Status, System } from "../../mod.ts";
import { start } from "./_blocking.ts";

/** Finds the line of `log` that starts with `prefix`. */
function lineOf(log: readonly LogLine[], prefix: string): string {
  const line = log.find((candidate) => candidate.text.startsWith(prefix));
  assert.ok(line !== undefined, `no line ${prefix}`);
  return line.text;
}

Deno.test("misuse: statuses", () => {
  const system = new System();
  const child = start(system, "misuser");
  system.run();

  assert.deepEqual(child.status, { kind: "exited", code: 0 });
  assert.equal(
    lineOf(child.log, "call unused index:"),
    `call unused index: status=${Status.INVALID_CAPABILITY}`,
  );
  assert.equal(
    lineOf(child.log, "call index 0:"),
    `call index 0: status=${Status.INVALID_CAPABILITY}`,
  );
  assert.equal(
    lineOf(child.log, "call misaligned message:"),
    `call misaligned message: status=${Status.INVALID_MESSAGE}`,
  );
  assert.equal(
    lineOf(child.log, "unknown system call:"),
    `unknown system call: status=${Status.INVALID_SYSCALL}`,
  );
  assert.equal(
    lineOf(child.log, "wait unused index:"),
    `wait unused index: status=${Status.INVALID_CAPABILITY}`,
  );
  assert.equal(
    lineOf(child.log, "wait on a LOG session:"),
    `wait on a LOG session: status=${Status.INVALID_CAPABILITY}`,
  );
  assert.equal(lineOf(child.log, "no Echo service"), "no Echo service");
  assert.equal(child.log.at(-1)!.text, "done");
});

Deno.test("misuse: first reply_and_wait waits", () => {
  const system = new System();
  const child = start(system, "misuser");
  system.run();

  // The request of "helper" (op 1, value 21) is received; its reply (42) arrives once.
  assert.equal(
    lineOf(child.log, "first reply_and_wait:"),
    "first reply_and_wait: status=0 badge=33 op=1 value=21",
  );
  assert.equal(lineOf(child.log, "helper:"), "helper: result=0 value=42");
  assert.equal(child.log.filter((line) => line.text.startsWith("helper:")).length, 1);
  assert.equal(lineOf(child.log, "second reply_and_wait:"), "second reply_and_wait: status=0 op=2");
});

Deno.test("misuse: foreign endpoint", () => {
  const system = new System();
  const server = start(system, "echo_server");
  system.run({ stop: () => server.threads[0]!.core.thread.state === "blocked" });
  const child = start(system, "misuser");
  system.run({ stop: () => child.ended });

  assert.deepEqual(child.status, { kind: "exited", code: 0 });
  assert.equal(lineOf(child.log, "Echo endpoint:"), "Echo endpoint: result=0 transferred=yes");
  assert.equal(
    lineOf(child.log, "wait on a foreign endpoint:"),
    `wait on a foreign endpoint: status=${Status.INVALID_CAPABILITY}`,
  );

  // The server is unaffected: it still waits on its endpoint and serves a new client.
  assert.equal(server.threads[0]!.core.thread.blocking?.kind, "wait");
  const client = start(system, "echo_client");
  system.run({ stop: () => client.ended });
  assert.deepEqual(client.status, { kind: "exited", code: 0 });
  assert.match(client.log[0]!.text, /^echo 1: result=0 .* served=1 text=PING 1$/);
});
