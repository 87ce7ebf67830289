/** The part of autocannon 8's API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  namespace autocannon {
    /** One request template; `setupRequest` may change it before every send. */
    interface Request {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request
      onResponse?: (
        status: number,
        body: string,
        context: Record<string, unknown>,
        headers: Record<string, string>,
      ) => void
    }
    interface Options {
      url: string
      connections?: number
      duration?: number
      headers?: Record<string, string>
      requests?: Request[]
    }
    interface Result {
      errors: number
      timeouts: number
      non2xx: number
      throughput: { total: number }
    }
    type Instance = EventEmitter & PromiseLike<Result>
  }

  function autocannon(options: autocannon.Options): autocannon.Instance
  export default autocannon
}
