/**
 * Rebuilds the committed RV32IM ELF executables from their sources:
 *
 * - `examples/children/<name>.c`, linked with the child runtime under
 *   `examples/children/runtime/` by `child.ld`;
 * - `tests/rv32/programs/<name>.S` and `<name>.c`, freestanding Linux user-mode test programs.
 *
 * Each `<name>.elf` is written next to its source. The output depends only on the sources and
 * the compiler version (Debian gcc-riscv64-unknown-elf 12.2.0 when the ELFs were committed),
 * not on the checkout folder or the temporary folder, so a rebuild reproduces the committed
 * files byte for byte.
 *
 * Usage:
 *
 * ```sh
 * deno task children           # rebuild every ELF and write those that changed
 * deno task children --check   # rebuild into a temporary folder; exit 1 if a committed ELF differs
 * ```
 *
 * @module
 */

import { basename, dirname, join, resolve } from "node:path";

/** The cross compiler; Debian ships it in the package gcc-riscv64-unknown-elf. */
const COMPILER = "riscv64-unknown-elf-gcc";

const ARCH = ["-march=rv32im", "-mabi=ilp32"];

/** Flags of the child programs. `-g0` keeps paths of the checkout out of the image. */
const CHILD_FLAGS = [
  ...ARCH,
  "-O2",
  "-ffreestanding",
  "-nostdlib",
  "-static",
  "-fno-pic",
  "-g0",
  "-Wall",
  "-Wextra",
  "-Wl,--build-id=none",
  "-T",
  "examples/children/runtime/child.ld",
];

/** Link flags of the test programs in tests/rv32/programs. */
const TEST_LINK_FLAGS = [
  ...ARCH,
  "-nostdlib",
  "-static",
  "-Wl,--build-id=none",
  "-Wl,-Ttext=0x10000",
];

const RUNTIME_FOLDER = "examples/children/runtime";

/** The repository root, whatever the current directory is. */
const ROOT = resolve(import.meta.dirname ?? ".", "..");

/** Paths handed to a rule, relative to the repository root except where noted. */
interface Target {
  /** The source file, such as `examples/children/hello.c`. */
  source: string;
  /** Absolute output path of the ELF, inside the build folder. */
  output: string;
  /** A scratch folder of this target for intermediate files (absolute). */
  scratch: string;
  /** Runtime sources of the children, in link order. */
  runtime: readonly string[];
}

/** Build rule of one kind of source: its folder, its extension and its compiler runs. */
interface Rule {
  /** Folder of the sources, relative to the repository root. */
  folder: string;
  /** File name extension of the sources, such as `.c`. */
  extension: string;
  /** The argument lists of the compiler runs, in order. */
  commands(target: Target): string[][];
}

/**
 * The build rules, the single place that states how every ELF is built.
 *
 * A `.S` test program is assembled and linked in two runs, because in one run the linker names
 * the program's STT_FILE symbol after a randomly named temporary object. With a fixed object
 * name `<name>.o` the image is reproducible. The commands are otherwise those of
 * `riscv64-unknown-elf-gcc -march=rv32im -mabi=ilp32 -nostdlib -static -Wl,--build-id=none
 * -Wl,-Ttext=0x10000 -o X.elf X.S`.
 */
const RULES: readonly Rule[] = [
  {
    folder: "examples/children",
    extension: ".c",
    commands: (target) => [
      [...CHILD_FLAGS, "-o", target.output, ...target.runtime, target.source, "-lgcc"],
    ],
  },
  {
    folder: "tests/rv32/programs",
    extension: ".S",
    commands: (target) => {
      const object = join(target.scratch, basename(target.source, ".S") + ".o");
      return [
        [...ARCH, "-c", "-o", object, target.source],
        [...TEST_LINK_FLAGS, "-o", target.output, object],
      ];
    },
  },
  {
    folder: "tests/rv32/programs",
    extension: ".c",
    commands: (target) => [
      [...TEST_LINK_FLAGS, "-O2", "-ffreestanding", "-o", target.output, target.source],
    ],
  },
];

/** A failed compiler run: the command line and what the compiler printed. */
class BuildError extends Error {
  /** Creates the error for the compiler run `args` that printed `output`. */
  constructor(args: readonly string[], output: string) {
    super(`Cannot build: ${COMPILER} ${args.join(" ")} failed\n${output.trimEnd()}`);
    this.name = "BuildError";
  }
}

