/**
 * Zip-bomb guard for uploaded workbooks. An XLSX is a ZIP archive, and exceljs (through JSZip) inflates every
 * part into memory before a single row is read: a 20 MB upload of deflated blanks unpacks to gigabytes and stalls
 * or kills the server. This inflates each part first with a hard output cap (node:zlib `maxOutputLength`), so
 * neither a lying size in the archive's directory nor overlapping entries can get past the limit.
 */
import { inflateRawSync } from 'node:zlib'

/**
 * What the parts of one workbook may add up to, unpacked. A 50,000-row vendors sheet with long descriptions,
 * written by Excel or exceljs, unpacks to about 40 MB.
 */
export const MAX_XLSX_UNPACKED_BYTES = 128 * 1024 * 1024

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const ZIP64 = 0xffffffff
const STORED = 0
const DEFLATED = 8

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
const NOT_XLSX = 'The file is not a valid XLSX file; save it from Excel as .xlsx or as CSV'
const ZIP64_ARCHIVE =
  'The workbook is a ZIP64 archive, which is not supported; save it again from Excel as .xlsx'

/**
 * Why this upload may not be opened as a workbook, or null when it may, or when it is no ZIP archive at all (a
 * CSV). An archive this cannot walk is refused rather than waved through: JSZip would then be the first to read it.
 */
export function xlsxUnpackProblem(bytes: Uint8Array, limit = MAX_XLSX_UNPACKED_BYTES): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (at: number) => view.getUint16(at, true)
  const u32 = (at: number) => view.getUint32(at, true)
  // The end-of-central-directory record sits in the last 22 bytes plus at most a 64 KB comment; the last one wins,
  // as in JSZip.
  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      end = at
      break
    }
  }
  if (end < 0) return null
  const entries = u16(end + 10)
  const directorySize = u32(end + 12)
  const directoryOffset = u32(end + 16)
  if (entries === 0xffff || directorySize === ZIP64 || directoryOffset === ZIP64) return ZIP64_ARCHIVE
  // Bytes prepended to the archive shift every offset; JSZip allows for them, so must this.
  const shift = end - directorySize - directoryOffset
  if (shift < 0) return NOT_XLSX
  const tooBig = `The workbook unpacks to more than ${mb(limit)}; split it into smaller files or import it as CSV`
  let at = directoryOffset + shift
  let unpacked = 0
  for (let i = 0; i < entries; i++) {
    if (at + 46 > end || u32(at) !== CENTRAL) return NOT_XLSX
    const method = u16(at + 10)
    const packedSize = u32(at + 20)
    const declaredSize = u32(at + 24)
    const localOffset = u32(at + 42)
    if (packedSize === ZIP64 || declaredSize === ZIP64 || localOffset === ZIP64) return ZIP64_ARCHIVE
    at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32)
    if (unpacked + declaredSize > limit) return tooBig
    const local = localOffset + shift
    if (local + 30 > bytes.length || u32(local) !== LOCAL) return NOT_XLSX
    const start = local + 30 + u16(local + 26) + u16(local + 28)
    if (start + packedSize > bytes.length) return NOT_XLSX
    const data = bytes.subarray(start, start + packedSize)
    if (method === STORED) {
      unpacked += data.length
    } else if (method === DEFLATED) {
      try {
        // One byte past what is left: reaching it means this part alone crosses the limit.
        unpacked += inflateRawSync(data, { maxOutputLength: limit - unpacked + 1 }).length
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? tooBig : NOT_XLSX
      }
    } else {
      return NOT_XLSX
    }
    if (unpacked > limit) return tooBig
  }
  return null
}
