/** Seeded demo data and test factories. Pure: no I/O, no clock, no Math.random(). */
export { createRandom, type Random } from './random'
export {
  createIncident,
  createVendor,
  resetFactoryIds,
  type IncidentOverrides,
  type Overrides,
  type VendorOverrides,
} from './factories'
export {
  DEMO_DEFAULTS,
  generateDemoVendors,
  SPOTLIGHT_VENDOR_ID,
  type DemoVendorOptions,
} from './demo-vendors'
