/**
 * jsdom has no layout: the virtualized grid reads its clientHeight as the viewport and its scrollHeight to clamp
 * scrolling, and scrolls through Element.scrollTo, which jsdom lacks. This gives every `role="grid"` element a
 * size and records scroll requests without moving (so no debounced scroll-end re-render lands after a test).
 * Call once per test file; it installs in beforeAll and restores in afterAll.
 */
import { afterAll, afterEach, beforeAll, vi, type MockInstance } from 'vitest'

export const GRID_ROW_HEIGHT = 36

export function installGridLayout({ width = 1200, height = 720 } = {}) {
  const scrollTo = vi.fn<(options: ScrollToOptions) => void>()
  const spies: MockInstance[] = []
  beforeAll(() => {
    const isGrid = (el: Element) => el.getAttribute('role') === 'grid'
    spies.push(
      vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
        return isGrid(this) ? height : 0
      }),
      vi.spyOn(Element.prototype, 'clientWidth', 'get').mockImplementation(function (this: Element) {
        return isGrid(this) ? width : 0
      }),
      vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function (this: Element) {
        // The header and every row are one row height tall.
        return isGrid(this) ? Number(this.getAttribute('aria-rowcount')) * GRID_ROW_HEIGHT : 0
      }),
    )
    Element.prototype.scrollTo = scrollTo as unknown as Element['scrollTo']
  })
  afterEach(() => scrollTo.mockClear())
  afterAll(() => {
    for (const spy of spies) spy.mockRestore()
    delete (Element.prototype as { scrollTo?: unknown }).scrollTo
  })
  return { scrollTo }
}
