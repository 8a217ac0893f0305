import { formatDate, formatRelative } from '../lib/format-ui'

/** A date shown relative to `asOf`, with the absolute date on hover and for assistive technology. */
export function RelativeDate({ iso, asOf }: { iso: string; asOf: string }) {
  return (
    <time dateTime={iso} title={formatDate(iso)}>
      {formatRelative(iso, asOf)}
    </time>
  )
}
