import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { AppProvider } from './app/provider'
import { applyTheme } from './lib/theme'
import './styles/global.css'

applyTheme()

const container = document.getElementById('root')
if (!container) throw new Error('index.html lacks #root')

// `npm run dev:mock`: the offline demo answers the API from msw in the browser, with no server.
if (import.meta.env.MODE === 'mock') {
  const { worker } = await import('../mocks/browser')
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true })
}

createRoot(container).render(
  <StrictMode>
    <AppProvider>
      <App />
    </AppProvider>
  </StrictMode>,
)
