/** Hand-built ZIP archives for the XLSX zip-bomb tests: headers that may claim sizes the data does not have. */

/** One part of the archive: its stored bytes, the unpacked size its headers claim, and how it is stored. */
export interface ZipPart {
  name: string
  packed: Buffer
  size: number
  /** 8 (deflate, the default), 0 (stored), or anything else to test an unknown method. */
  method?: number
}

/** A ZIP archive of the given parts after `prefix` (CRCs left 0: nothing here checks them before the guard refuses). */
export function zipOf(parts: ZipPart[], prefix = Buffer.alloc(0)): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.name)
    const method = part.method ?? 8
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(part.packed.length, 18)
    local.writeUInt32LE(part.size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(part.packed.length, 20)
    central.writeUInt32LE(part.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, part.packed)
    centrals.push(central, name)
    offset += local.length + name.length + part.packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([prefix, ...locals, directory, end])
}
