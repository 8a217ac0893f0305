/**
 * jsdom has no layout, so recharts' ResponsiveContainer measures 0 × 0 and draws nothing. This gives every
 * responsive container a size (and a ResizeObserver that never fires) so charts render their SVG in tests.
 * Call once per test file; it installs in beforeAll and restores in afterAll.
 */
import { afterAll, beforeAll, vi, type MockInstance } from 'vitest'

export function installChartLayout({ width = 640, height = 400 } = {}) {
  let spy: MockInstance | undefined
  const hadObserver = 'ResizeObserver' in globalThis
  beforeAll(() => {
    const original = HTMLElement.prototype.getBoundingClientRect
    spy = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      if (!this.classList.contains('recharts-responsive-container')) return original.call(this)
      return DOMRect.fromRect({ x: 0, y: 0, width, height })
    })
    if (!hadObserver) {
      globalThis.ResizeObserver = class {
        observe() {}
        unobserve() {}
        disconnect() {}
      } as unknown as typeof ResizeObserver
    }
  })
  afterAll(() => {
    spy?.mockRestore()
    if (!hadObserver) delete (globalThis as { ResizeObserver?: unknown }).ResizeObserver
  })
}
