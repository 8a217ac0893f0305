import type { Vendor } from '../../src/domain'
import type { VendorStore } from './store'

export function createMemoryStore(initial: readonly Vendor[]): VendorStore {
  const byId = new Map(initial.map((v) => [v.id, structuredClone(v)]))
  return {
    listVendors: () => [...byId.values()],
    getVendor: (id) => byId.get(id),
    close: () => byId.clear(),
  }
}
