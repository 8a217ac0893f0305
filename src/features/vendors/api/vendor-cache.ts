/** After any write to a vendor: show the server's answer at once, and mark stale what it changed elsewhere. */
import type { QueryClient } from '@tanstack/react-query'
import type { VendorDetailResponse } from '../../../domain'
import { DASHBOARD_QUERY_ROOT } from '../../../lib/query-keys'
import { vendorQueryOptions } from './get-vendor'
import { vendorHistoryQueryOptions } from './get-vendor-history'
import { VENDOR_LISTS_QUERY_KEY, vendorFacetsQueryOptions } from './get-vendors'
import { scorePreviewQueryOptions } from './preview-score'

export function storeVendorDetail(client: QueryClient, detail: VendorDetailResponse): void {
  const id = detail.vendor.id
  // The answer is the vendor as it is now: the profile and its score update without another round trip. The
  // refetches run in the background; the form that saved need not wait for the lists to reload.
  client.setQueryData(vendorQueryOptions(id).queryKey, detail)
  void Promise.all([
    // Every list page (the vendor may have moved, or joined or left a filter) and the inventory's counts.
    client.invalidateQueries({ queryKey: VENDOR_LISTS_QUERY_KEY }),
    client.invalidateQueries({ queryKey: vendorFacetsQueryOptions().queryKey }),
    // Every dashboard figure may move with one vendor's change.
    client.invalidateQueries({ queryKey: DASHBOARD_QUERY_ROOT }),
    client.invalidateQueries({ queryKey: vendorHistoryQueryOptions(id).queryKey }),
    // Every what-if of this vendor was scored against the old one; an empty patch prefixes them all.
    client.invalidateQueries({ queryKey: scorePreviewQueryOptions(id, {}).queryKey }),
  ])
}
