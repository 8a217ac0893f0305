/**
 * Reads the body of GET /api/dashboard/risk-map off the main thread: decodes it, parses it, checks it against
 * RiskMapResponse and works out the card's view of it (risk-map-view.ts). At 50,000 vendors the body is 3 MB of
 * JSON (every vendor as columns), and that work took the main thread 400–700 ms in one piece while the dashboard's
 * first charts were drawing. The page fetches (so the request carries its session like any other) and hands the
 * bytes over without a copy; it gets back a few hundred marks and two typed arrays, also without a copy.
 */
import './worker-zod-config'
import { RiskMapResponse, type Problem } from '../../../domain'
import { riskMapView, type RiskMapView } from './risk-map-view'

export type RiskMapWorkerRequest = { url: string; status: number; body: ArrayBuffer }
export type RiskMapWorkerAnswer =
  { ok: true; view: RiskMapView } | { ok: false; problem: Problem } | { ok: false; message: string }

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<RiskMapWorkerRequest>) => void) | null
  postMessage: (answer: RiskMapWorkerAnswer, transfer?: Transferable[]) => void
}

scope.onmessage = ({ data: { url, status, body } }) => {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(body))
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) })
    return
  }
  const parsed = RiskMapResponse.safeParse(json)
  if (!parsed.success) {
    // As getJson words it.
    const issue = parsed.error.issues[0]
    scope.postMessage({
      ok: false,
      problem: {
        title: 'Unexpected response from the server',
        status,
        detail: `${url} answered in a shape this app does not understand: ${issue?.path.join('.')} ${issue?.message}`,
      },
    })
    return
  }
  const view = riskMapView(parsed.data)
  scope.postMessage({ ok: true, view }, [view.places.exposure.buffer, view.places.likelihood.buffer])
}
