// What a V8 heap snapshot (.heapsnapshot, as node --heapsnapshot-signal writes it) holds: self size
// summed per constructor name (objects, closures) or per kind (strings, arrays, compiled code), the
// way the Summary view of Chrome's DevTools groups it. For bench:pages --heap-snapshot.
import fs from "node:fs";

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] }; node_count: number };
  nodes: number[];
  strings: string[];
};

export function summariseHeapSnapshot(file: string, topN = 20): { totalBytes: number; nodes: number; top: { name: string; bytes: number; count: number }[] } {
  const snapshot = JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot;
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const groups = new Map<string, { bytes: number; count: number }>();
  let totalBytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt]!] ?? "?";
    const size = snapshot.nodes[i + sizeAt]!;
    totalBytes += size;
    const name =
      type === "object" || type === "closure" || type === "native"
        ? `${snapshot.strings[snapshot.nodes[i + nameAt]!] ?? "?"}${type === "closure" ? " (closure)" : ""}`
        : `(${type})`;
    const group = groups.get(name) ?? { bytes: 0, count: 0 };
    group.bytes += size;
    group.count += 1;
    groups.set(name, group);
  }
  const top = [...groups.entries()]
    .map(([name, g]) => ({ name, ...g }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, topN);
  return { totalBytes, nodes: snapshot.snapshot.node_count, top };
}
