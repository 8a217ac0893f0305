/** XLSX import files for the server's import route tests and the mocked import API's. */
import ExcelJS from 'exceljs'
import { IMPORT_COLUMNS } from '../domain'
import { vendorImportCells } from './import-rows'

/** An XLSX workbook importing one vendor (vendorImportCells) and these rows of its incidents, as bytes. */
export async function vendorWorkbook(
  vendor: string,
  incidents: readonly unknown[][],
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook()
  const vendors = workbook.addWorksheet('vendors')
  vendors.addRow([...IMPORT_COLUMNS.vendors.required])
  vendors.addRow(vendorImportCells(vendor))
  const sheet = workbook.addWorksheet('incidents')
  sheet.addRow([...IMPORT_COLUMNS.incidents.required])
  for (const row of incidents) sheet.addRow(row)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
