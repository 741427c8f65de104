/**
 * Runs every test program under qemu-riscv32 (Linux user mode) and under the interpreter with
 * the test runner, and compares stdout and exit status.
 */
import { strict as assert } from "node:assert";
import { C_PROGRAMS, PROGRAMS_DIR, readProgram, SELF_CHECKING } from "./_programs.ts";
import { runLinuxProgram } from "./_linux_runner.ts";

const QEMU = "qemu-riscv32";

function findOnPath(command: string): string | undefined {
  for (const directory of (Deno.env.get("PATH") ?? "").split(":")) {
    if (directory === "") continue;
    try {
      if (Deno.statSync(`${directory}/${command}`).isFile) return `${directory}/${command}`;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

const qemu = findOnPath(QEMU);
if (qemu === undefined) {
  console.warn(`${QEMU} not found on PATH: the differential tests are ignored`);
}

for (const name of [...Object.keys(SELF_CHECKING), ...C_PROGRAMS]) {
  Deno.test({
    name: `differential: ${name}`,
    ignore: qemu === undefined,
    fn: async () => {
      const bytes = readProgram(name);
      const reference = await new Deno.Command(qemu!, {
        args: [`${PROGRAMS_DIR}${name}.elf`],
        stdout: "piped",
        stderr: "piped",
      }).output();
      const outcome = runLinuxProgram(bytes);

      assert.equal(reference.signal, null);
      assert.equal(outcome.trap, undefined);
      assert.deepEqual(outcome.stdout, reference.stdout);
      assert.equal(outcome.exitCode, reference.code);
    },
  });
}
