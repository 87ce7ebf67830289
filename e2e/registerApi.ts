/** Small REST helpers for what the journey sets up or checks outside the browser. */

async function json(response: Response, what: string): Promise<Record<string, unknown>> {
  const text = await response.text()
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${text}`)
  return JSON.parse(text) as Record<string, unknown>
}

/** Logs in through REST and returns the JWT for an Authorization header. */
export async function apiToken(baseUrl: string, email: string, password: string): Promise<string> {
  const body = await json(
    await fetch(`${baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    }),
    `inloggen als ${email}`,
  )
  if (typeof body.token !== 'string') throw new Error(`inloggen als ${email}: geen token`)
  return body.token
}

/**
 * Creates a second reviewer in the organisation with `code`, as that organisation's admin would
 * in the admin: the demo data has only one reviewer, and four-eyes needs two.
 */
export async function createReviewer(
  baseUrl: string,
  adminToken: string,
  input: { organisationCode: string; email: string; name: string; password: string },
): Promise<void> {
  const headers = { authorization: `JWT ${adminToken}`, 'content-type': 'application/json' }
  const found = await json(
    await fetch(
      `${baseUrl}/api/organisations?where[code][equals]=${encodeURIComponent(input.organisationCode)}&depth=0`,
      { headers },
    ),
    'organisatie zoeken',
  )
  const organisation = (found.docs as Array<{ id: number }> | undefined)?.[0]
  if (!organisation) throw new Error(`organisatie ${input.organisationCode} niet gevonden`)
  await json(
    await fetch(`${baseUrl}/api/users`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        email: input.email,
        name: input.name,
        password: input.password,
        memberships: [{ organisation: organisation.id, role: 'goedkeurder' }],
      }),
    }),
    'tweede goedkeurder aanmaken',
  )
}

/** The public record of one algorithm from the public API, or null while it is not there. */
export async function publicRecord(
  baseUrl: string,
  lars: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/register/v1/algorithms/${lars}`, {
    headers: { accept: 'application/json' },
  })
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch (_error) {
    // Keep the text for the error message.
  }
  return { status: response.status, body }
}
