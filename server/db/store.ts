/**
 * The one storage interface routes talk to. The in-memory store serves the demo until the SQLite store lands;
 * a PostgreSQL store can follow behind the same methods.
 */
import type { Vendor } from '../../src/domain'

export interface VendorStore {
  listVendors(): readonly Vendor[]
  getVendor(id: string): Vendor | undefined
  close(): void
}
