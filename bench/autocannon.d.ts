// autocannon 9 ships no types: the part of its programmatic API that bench/load.ts and bench/api.ts use.
declare module 'autocannon' {
  export type Context = Record<string, unknown>

  export interface RequestSpec {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    /** Called as the request is about to be sent; answer the request to send, or null to start the cycle over. */
    setupRequest?: (request: RequestSpec, context: Context) => RequestSpec | null
    onResponse?: (
      status: number,
      body: string,
      context: Context,
      headers: Record<string, string | string[]>,
    ) => void
  }

  export interface Options {
    url: string
    connections?: number
    /** Seconds. */
    duration?: number
    /** Seconds a request may take before it counts as a timeout. */
    timeout?: number
    pipelining?: number
    requests?: RequestSpec[]
    initialContext?: Context
    /** Called with each connection's client; its 'response' event carries the response time in ms. */
    setupClient?: (client: Client) => void
  }

  export interface Client {
    on(event: 'response', listener: (statusCode: number, bytes: number, responseTimeMs: number) => void): void
  }

  export interface Histogram {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    total: number
    p50: number
    p90: number
    p97_5: number
    p99: number
  }

  export interface Result {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    resets: number
    '2xx': number
    '4xx': number
    '5xx': number
    statusCodeStats: Record<string, { count: number }>
    latency: Histogram
    requests: Histogram & { sent: number }
    throughput: Histogram
  }

  export default function autocannon(options: Options): PromiseLike<Result>
}
