import type { NextFunction, Request, Response } from 'express'

// Payload's REST handler reads these query parameters with JSON.parse when they are given as
// one string (?where={...}); text that is not JSON would end in a 500.
const JSON_PARAMETERS = ['where', 'data'] as const

/**
 * Refuses `?where=` and `?data=` values that are not JSON with a 400 that names the parameter,
 * in Payload's error shape, before Payload's REST handler reads them.
 */
export function refuseMalformedQueryJson(req: Request, res: Response, next: NextFunction): void {
  for (const name of JSON_PARAMETERS) {
    const value = (req.query as Record<string, unknown>)[name]
    if (typeof value !== 'string' || value === '') continue
    try {
      JSON.parse(value)
    } catch {
      const english = /^en\b/i.test(req.get('accept-language') ?? '')
      const message = english
        ? `The query parameter '${name}' is not valid JSON. Write it as JSON, or as ${name}[field][equals]=value.`
        : `De parameter '${name}' is geen geldige JSON. Schrijf hem als JSON, of als ${name}[veld][equals]=waarde.`
      res
        .status(400)
        .json({ errors: [{ name: 'ValidationError', message, data: { field: name } }] })
      return
    }
  }
  next()
}
