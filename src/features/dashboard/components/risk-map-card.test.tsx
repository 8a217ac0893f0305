import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest'
import { riskMapColumns, shapeRiskMap, type RiskMapPoint, type Tier } from '../../../domain'
import { mockServer } from '../../../../mocks/node'
import { answerDashboard } from '../../../testing/dashboard-fixtures'
import { renderWithProviders } from '../../../testing/render'
import { RiskMapCard } from './risk-map-card'

// The map is plain SVG sized to its box (jsdom has no layout): give the box the 640 × 380 px of a dashboard card.
let mapBox: MockInstance | undefined
beforeAll(() => {
  const original = HTMLElement.prototype.getBoundingClientRect
  mapBox = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
    this: HTMLElement,
  ) {
    if (!this.classList.contains('risk-map-chart')) return original.call(this)
    return DOMRect.fromRect({ x: 0, y: 0, width: 640, height: 380 })
  })
})
afterAll(() => mapBox?.mockRestore())

const tierOf = (score: number): Tier =>
  score >= 65 ? 'critical' : score >= 45 ? 'high' : score >= 25 ? 'medium' : 'low'

function vendorAt(i: number, exposure: number, likelihood: number, records = 1000): RiskMapPoint {
  const score = Math.round(Math.sqrt(exposure * likelihood) * 10) / 10
  return { id: `ven-${i}`, name: `Vendor ${i}`, tier: tierOf(score), score, exposure, likelihood, records }
}

const riskMap = (points: RiskMapPoint[]) => shapeRiskMap('2026-11-26', riskMapColumns(points))

/** `count` vendors spread over the map by a fixed recipe: most low and medium, a few in the top corner. */
function portfolio(count: number, severe: number): RiskMapPoint[] {
  return Array.from({ length: count }, (_, i) =>
    i < severe ? vendorAt(i, 70 + (i % 30), 70 + ((i * 7) % 30)) : vendorAt(i, (i * 37) % 60, (i * 53) % 40),
  )
}

const marks = (container: HTMLElement) => container.querySelectorAll('.risk-map-chart .risk-mark')
const squares = (container: HTMLElement) => container.querySelectorAll('.risk-map-chart .risk-density rect')

