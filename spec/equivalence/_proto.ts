import { checkpoint, decodeImage, encodeImage, restore, System } from "/work/main/mod.ts";
for (const name of ["hello", "counter", "heap", "compute"]) {
  const t0 = performance.now();
  const s = new System();
  s.loadModule(`/work/main/examples/children/${name}.elf`);
  const c = s.startChild(`${name}.elf`);
  const stop = s.run();
  const t1 = performance.now();
  console.log(name, stop, s.clock, c.status, c.log.length, (t1 - t0).toFixed(0), "ms",
    c.pd.addressSpace.attachments.map((a) => [a.base.toString(16), a.size, a.dataspace.kind]),
    c.pd.dataspaces.length, c.log.slice(0,2));
}
const s = new System();
s.loadModule(`/work/main/examples/children/hello.elf`);
const c = s.startChild(`hello.elf`);
s.run({ until: 700 });
console.log(s.clock);
let t = performance.now();
const img = encodeImage(checkpoint(s, c).contents);
console.log("ckpt", performance.now() - t, img.length);
t = performance.now();
const s2 = new System();
const r = restore(s2, decodeImage(img));
console.log("restore", performance.now() - t);
s2.run();
console.log(r.status, r.log, c.log);
