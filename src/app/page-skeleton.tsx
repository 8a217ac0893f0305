/** What a page shows while its code loads on the first visit: a title bar and a body, no spinner. */
export function PageSkeleton() {
  return (
    <div className="page-skeleton" role="status" aria-busy="true" aria-label="Loading the page">
      <div className="skeleton page-skeleton-title" />
      <div className="skeleton page-skeleton-body" />
    </div>
  )
}
