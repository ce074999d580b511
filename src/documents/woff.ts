/** WOFF 1.0 → the sfnt (TrueType) it wraps, on plain bytes so it runs in node and in a browser alike. */
import { unzlibSync } from 'fflate';

/** The same tables (W3C WOFF §4–5), each inflated when its stored length is shorter; other bytes come back as they are. */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < 44 || view.getUint32(0) !== 0x774f4646) return woff;
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const [tag, offset, compLength, origLength, checksum] = [0, 4, 8, 12, 16].map((o) => view.getUint32(at + o)) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const stored = woff.subarray(offset, offset + compLength);
    return { tag, checksum, data: compLength < origLength ? unzlibSync(stored) : stored };
  });
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const headLength = 12 + 16 * numTables;
  const total = tables.reduce((n, t) => n + ((t.data.length + 3) & ~3), headLength);
  const out = new Uint8Array(total);
  const head = new DataView(out.buffer);
  head.setUint32(0, flavor);
  head.setUint16(4, numTables);
  head.setUint16(6, searchRange);
  head.setUint16(8, entrySelector);
  head.setUint16(10, numTables * 16 - searchRange);
  let offset = headLength;
  tables.forEach((t, i) => {
    head.setUint32(12 + i * 16, t.tag);
    head.setUint32(16 + i * 16, t.checksum);
    head.setUint32(20 + i * 16, offset);
    head.setUint32(24 + i * 16, t.data.length);
    out.set(t.data, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}
