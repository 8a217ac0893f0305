import { VendorsPage } from '../features/vendors/vendors-page'

export function App() {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" /> Vendor Risk
        </span>
        <span className="muted small">
          Who holds our data, who can reach our network, and who was breached
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>Vendors</h1>
        <VendorsPage />
      </main>
    </div>
  )
}
