/** `/api/dashboard/<name>?asOf=…`: the dashboard endpoints' URLs, with unset parameters left out. */
export function dashboardUrl(name: string, params: object) {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params) as [string, unknown][]) {
    if (typeof value === 'string' || typeof value === 'number') query.set(key, String(value))
  }
  const search = query.toString()
  return `/api/dashboard/${name}${search ? `?${search}` : ''}`
}
