import { Link, useLocation } from 'react-router'

export function NotFoundPage() {
  const { pathname } = useLocation()
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        Nothing lives at <code>{pathname}</code>. The link may be old, or mistyped.
      </p>
      <p>
        <Link to="/vendors">Go to the vendor inventory</Link>
      </p>
    </section>
  )
}
