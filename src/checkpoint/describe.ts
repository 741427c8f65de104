/**
 * A readable listing of a checkpoint manifest: threads, regions, capabilities and sessions.
 *
 * @module
 */

import type { Manifest, ObjectRecord } from "./manifest.ts";

function hex(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, "0")}`;
}

function size(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} B`;
}

/** Returns a short description of object `id`, such as `ram-dataspace #2 (8 KiB)`. */
function describeObject(manifest: Manifest, id: number): string {
  const object: ObjectRecord | undefined = manifest.objects[id];
  if (object === undefined) return `#${id} (missing)`;
  switch (object.kind) {
    case "ram-dataspace":
      return `ram-dataspace #${id} (${size(object.size)})`;
    case "rom-dataspace":
      return `rom-dataspace #${id} (${manifest.modules[object.module]?.name ?? "?"})`;
    case "region-map":
      return object.addressSpace
        ? `address space #${id}`
        : `region-map #${id} (${size(object.size)})`;
    case "managed-dataspace":
      return `managed-dataspace #${id} of region-map #${object.regionMap}`;
    case "log-session":
    case "rom-session":
    case "timer-session":
      return `${object.kind} #${id}${object.args === "" ? "" : ` (${object.args})`}`;
    case "thread":
      return `thread #${id} (${object.thread.name})`;
    case "rpc-object":
      return `rpc-object #${id} (endpoint #${object.endpoint}, badge ${object.badge})`;
    case "service":
      return `service ${JSON.stringify(object.name)} #${id}`;
    case "signal-context":
      return `signal-context #${id} (badge ${object.badge})`;
    default:
      return `${object.kind} #${id}`;
  }
}

/** Returns the lines of a readable listing of `manifest`. */
export function describeManifest(manifest: Manifest): string[] {
  const lines: string[] = [];
  lines.push(
    `child ${manifest.child}: checkpoint at virtual time ${manifest.clock}, ` +
      `RAM quota ${size(manifest.ramQuota)}, ${manifest.logLines} LOG lines written before`,
  );
  for (const module of manifest.modules) {
    lines.push(`module ${module.name}: ${module.length} bytes, sha256 ${module.sha256}`);
    if (module.path !== null) lines.push(`  from ${module.path}`);
  }

  lines.push("", "threads:");
  for (const id of manifest.threads) {
    const object = manifest.objects[id];
    if (object?.kind !== "thread") continue;
    const thread = object.thread;
    const queued = manifest.schedule.queue.indexOf(id);
    const place = manifest.schedule.current === id
      ? `running, ${manifest.schedule.quantumLeft} instructions of its quantum left`
      : queued >= 0
      ? `ready queue position ${queued}`
      : "not in the ready queue";
    lines.push(`  ${thread.name}: ip ${hex(thread.ip)} sp ${hex(thread.x[2] ?? 0)}`);
    lines.push(`    kernel state: ${thread.kernelState}${thread.paused ? ", paused" : ""}`);
    lines.push(`    restart: ${thread.disposition}; ${place}`);
    if (thread.fault !== null) {
      lines.push(`    fault: cause ${thread.fault.cause} at ${hex(thread.fault.tval)}`);
    }
  }

  lines.push("", "regions:");
  manifest.objects.forEach((object, id) => {
    if (object.kind !== "region-map") return;
    lines.push(`  ${describeObject(manifest, id)}:`);
    for (const attachment of object.attachments) {
      const permissions = `r${attachment.writable ? "w" : "-"}${attachment.executable ? "x" : "-"}`;
      lines.push(
        `    ${hex(attachment.base)}-${
          hex(attachment.base + attachment.size - 1)
        } ${permissions} ` +
          `${size(attachment.size)} ${describeObject(manifest, attachment.dataspace)}` +
          (attachment.offset === 0 ? "" : ` at offset ${hex(attachment.offset)}`),
      );
    }
  });
  const unattached = manifest.objects
    .map((object, id) => ({ object, id }))
    .filter(({ object, id }) =>
      object.kind === "ram-dataspace" &&
      !manifest.objects.some((other) =>
        other.kind === "region-map" && other.attachments.some((a) => a.dataspace === id)
      )
    );
  for (const { id } of unattached) lines.push(`  not attached: ${describeObject(manifest, id)}`);

  lines.push("", "capabilities:");
  for (const { index, object } of manifest.capabilities) {
    lines.push(`  ${String(index).padStart(3)} -> ${describeObject(manifest, object)}`);
  }

  lines.push("", "sessions:");
  for (const id of manifest.sessions) {
    const object = manifest.objects[id];
    let detail = "";
    if (object?.kind === "timer-session" && object.remaining !== null) {
      detail = `, timeout pending in ${object.remaining} ticks` +
        (object.period > 0 ? `, period ${object.period}` : "");
    }
    lines.push(`  ${describeObject(manifest, id)}${detail}`);
  }
  return lines;
}
