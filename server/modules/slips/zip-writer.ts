// A minimal ZIP writer (PKWARE APPNOTE 6.3: local headers, central directory, end record; STORE or
// DEFLATE; UTF-8 names), enough for Office Open XML packages. No ZIP64: an entry or archive over
// 4 GiB is refused. The archive depends only on its input (the entries' time is given), so the same
// input gives the same bytes.
import { crc32, deflateRawSync } from 'node:zlib';

export type ZipEntry = { name: string; data: Buffer | string };
export type ZipOptions = {
  /** Modification time written for every entry, in local (wall-clock) parts; ZIP has no time zone. */
  time: { year: number; month: number; day: number; hour: number; minute: number; second?: number };
  /** 'deflate' (default) or 'store'. A deflated entry that does not shrink is stored. */
  method?: 'deflate' | 'store';
};

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 0x0800;
const VERSION = 20; // 2.0: deflate
// "Made by" Unix: Info-ZIP's unzip translates names from an OEM code page when the archive says MS-DOS,
// even with the UTF-8 flag; and with Unix the external attributes carry a file mode (rw-r--r--).
const MADE_BY = (3 << 8) | VERSION;
const FILE_MODE = 0o100644 << 16;
const MAX32 = 0xffffffff;

function dosDateTime(t: ZipOptions['time']): { time: number; date: number } {
  if (t.year < 1980 || t.year > 2107) throw new RangeError(`ZIP dates run from 1980 to 2107: ${t.year}`);
  const second = t.second ?? 0;
  return {
    time: (t.hour << 11) | (t.minute << 5) | Math.floor(second / 2),
    date: ((t.year - 1980) << 9) | (t.month << 5) | t.day,
  };
}

/** The bytes of a ZIP archive holding `entries` in order. */
export function createZip(entries: ZipEntry[], options: ZipOptions): Buffer {
  const { time, date } = dosDateTime(options.time);
  const names = new Set<string>();
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (names.has(entry.name)) throw new Error(`duplicate ZIP entry: ${entry.name}`);
    names.add(entry.name);
    const name = Buffer.from(entry.name, 'utf8');
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const crc = crc32(data);
    let method = 0;
    let body = data;
    if (options.method !== 'store') {
      const deflated = deflateRawSync(data, { level: 9 });
      if (deflated.length < data.length) {
        method = 8;
        body = deflated;
      }
    }
    if (data.length > MAX32 || body.length > MAX32 || offset > MAX32) {
      throw new RangeError('ZIP64 is not supported');
    }

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, body);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(MADE_BY, 4);
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number and internal attributes: zero
    header.writeUInt32LE(FILE_MODE >>> 0, 38);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);

    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  if (entries.length > 0xffff || offset > MAX32) throw new RangeError('ZIP64 is not supported');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
