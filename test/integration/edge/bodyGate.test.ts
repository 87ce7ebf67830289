import http from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { fieldErrors, graphqlFieldErrors } from '../../fixtures/fieldErrors'
import { completeDescription } from '../../support/algorithmFixtures'
import { createOrganisation, rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import { createPerson, type Person } from '../../support/workflowHelpers'

let app: TestApp
let editor: Person
let organisationId: number

beforeAll(async () => {
  app = await testApp()
  const organisation = await createOrganisation(app.payload)
  organisationId = organisation.id
  editor = await createPerson(app.payload, app.url, {
    memberships: [{ organisation: organisation.id, role: 'redacteur' }],
  })
})

afterAll(async () => {
  await closeTestApp()
})

interface RawAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** Sends a request with a raw body (string or bytes) and any headers. */
function send(
  method: string,
  path: string,
  body: string | Buffer | undefined,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${app.url}${path}`,
      { method, headers: { authorization: `JWT ${editor.token}`, ...headers } },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        )
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

function problem(answer: RawAnswer): { detail: string; status: number; errors: unknown[] } {
  expect(answer.headers['content-type']).toContain('application/problem+json')
  return JSON.parse(answer.body) as { detail: string; status: number; errors: unknown[] }
}

/**
 * Streams `total` bytes in chunks and reports how many were written when the answer came:
 * a server that answers before the body is complete has not read it in full.
 */
function streamUntilAnswered(
  path: string,
  total: number,
  headers: Record<string, string>,
): Promise<{ status: number; writtenWhenAnswered: number; body: string }> {
  return new Promise((resolve, reject) => {
    let written = 0
    let answered = false
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    const request = http.request(`${app.url}${path}`, {
      method: 'POST',
      headers: { authorization: `JWT ${editor.token}`, ...headers },
    })
    request.on('response', (response) => {
      answered = true
      const writtenWhenAnswered = written
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (part: string) => (text += part))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, writtenWhenAnswered, body: text }),
      )
    })
    // The server closes the connection after its answer; a write after that may fail.
    request.on('error', (error) => {
      if (!answered) reject(error)
    })
    const pump = () => {
      while (!answered && written < total) {
        written += chunk.length
        if (!request.write(chunk)) {
          request.once('drain', pump)
          return
        }
      }
      if (!answered) request.end()
    }
    request.write('{"name":"')
    pump()
  })
}

describe('request body limits', () => {
  it('refuses a body whose Content-Length is over the limit with 413 before reading it', async () => {
    const answer = await streamUntilAnswered('/api/algorithms', 50 * 1024 * 1024, {
      'content-type': 'application/json',
      'content-length': String(50 * 1024 * 1024 + 9),
    })
    expect(answer.status).toBe(413)
    expect(answer.writtenWhenAnswered).toBeLessThan(50 * 1024 * 1024)
    expect(JSON.parse(answer.body)).toMatchObject({ status: 413, title: 'Verzoek te groot' })
  })

  it('counts a streamed (chunked) body and answers 413 once it passes the limit', async () => {
    const answer = await streamUntilAnswered('/api/algorithms', 50 * 1024 * 1024, {
      'content-type': 'application/json',
      'transfer-encoding': 'chunked',
    })
    expect(answer.status).toBe(413)
    expect(answer.writtenWhenAnswered).toBeLessThan(50 * 1024 * 1024)
  })

  it('bounds the admin (Next) paths by Content-Length too', async () => {
    const answer = await streamUntilAnswered('/admin/collections/algorithms', 50 * 1024 * 1024, {
      'content-type': 'text/plain;charset=UTF-8',
      'content-length': String(50 * 1024 * 1024 + 9),
    })
    expect(answer.status).toBe(413)
  })

  it('refuses the unauthenticated login endpoint a big body as well', async () => {
    const answer = await streamUntilAnswered('/api/users/login', 5 * 1024 * 1024, {
      'content-type': 'application/json',
      'transfer-encoding': 'chunked',
    })
    expect(answer.status).toBe(413)
  })
})

describe('content types and body shapes on writes', () => {
  it.each([
    ['text/plain', '{"name":"x"}'],
    ['application/xml', '<algorithm><name>x</name></algorithm>'],
    ['application/x-www-form-urlencoded', 'name=x'],
  ])('answers 415 to %s', async (type, body) => {
    const answer = await send('POST', '/api/algorithms', body, { 'content-type': type })
    expect(answer.status).toBe(415)
    expect(problem(answer).detail).toContain('application/json')
  })

  it('answers 415 to a body without a content type', async () => {
    const answer = await send('POST', '/api/algorithms', '{"name":"x"}', {})
    expect(answer.status).toBe(415)
  })

  it.each([
    ['null', 'null'],
    ['a string', '"x"'],
    ['an array', '[{"name":"x"}]'],
    ['a number', '42'],
  ])('answers 400 in Dutch to %s on create and update', async (_label, body) => {
    const created = await send('POST', '/api/algorithms', body, {
      'content-type': 'application/json',
    })
    expect(created.status).toBe(400)
    expect(problem(created).detail).toMatch(/moet een JSON-object zijn/)
    const updated = await send('PATCH', '/api/algorithms/1', body, {
      'content-type': 'application/json',
    })
    expect(updated.status).toBe(400)
  })

  it('answers 400 to an empty body on create and update, in English when asked', async () => {
    const created = await send('POST', '/api/algorithms', '', {
      'content-type': 'application/json',
      'accept-language': 'en',
    })
    expect(created.status).toBe(400)
    expect(problem(created).detail).toMatch(/must be a JSON object, .*; received: nothing\./)
    const updated = await send('PATCH', '/api/algorithms/1', undefined, {})
    expect(updated.status).toBe(400)
  })

  it('answers 400 to invalid JSON', async () => {
    const answer = await send('POST', '/api/algorithms', '{"name":', {
      'content-type': 'application/json',
    })
    expect(answer.status).toBe(400)
    expect(problem(answer).detail).toMatch(/geen geldige JSON/)
  })

  it('still lets bodiless writes (logout) through', async () => {
    const person = await createPerson(app.payload, app.url, {
      memberships: [{ organisation: organisationId, role: 'redacteur' }],
    })
    const answer = await send('POST', '/api/users/logout', undefined, {
      authorization: `JWT ${person.token}`,
    })
    expect(answer.status).toBe(200)
  })
})

describe('nesting depth', () => {
  it('refuses JSON nested 10,000 deep with a 400 instead of a stack overflow', async () => {
    const deep = `{"name":"x","goal":${'['.repeat(10000)}${']'.repeat(10000)}}`
    const answer = await send('POST', '/api/algorithms', deep, {
      'content-type': 'application/json',
    })
    expect(answer.status).toBe(400)
    expect(problem(answer).detail).toBe(
      "Veld 'goal[0][0]' is te diep genest: de inhoud van het verzoek mag hoogstens 100 niveaus diep zijn.",
    )
  })

  it('refuses a deep GraphQL variables object too', async () => {
    const deep = `{"query":"{ __typename }","variables":{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`
    const answer = await send('POST', '/api/graphql', deep, { 'content-type': 'application/json' })
    expect(answer.status).toBe(400)
  })

  it('accepts a real description with rich text nested lists', async () => {
    // Lists nested eight deep inside the goal: far deeper than any real description.
    let html = '<p>Doel</p>'
    for (let level = 0; level < 8; level++) html = `<ul><li>Niveau ${level}${html}</li></ul>`
    const { htmlToLexical } = await import('../../../src/standard/richText')
    const answer = await rest(app.url, 'POST', '/api/algorithms', {
      token: editor.token,
      body: completeDescription(organisationId, { goal: htmlToLexical(html) }),
    })
    expect(answer.status).toBe(201)
  })
})

describe('control characters', () => {
  // Creates and updates of the register's collections are left to their own input check
  // (hooks/checkWriteInput), which names the field by its label; the gate checks the rest.
  it.each([
    ['NUL', '\u0000', 'U+0000'],
    ['bell', '\u0007', 'U+0007'],
    ['escape', '\u001b', 'U+001B'],
    ['U+FFFF', '\uffff', 'U+FFFF'],
    ['a lone surrogate', '\ud800', 'U+D800'],
  ])('refuses %s in a text field with a 400 naming the field', async (_label, character, code) => {
    const answer = await rest(app.url, 'POST', '/api/algorithms', {
      token: editor.token,
      body: completeDescription(organisationId, { name: `Afval${character}plannen` }),
    })
    expect(answer.status).toBe(400)
    expect(fieldErrors(answer.body)).toEqual([
      {
        path: 'name',
        message: expect.stringContaining(`Naam bevat een onzichtbaar stuurteken (${code})`),
      },
    ])
  })

  it('names the path of a nested value', async () => {
    const answer = await rest(app.url, 'PATCH', '/api/algorithms/1', {
      token: editor.token,
      language: 'en',
      body: {
        source_data_grouping: [
          { title: 'ok', link: 'https://x.example' },
          { title: 'b\u0000d', link: 'https://x.example' },
        ],
      },
    })
    expect(answer.status).toBe(400)
    expect(fieldErrors(answer.body).map((error) => error.path)).toEqual([
      'source_data_grouping.1.title',
    ])
  })

  it('refuses NUL in the body of a register endpoint, naming the field', async () => {
    const answer = await rest<{ detail: string }>(
      app.url,
      'POST',
      '/api/algorithms/plain-language',
      {
        token: editor.token,
        language: 'en',
        body: { fields: { goal: 'Een\u0000tekst' } },
      },
    )
    expect(answer.status).toBe(400)
    expect(answer.body.detail).toMatch(/^Field 'fields.goal' contains a character/)
  })

  it('keeps tab, newline and carriage return', async () => {
    const answer = await rest(app.url, 'POST', '/api/algorithms', {
      token: editor.token,
      body: completeDescription(organisationId, { internal_notes: 'a\tb\r\nc' }),
    })
    expect(answer.status).toBe(201)
  })

  it('refuses NUL in a GraphQL mutation, naming the field', async () => {
    const answer = await rest<{ errors?: unknown }>(app.url, 'POST', '/api/graphql', {
      token: editor.token,
      body: {
        query: 'mutation ($data: mutationAlgorithmInput!) { createAlgorithm(data: $data) { id } }',
        variables: { data: completeDescription(organisationId, { name: 'a\u0000' }) },
      },
    })
    expect(answer.status).toBeLessThan(500)
    expect(graphqlFieldErrors(answer.body.errors).map((error) => error.path)).toEqual(['name'])
  })

  it('refuses NUL in the admin form (multipart with _payload)', async () => {
    const form = new FormData()
    form.set('_payload', JSON.stringify(completeDescription(organisationId, { name: 'a\u0000' })))
    const response = await fetch(`${app.url}/api/algorithms`, {
      method: 'POST',
      headers: { authorization: `JWT ${editor.token}` },
      body: form,
    })
    expect(response.status).toBe(400)
    expect(fieldErrors(await response.json()).map((error) => error.path)).toEqual(['name'])
  })

  it('accepts the admin form (multipart with _payload) when it is clean', async () => {
    const form = new FormData()
    form.set('_payload', JSON.stringify(completeDescription(organisationId)))
    const response = await fetch(`${app.url}/api/algorithms`, {
      method: 'POST',
      headers: { authorization: `JWT ${editor.token}` },
      body: form,
    })
    expect(response.status).toBe(201)
  })

  it('accepts the admin relationship search (form-encoded POST with GET override)', async () => {
    const response = await fetch(`${app.url}/api/organisations`, {
      method: 'POST',
      headers: {
        authorization: `JWT ${editor.token}`,
        'content-type': 'application/x-www-form-urlencoded',
        'x-payload-http-method-override': 'GET',
      },
      body: 'limit=5&depth=0',
    })
    expect(response.status).toBe(200)
  })

  it.each([
    ['/register/v1/algorithms?q=a%00b', 'q'],
    ['/api/algorithms?where[name][equals]=a%00', 'where[name][equals]'],
    ['/register/v1/algorithms?q=a%1Bb', 'q'],
  ])('refuses a control character in the query of %s', async (path, name) => {
    const answer = await send('GET', path, undefined, {})
    expect(answer.status).toBe(400)
    expect(problem(answer).detail).toBe(
      `Parameter '${name}' bevat een teken dat niet is toegestaan (een NUL- of ander stuurteken).`,
    )
  })
})
