/**
 * Lists nested thousands deep, as Lexical JSON or as HTML, are refused with a message that names
 * the field; nothing overflows the stack (which used to answer 500).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { rest } from '../../support/fixtures'
import { closeTestApp, testApp, type TestApp } from '../../support/testApp'
import {
  createWorkflowTeam,
  draftAlgorithm,
  type WorkflowTeam,
} from '../../support/workflowHelpers'

let app: TestApp
let team: WorkflowTeam

const el = { direction: 'ltr', format: '', indent: 0, version: 1 }

/** Lexical lists nested `levels` deep, built without recursion. */
function nestedLexical(levels: number): unknown {
  const text = {
    type: 'text',
    text: 'x',
    detail: 0,
    format: 0,
    mode: 'normal',
    style: '',
    version: 1,
  }
  let list: Record<string, unknown> = {
    type: 'list',
    listType: 'bullet',
    tag: 'ul',
    start: 1,
    ...el,
    children: [{ type: 'listitem', value: 1, ...el, children: [text] }],
  }
  for (let level = 1; level < levels; level += 1) {
    list = {
      type: 'list',
      listType: 'bullet',
      tag: 'ul',
      start: 1,
      ...el,
      children: [{ type: 'listitem', value: 1, ...el, children: [text, list] }],
    }
  }
  return { root: { type: 'root', ...el, children: [list] } }
}

beforeAll(async () => {
  app = await testApp()
  team = await createWorkflowTeam(app.payload, app.url)
})

afterAll(async () => {
  await closeTestApp()
})

// Whichever check meets the input first (the body's depth at the edge, the input check's length
// or nesting bound, or the rich-text reader's element depth), the refusal names the field.
const TOO_DEEP_FOR_GOAL =
  /Doel en impact (bevat opmaak.*dieper genest dan 25|is te diep genest|is te lang)|Veld 'goal[^']*' is te diep genest/

describe('deeply nested rich text', () => {
  it('refuses HTML lists nested 5,000 deep through REST with the field’s name', async () => {
    const html = `${'<ul><li>x'.repeat(5000)}${'</li></ul>'.repeat(5000)}`
    const answer = await rest<{ errors: Array<{ message: string; data?: unknown }> }>(
      app.url,
      'POST',
      '/api/algorithms',
      {
        token: team.editor.token,
        body: { name: 'Diep genest', organization: team.organisation.id, goal: html },
      },
    )
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.body)).toMatch(TOO_DEEP_FOR_GOAL)
  })

  it('refuses Lexical lists nested 5,000 deep through REST with the field’s name', async () => {
    // Written as text: JSON.stringify itself cannot go this deep.
    const element = '"direction":"ltr","format":"","indent":0,"version":1'
    const text =
      '{"type":"text","text":"x","detail":0,"format":0,"mode":"normal","style":"","version":1}'
    const open = `{"type":"list","listType":"bullet","tag":"ul","start":1,${element},"children":[{"type":"listitem","value":1,${element},"children":[`
    const lists = `${`${open}${text},`.repeat(4999)}${open}${text}${']}]}'.repeat(5000)}`
    const goal = `{"root":{"type":"root",${element},"children":[${lists}]}}`
    const response = await fetch(`${app.url}/api/algorithms`, {
      method: 'POST',
      headers: { authorization: `JWT ${team.editor.token}`, 'content-type': 'application/json' },
      body: `{"name":"Diep genest","organization":${team.organisation.id},"goal":${goal}}`,
    })
    // A 4xx either way: the field's message, or the server's own bound on body depth.
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    if (response.status === 400) {
      expect(await response.text()).toMatch(TOO_DEEP_FOR_GOAL)
    }
  })

  it('refuses Lexical lists nested 1,000 deep through the Local API with the field’s name', async () => {
    // (Payload's Local API copies its input recursively before any hook runs; far deeper input
    // overflows there, in the caller's own process.)
    let error: { status?: number; data?: unknown } | undefined
    try {
      await draftAlgorithm(app.payload, team, { goal: nestedLexical(1000) })
    } catch (caught) {
      error = caught as typeof error
    }
    expect(error?.status).toBe(400)
    expect(JSON.stringify(error?.data)).toMatch(TOO_DEEP_FOR_GOAL)
  })

  it('accepts lists ten levels deep', async () => {
    const created = await draftAlgorithm(app.payload, team, { goal: nestedLexical(10) })
    expect(created.id).toEqual(expect.any(Number))
  })
})
