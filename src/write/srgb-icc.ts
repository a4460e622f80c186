// An sRGB ICC profile (version 2.1, display class) for the PDF/A output intent, made from the sRGB
// standard's own numbers (IEC 61966-2.1: D50-adapted colorants, the piecewise transfer curve) rather
// than vendored as an opaque file. PDF/A-2 needs one output intent profile; qpdf and readers only need
// it to be a valid ICC profile with 3 components.

const s15 = (v: number): number => Math.round(v * 65536) | 0;

function tag(sig: string, body: Buffer): { sig: string; body: Buffer } {
  return { sig, body };
}

function xyz(x: number, y: number, z: number): Buffer {
  const b = Buffer.alloc(20);
  b.write('XYZ ', 0, 'latin1');
  b.writeInt32BE(s15(x), 8);
  b.writeInt32BE(s15(y), 12);
  b.writeInt32BE(s15(z), 16);
  return b;
}

function text(sigType: 'desc' | 'text', value: string): Buffer {
  if (sigType === 'text') {
    const b = Buffer.alloc(8 + value.length + 1);
    b.write('text', 0, 'latin1');
    b.write(value, 8, 'latin1');
    return b;
  }
  // textDescriptionType: ASCII, then empty Unicode and ScriptCode parts
  const ascii = value.length + 1;
  const b = Buffer.alloc(8 + 4 + ascii + 4 + 4 + 2 + 1 + 67);
  b.write('desc', 0, 'latin1');
  b.writeUInt32BE(ascii, 8);
  b.write(value, 12, 'latin1');
  return b;
}

/** The sRGB transfer curve, sampled at 1024 points. */
function curve(): Buffer {
  const n = 1024;
  const b = Buffer.alloc(12 + 2 * n);
  b.write('curv', 0, 'latin1');
  b.writeUInt32BE(n, 8);
  for (let i = 0; i < n; i++) {
    const v = i / (n - 1);
    const lin = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    b.writeUInt16BE(Math.round(lin * 65535), 12 + 2 * i);
  }
  return b;
}

let cached: Buffer | undefined;

export function srgbProfile(): Buffer {
  if (cached) return cached;
  const trc = curve();
  const tags = [
    tag('desc', text('desc', 'sRGB IEC61966-2.1')),
    tag('cprt', text('text', 'No copyright: made by vanban from IEC 61966-2.1')),
    tag('wtpt', xyz(0.9642, 1.0, 0.8249)),
    tag('rXYZ', xyz(0.4361, 0.2225, 0.0139)),
    tag('gXYZ', xyz(0.3851, 0.7169, 0.0971)),
    tag('bXYZ', xyz(0.1431, 0.0606, 0.7141)),
    tag('rTRC', trc),
    tag('gTRC', trc),
    tag('bTRC', trc),
  ];
  const tableSize = 4 + 12 * tags.length;
  let offset = 128 + tableSize;
  const pad = (n: number) => (n + 3) & ~3;
  const entries: Array<{ sig: string; off: number; size: number }> = [];
  const bodies: Buffer[] = [];
  const seen = new Map<Buffer, number>();
  for (const t of tags) {
    const shared = seen.get(t.body);
    if (shared !== undefined) {
      entries.push({ sig: t.sig, off: shared, size: t.body.length });
      continue;
    }
    entries.push({ sig: t.sig, off: offset, size: t.body.length });
    seen.set(t.body, offset);
    const padded = Buffer.alloc(pad(t.body.length));
    t.body.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  }
  const header = Buffer.alloc(128);
  header.writeUInt32BE(offset, 0);
  header.writeUInt32BE(0x02100000, 8); // version 2.1
  header.write('mntrRGB XYZ ', 12, 'latin1');
  // creation date: 2020-01-01 00:00:00 (fixed: the profile's bytes never change)
  [2020, 1, 1, 0, 0, 0].forEach((v, i) => header.writeUInt16BE(v, 24 + 2 * i));
  header.write('acsp', 36, 'latin1');
  header.writeInt32BE(s15(0.9642), 68);
  header.writeInt32BE(s15(1.0), 72);
  header.writeInt32BE(s15(0.8249), 76);
  const table = Buffer.alloc(tableSize);
  table.writeUInt32BE(tags.length, 0);
  entries.forEach((e, i) => {
    table.write(e.sig, 4 + 12 * i, 'latin1');
    table.writeUInt32BE(e.off, 8 + 12 * i);
    table.writeUInt32BE(e.size, 12 + 12 * i);
  });
  cached = Buffer.concat([header, table, ...bodies]);
  return cached;
}
