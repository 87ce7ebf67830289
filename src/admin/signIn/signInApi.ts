/** What the register's sign-in endpoints answer; shared by the login and account components. */
export interface SignInError {
  message: string
  data?: { signIn?: string }
}

export interface Enrolment {
  secret: string
  otpauthUrl: string
  qrCode: string
  recoveryCodes: string[]
}

/** POST JSON to a sign-in endpoint; the body and status come back, never a thrown error for 4xx. */
export async function postJson<T>(
  url: string,
  body: unknown,
): Promise<{ ok: boolean; status: number; body: T & { errors?: SignInError[] } }> {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  })
  let parsed: unknown = {}
  try {
    parsed = await response.json()
  } catch (_error) {
    parsed = {}
  }
  return {
    ok: response.ok,
    status: response.status,
    body: parsed as T & { errors?: SignInError[] },
  }
}