describe('RiskMapCard', () => {
  it('asks for the map only once the first screen (tiers and exposure) has its answers', async () => {
    // The first screen's exposure answer is held back until released, and is then a failure: a first screen that
    // failed has settled too, and the map must not wait for it any longer.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    mockServer.use(
      http.get('/api/dashboard/exposure', async () => {
        await held
        return HttpResponse.json(
          { type: 'about:blank', status: 503, title: 'Unavailable' },
          { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
        )
      }),
    )
    const calls = answerDashboard('risk-map', riskMap([vendorAt(1, 20, 10)]))
    const { container } = renderWithProviders(<RiskMapCard />)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(calls.count).toBe(0)
    release()
    await waitFor(() => expect(marks(container)).toHaveLength(1))
    expect(calls.count).toBe(1)
  })

  it('marks every vendor when there are few, and opens a vendor’s profile from its mark', async () => {
    const user = userEvent.setup()
    answerDashboard(
      'risk-map',
      riskMap([vendorAt(1, 20, 10), vendorAt(2, 90, 80, 2_000_000), vendorAt(3, 80, 70, 10_000_000)]),
    )
    const { container, router } = renderWithProviders(<RiskMapCard />)
    expect(
      await screen.findByRole('heading', {
        name: '2 vendors sit in the critical band, holding 12M records, most pushed there by access',
      }),
    ).toBeInTheDocument()
    expect(
      await screen.findByRole('img', {
        name: /^Risk map of 3 vendors.*: 2 critical, 0 high, 0 medium, 1 low/,
      }),
    )
    expect(marks(container)).toHaveLength(3)
    expect(squares(container)).toHaveLength(0)
    expect(screen.getByText(/Click a mark to open the vendor/)).toBeInTheDocument()

    // Critical marks paint last, on top.
    const critical = marks(container)
    await user.click(critical[critical.length - 1]!)
    expect(router.state.location.pathname).toMatch(/^\/vendors\/ven-[23]$/)
  })

  it('names a vendor, its tier, score and records when the pointer rests on its mark', async () => {
    answerDashboard('risk-map', riskMap([vendorAt(1, 20, 10), vendorAt(2, 90, 80, 2_000_000)]))
    const { container } = renderWithProviders(<RiskMapCard />)
    await screen.findByRole('img', { name: /^Risk map of 2 vendors/ })
    const critical = marks(container)[1]!
    fireEvent.pointerMove(critical, { clientX: 500, clientY: 60 })
    const tooltip = container.querySelector('.chart-floating-tooltip')!
    expect(tooltip).toHaveTextContent('Vendor 2')
    expect(tooltip).toHaveTextContent('Critical · score 84.9')
    expect(tooltip).toHaveTextContent('2M records')
    fireEvent.pointerLeave(critical.parentElement!)
    expect(container.querySelector('.chart-floating-tooltip')).toBeNull()
  })

  it('draws the tier bands behind the points, at the model’s cut-offs', async () => {
    answerDashboard('risk-map', riskMap([vendorAt(1, 20, 10)]))
    const { container } = renderWithProviders(<RiskMapCard />)
    await screen.findByRole('img', { name: /^Risk map/ })
    expect([...container.querySelectorAll('.risk-bands text')].map((t) => t.textContent)).toEqual([
      'Medium ≥ 25',
      'High ≥ 45',
      'Critical ≥ 65',
    ])
    expect(container.querySelectorAll('.risk-bands path')).toHaveLength(4)
  })

  it('stays usable at 50,000 vendors: density squares for everyone, marks for the 500 riskiest only', async () => {
    answerDashboard('risk-map', riskMap(portfolio(50_000, 3_000)))
    const { container } = renderWithProviders(<RiskMapCard />)
    await screen.findByRole('img', { name: /^Risk map of 50,000 vendors/ }, { timeout: 10_000 })
    await waitFor(() => expect(marks(container)).toHaveLength(500), { timeout: 10_000 })
    expect(squares(container).length).toBeGreaterThan(10)
    expect(squares(container).length).toBeLessThanOrEqual(400)
    expect(screen.getByText(/are too many to mark one by one/)).toHaveTextContent(
      'the 500 riskiest critical vendors keep their own mark',
    )
  }, 30_000)

  it('offers the map as a table whose counts open their region of the inventory', async () => {
    const user = userEvent.setup()
    answerDashboard('risk-map', riskMap([vendorAt(1, 90, 95), vendorAt(2, 85, 99), vendorAt(3, 10, 30)]))
    renderWithProviders(<RiskMapCard />)
    await user.click(await screen.findByRole('button', { name: 'Show table' }))
    const table = screen.getByRole('table')
    const corner = within(table).getByRole('link', {
      name: '2 vendors with exposure 80 to 100, likelihood 80 to 100',
    })
    expect(corner).toHaveAttribute(
      'href',
      '/vendors?status=active%2Conboarding&exposureMin=80&likelihoodMin=80',
    )
    expect(
      within(table).getByRole('link', {
        name: '1 vendor with exposure 0 to under 20, likelihood 20 to under 40',
      }),
    ).toHaveAttribute(
      'href',
      '/vendors?status=active%2Conboarding&exposureMin=0&exposureMax=20&likelihoodMin=20&likelihoodMax=40',
    )
  })

  it('turns a drag across the map into a region that opens in the inventory, and clears it', async () => {
    const user = userEvent.setup()
    answerDashboard('risk-map', riskMap([vendorAt(1, 90, 95), vendorAt(2, 85, 99), vendorAt(3, 10, 30)]))
    const { container } = renderWithProviders(<RiskMapCard />)
    await screen.findByRole('img', { name: /^Risk map/ })
    const brush = container.querySelector('.risk-brush')!
    // The plot spans x 52–624 and y 10–324 px in a 640 × 380 chart (see the bands' path): drag from the middle
    // of the map to its top-right corner.
    fireEvent.pointerDown(brush, { clientX: 338, clientY: 167, pointerId: 1 })
    fireEvent.pointerMove(brush, { clientX: 630, clientY: 5, pointerId: 1 })
    fireEvent.pointerUp(brush, { clientX: 630, clientY: 5, pointerId: 1 })

    const bar = await screen.findByRole('status')
    expect(bar).toHaveTextContent('Selected exposure 50 to 100, likelihood 50 to 100: 2 vendors')
    expect(within(bar).getByRole('link', { name: 'Open these 2 vendors' })).toHaveAttribute(
      'href',
      '/vendors?status=active%2Conboarding&exposureMin=50&likelihoodMin=50',
    )
    expect(container.querySelector('.risk-selection')).not.toBeNull()
    await user.click(within(bar).getByRole('button', { name: 'Clear selection' }))
    expect(screen.queryByRole('status')).not.toBeInTheDocument()
  })
})
