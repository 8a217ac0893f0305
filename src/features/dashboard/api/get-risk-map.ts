import { queryOptions, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Problem, RiskMapResponse, type DashboardQuery } from '../../../domain'
import { ApiError, getJson } from '../../../lib/api-client'
import { dashboardUrl } from './dashboard-url'
import { exposureQueryOptions } from './get-exposure'
import { tierDistributionQueryOptions } from './get-tier-distribution'
import { riskMapView, type RiskMapView } from './risk-map-view'
import type { RiskMapWorkerAnswer, RiskMapWorkerRequest } from './risk-map.worker'

/** Tests (jsdom) have no workers: there the answer is read on the main thread, as every other endpoint's is. */
const withWorker = typeof Worker !== 'undefined'

const getOnMainThread = (url: string, signal?: AbortSignal) =>
  getJson(url, RiskMapResponse, signal ? { signal } : {}).then(riskMapView)

/** The body read, checked and worked out in risk-map.worker.ts; the bytes and the result move without copies. */
function readInWorker(request: RiskMapWorkerRequest, signal?: AbortSignal): Promise<RiskMapView> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./risk-map.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (event: MessageEvent<RiskMapWorkerAnswer>) => {
      worker.terminate()
      const answer = event.data
      if (answer.ok) resolve(answer.view)
      else if ('problem' in answer) reject(new ApiError(answer.problem.status, answer.problem))
      else reject(new SyntaxError(answer.message))
    }
    // The worker's code did not load (an old chunk after a deploy, a blocked script): ask again, read it here.
    worker.onerror = (event) => {
      event.preventDefault()
      worker.terminate()
      getOnMainThread(request.url, signal).then(resolve, reject)
    }
    worker.postMessage(request, [request.body])
  })
}

async function getInWorker(url: string, signal?: AbortSignal): Promise<RiskMapView> {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, ...(signal && { signal }) })
  if (!response.ok) {
    // A problem document, as getJson reads one.
    const problem = Problem.safeParse(await response.json().catch(() => null))
    throw new ApiError(
      response.status,
      problem.success
        ? problem.data
        : { title: response.statusText || 'Request failed', status: response.status },
    )
  }
  return readInWorker({ url, status: response.status, body: await response.arrayBuffer() }, signal)
}

/**
 * GET /api/dashboard/risk-map (every vendor as a point: columns, up to 50,000 rows) as the card's view of it. The
 * page fetches it like any other endpoint; a worker reads the megabytes of JSON, so they never block the page.
 */
export function getRiskMap(params: DashboardQuery = {}, signal?: AbortSignal): Promise<RiskMapView> {
  const url = dashboardUrl('risk-map', params)
  return withWorker ? getInWorker(url, signal) : getOnMainThread(url, signal)
}

export const riskMapQueryOptions = (params: DashboardQuery = {}) =>
  queryOptions({
    queryKey: ['dashboard', 'risk-map', params],
    queryFn: ({ signal }) => getRiskMap(params, signal),
  })

/**
 * Whether the dashboard's first screen (the tier and exposure cards, the page's largest paint) has its answers and
 * has drawn them. The risk map waits for it: at 50,000 vendors its 0.7 MB (3 MB unzipped) downloaded alongside the
 * first screen's few kilobytes and held back their paint by 0.5–0.7 s on a desktop link.
 */
function useFirstScreenDrawn(): boolean {
  const tiers = useQuery(tierDistributionQueryOptions())
  const exposure = useQuery(exposureQueryOptions())
  // Answered either way: a first screen that failed shows its problem, and the map need not wait any longer.
  const settled = !tiers.isPending && !exposure.isPending
  const [drawn, setDrawn] = useState(false)
  useEffect(() => {
    if (!settled || drawn) return
    // The frame after the answers' render has painted.
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setDrawn(true))))
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [settled, drawn])
  return drawn
}

/** The risk map, asked for once the first screen is drawn (or at once when its answer is already cached). */
export function useRiskMap(params: DashboardQuery = {}) {
  const drawn = useFirstScreenDrawn()
  return useQuery({ ...riskMapQueryOptions(params), enabled: drawn })
}
