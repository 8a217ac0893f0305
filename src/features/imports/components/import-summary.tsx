import { formatWhole, IMPORT_ACTIONS, type ImportAction, type ImportReport } from '../../../domain'

const PLANNED: Record<ImportAction, string> = {
  create: 'to create',
  update: 'to update',
  unchanged: 'unchanged',
  error: 'with errors',
}
const DONE: Record<ImportAction, string> = {
  create: 'created',
  update: 'updated',
  unchanged: 'unchanged',
  error: 'with errors',
}

/** "3 to create · 1 to update · 40 unchanged · 2 with errors", each count in its action's colour. */
export function ImportSummary({ report }: { report: ImportReport }) {
  const words = report.applied ? DONE : PLANNED
  return (
    <ul className="import-counts" aria-label={report.applied ? 'Import result' : 'Dry run summary'}>
      {IMPORT_ACTIONS.map((action) => (
        <li key={action} className={`import-count import-count-${action}`}>
          <strong className="num">{formatWhole(report.counts[action])}</strong> {words[action]}
        </li>
      ))}
    </ul>
  )
}
