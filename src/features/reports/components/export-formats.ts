/** What each register export holds, in the words the Reports page offers them with. */
import type { ExportFormat } from '../../../domain'

export const FORMAT_CHOICES: Record<ExportFormat, { title: string; holds: string }> = {
  csv: {
    title: 'Vendor register (CSV)',
    holds:
      'One row per vendor: tier, score, exposure and likelihood with the top factors, access scope, controls, ' +
      'open incidents, reviews and risk acceptance. UTF-8 for any spreadsheet; cells that look like formulas ' +
      'are neutralised.',
  },
  xlsx: {
    title: 'Vendor register (Excel)',
    holds: 'The same register as the CSV, as an Excel workbook with typed columns, ready to sort and filter.',
  },
  json: {
    title: 'Full export (JSON)',
    holds:
      'Every vendor with its incidents, risk acceptance and score, and the scoring model’s weights: the ' +
      'complete record, and the file a restore reads back into an empty installation.',
  },
  pdf: {
    title: 'Risk report (PDF)',
    holds:
      'The risk report for the board: executive summary, charts, top risks, methodology, and an appendix on ' +
      'each critical and high vendor.',
  },
}
