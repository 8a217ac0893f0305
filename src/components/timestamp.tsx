import { formatTimeAgo, formatTimestamp } from '../lib/format-time'

/** A moment shown relative to now ("5 minutes ago"), with the absolute UTC time on hover and in `dateTime`. */
export function Timestamp({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatTimestamp(iso)}>
      {formatTimeAgo(iso)}
    </time>
  )
}
