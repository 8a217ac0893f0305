/**
 * The app's frame while the session loads: the header's brand, as index.html paints it before any script runs,
 * so the first thing on screen is the app and not a blank page. Keep the two in step.
 */
export function AppFrame() {
  return (
    <div className="app" aria-busy="true">
      <header className="app-header">
        <span className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" /> Vendor Risk
        </span>
      </header>
    </div>
  )
}