/** Lists the names in `folder` (relative to the root) that end in `extension`, sorted. */
async function listSources(folder: string, extension: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(join(ROOT, folder))) {
      if (entry.isFile && entry.name.endsWith(extension)) names.push(entry.name);
    }
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
  return names.sort().map((name) => `${folder}/${name}`);
}

/** Lists the runtime sources in link order: crt0.S first, then the other files by name. */
async function listRuntime(): Promise<string[]> {
  const assembly = await listSources(RUNTIME_FOLDER, ".S");
  const c = await listSources(RUNTIME_FOLDER, ".c");
  const crt0 = `${RUNTIME_FOLDER}/crt0.S`;
  return [crt0, ...assembly.filter((path) => path !== crt0), ...c];
}

/** Runs the compiler with `args` in the repository root; throws BuildError when it fails. */
async function runCompiler(args: readonly string[]): Promise<void> {
  const result = await new Deno.Command(COMPILER, {
    args: [...args],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const output = new TextDecoder().decode(result.stdout) + new TextDecoder().decode(result.stderr);
  if (!result.success) throw new BuildError(args, output);
  if (output.trim() !== "") console.error(output.trimEnd());
}

/** Exits with a one-line message when the cross compiler cannot be started. */
async function requireCompiler(): Promise<void> {
  try {
    await new Deno.Command(COMPILER, { args: ["--version"], stdout: "null", stderr: "null" })
      .output();
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    console.error(
      `error: ${COMPILER} not found; install the Debian package gcc-riscv64-unknown-elf`,
    );
    Deno.exit(1);
  }
}

/** Builds every ELF into `buildFolder`; returns the ELF paths relative to the root. */
async function buildAll(buildFolder: string): Promise<string[]> {
  const runtime = await listRuntime();
  const jobs: Promise<string>[] = [];

  for (const rule of RULES) {
    for (const source of await listSources(rule.folder, rule.extension)) {
      const elf = source.slice(0, -rule.extension.length) + ".elf";
      const output = join(buildFolder, elf);
      const scratch = join(buildFolder, "scratch", elf);
      jobs.push((async () => {
        await Deno.mkdir(dirname(output), { recursive: true });
        await Deno.mkdir(scratch, { recursive: true });
        for (const args of rule.commands({ source, output, scratch, runtime })) {
          await runCompiler(args);
        }
        return elf;
      })());
    }
  }
  return (await Promise.all(jobs)).sort();
}

/** Reads a file, or returns undefined when it does not exist. */
async function readIfPresent(path: string): Promise<Uint8Array | undefined> {
  try {
    return await Deno.readFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
}

/** Compares two byte arrays. */
function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i++) {
    if (left[i] !== right[i]) return false;
  }
  return true;
}

/** Returns the ELFs whose committed copy is missing or differs from the build. */
async function findChanged(buildFolder: string, elfs: readonly string[]): Promise<string[]> {
  const changed: string[] = [];
  for (const elf of elfs) {
    const built = await Deno.readFile(join(buildFolder, elf));
    const committed = await readIfPresent(join(ROOT, elf));
    if (committed === undefined || !sameBytes(built, committed)) changed.push(elf);
  }
  return changed;
}

const USAGE = "usage: deno task children [--check]\n" +
  "  --check  rebuild into a temporary folder and exit 1 if a committed ELF differs";

/** Parses the arguments, builds, and writes or checks the ELFs; returns the exit code. */
async function main(args: readonly string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.filter((arg) => arg !== "--check");
  if (unknown.length > 0) {
    console.error(`error: unknown argument ${unknown[0]}\n${USAGE}`);
    return 2;
  }
  const check = args.includes("--check");

  await requireCompiler();
  const buildFolder = await Deno.makeTempDir({ prefix: "crspec_children_" });
  try {
    const elfs = await buildAll(buildFolder);
    const changed = await findChanged(buildFolder, elfs);

    if (check) {
      if (changed.length === 0) {
        console.log(`all ${elfs.length} ELF files match their sources`);
        return 0;
      }
      console.error(
        `${changed.length} of ${elfs.length} ELF files are missing or differ from a fresh build; ` +
          "run `deno task children` and commit them:",
      );
      for (const elf of changed) console.error(`  ${elf}`);
      return 1;
    }

    for (const elf of changed) {
      await Deno.copyFile(join(buildFolder, elf), join(ROOT, elf));
      console.log(`wrote ${elf}`);
    }
    console.log(`${elfs.length} ELF files built, ${changed.length} changed`);
    return 0;
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await Deno.remove(buildFolder, { recursive: true });
  }
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
