import { Link } from 'react-router'

/** The empty state of the cards that count vendors: where vendors come from. */
export function NoVendorsYet({ what }: { what: string }) {
  return (
    <p className="empty">
      {what} appears once the portfolio has vendors. Procurement adds them, or imports a spreadsheet, from the{' '}
      <Link to="/vendors">Vendors</Link> page.
    </p>
  )
}
