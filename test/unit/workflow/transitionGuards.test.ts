import { describe, expect, it } from '@jest/globals'
import { decideTransition } from '../../../src/workflow/stateMachine'
import { makeInput } from './workflowFixtures'

const BLANKS: Array<string | undefined> = [undefined, '', '   ', '\n\t ']

describe('comment when requesting changes', () => {
  it.each(BLANKS)('refuses a blank comment (%j) with 422', (comment) => {
    const result = decideTransition(makeInput('request_changes', 'ter_beoordeling', { comment }))
    expect(result).toMatchObject({ ok: false, status: 422, code: 'comment_required' })
    if (!result.ok) {
      expect(result.message.nl).toBe('Schrijf een opmerking voor de indiener: wat moet er anders?')
    }
  })

  it('accepts a real comment', () => {
    const result = decideTransition(
      makeInput('request_changes', 'ter_beoordeling', { comment: 'Leg het doel eenvoudiger uit.' }),
    )
    expect(result).toMatchObject({ ok: true, to: 'teruggezet', effects: { notify: 'submitter' } })
  })
})

describe('reason when withdrawing', () => {
  it.each(BLANKS)('refuses a blank reason (%j) with 422', (reason) => {
    const result = decideTransition(makeInput('withdraw', 'gepubliceerd', { reason }))
    expect(result).toMatchObject({ ok: false, status: 422, code: 'reason_required' })
    if (!result.ok) {
      expect(result.message.nl).toBe('Geef een reden op waarom u de publicatie intrekt.')
    }
  })

  it('accepts a real reason', () => {
    const result = decideTransition(
      makeInput('withdraw', 'gepubliceerd', { reason: 'Het systeem is uitgezet.' }),
    )
    expect(result).toMatchObject({ ok: true, to: 'gedepubliceerd' })
  })

  it('asks for the reason also when withdrawing during a new draft', () => {
    const result = decideTransition(
      makeInput('withdraw', 'teruggezet', { current: { hasPublicRevision: true }, reason: ' ' }),
    )
    expect(result).toMatchObject({ code: 'reason_required' })
  })
})

describe('change summary when submitting', () => {
  it.each(BLANKS)('is not needed for a first publication (%j)', (changeSummary) => {
    const result = decideTransition(
      makeInput('submit', 'concept', { current: { publishedRevisionCount: 0 }, changeSummary }),
    )
    expect(result).toMatchObject({ ok: true, to: 'ter_beoordeling' })
  })

  it.each(BLANKS)('is required after an earlier publication (%j)', (changeSummary) => {
    const result = decideTransition(
      makeInput('submit', 'concept', {
        current: { publishedRevisionCount: 2, hasPublicRevision: true },
        changeSummary,
      }),
    )
    expect(result).toMatchObject({ ok: false, status: 422, code: 'change_summary_required' })
  })

  it('is required after a publication that was withdrawn since', () => {
    const result = decideTransition(
      makeInput('submit', 'teruggezet', {
        current: { publishedRevisionCount: 1, hasPublicRevision: false },
        changeSummary: '',
      }),
    )
    expect(result).toMatchObject({ code: 'change_summary_required' })
  })

  it('is accepted when filled in', () => {
    const result = decideTransition(
      makeInput('submit', 'teruggezet', {
        current: { publishedRevisionCount: 1 },
        changeSummary: 'Nieuwe databronnen toegevoegd.',
      }),
    )
    expect(result).toMatchObject({ ok: true, to: 'ter_beoordeling' })
  })

  it('is not asked for by other steps', () => {
    const result = decideTransition(
      makeInput('approve', 'ter_beoordeling', {
        current: { publishedRevisionCount: 3, hasPublicRevision: true },
        changeSummary: '',
      }),
    )
    expect(result).toMatchObject({ ok: true })
  })
})

describe('completeness', () => {
  it('refuses submission and lists the missing fields', () => {
    const result = decideTransition(
      makeInput('submit', 'concept', { guards: { missingRequired: ['naam', 'doel_en_impact'] } }),
    )
    expect(result).toEqual({
      ok: false,
      status: 422,
      code: 'incomplete',
      message: {
        nl: 'Vul eerst de verplichte velden in: naam, doel_en_impact.',
        en: 'Fill in the required fields first: naam, doel_en_impact.',
      },
      details: ['naam', 'doel_en_impact'],
    })
  })

  it.each([{ missingRequired: [] }, {}, undefined])('accepts %j', (guards) => {
    const input = makeInput('submit', 'concept')
    const result = decideTransition({ ...input, guards })
    expect(result).toMatchObject({ ok: true, warnings: [] })
  })

  it('is only checked on submission: approval does not look at it', () => {
    const result = decideTransition(
      makeInput('approve', 'ter_beoordeling', { guards: { missingRequired: ['naam'] } }),
    )
    expect(result).toMatchObject({ ok: true })
  })
})

describe('plain language', () => {
  it('blocks submission when the organisation says so', () => {
    const result = decideTransition(
      makeInput('submit', 'concept', {
        organisation: { plainLanguageBlocks: true },
        guards: { plainLanguageWarnings: 3 },
      }),
    )
    expect(result).toMatchObject({ ok: false, status: 422, code: 'plain_language' })
    if (!result.ok) {
      expect(result.message.nl).toBe(
        'De tekst heeft nog 3 punten die niet in eenvoudige taal zijn. Uw organisatie vraagt om die eerst op te lossen.',
      )
    }
  })

  it('uses the singular for one point', () => {
    const result = decideTransition(
      makeInput('submit', 'concept', {
        organisation: { plainLanguageBlocks: true },
        guards: { plainLanguageWarnings: 1 },
      }),
    )
    if (result.ok) throw new Error('expected refusal')
    expect(result.message.nl).toBe(
      'De tekst heeft nog 1 punt die niet in eenvoudige taal is. Uw organisatie vraagt om die eerst op te lossen.',
    )
    expect(result.message.en).toBe(
      'The text still has 1 plain-language issue. Your organisation asks you to fix it first.',
    )
  })

  it('only warns when the organisation does not block', () => {
    const result = decideTransition(
      makeInput('submit', 'concept', {
        organisation: { plainLanguageBlocks: false },
        guards: { plainLanguageWarnings: 2 },
      }),
    )
    expect(result).toMatchObject({ ok: true, to: 'ter_beoordeling' })
    if (result.ok) {
      expect(result.warnings).toEqual([
        {
          code: 'plain_language',
          message: {
            nl: 'De tekst heeft nog 2 punten die niet in eenvoudige taal zijn. U kunt toch indienen, maar kijk er nog even naar.',
            en: 'The text still has 2 plain-language issues. You can still submit, but please take another look.',
          },
        },
      ])
    }
  })

  it.each([0, -1, Number.NaN, undefined])('neither blocks nor warns with %p warnings', (count) => {
    const result = decideTransition(
      makeInput('submit', 'concept', {
        organisation: { plainLanguageBlocks: true },
        guards: { plainLanguageWarnings: count },
      }),
    )
    expect(result).toMatchObject({ ok: true, warnings: [] })
  })
})

describe('order of the input checks', () => {
  it('reports a missing change summary before incomplete fields and plain language', () => {
    const result = decideTransition(
      makeInput('submit', 'concept', {
        current: { publishedRevisionCount: 1 },
        changeSummary: '',
        organisation: { plainLanguageBlocks: true },
        guards: { missingRequired: ['naam'], plainLanguageWarnings: 4 },
      }),
    )
    expect(result).toMatchObject({ code: 'change_summary_required' })
  })

  it('reports incomplete fields before plain language', () => {
    const result = decideTransition(
      makeInput('submit', 'concept', {
        organisation: { plainLanguageBlocks: true },
        guards: { missingRequired: ['naam'], plainLanguageWarnings: 4 },
      }),
    )
    expect(result).toMatchObject({ code: 'incomplete', details: ['naam'] })
  })

  it('reports a stale state before anything about the content', () => {
    const result = decideTransition(
      makeInput('submit', 'concept', {
        expectedState: 'teruggezet',
        guards: { missingRequired: ['naam'] },
      }),
    )
    expect(result).toMatchObject({ code: 'stale_state' })
  })

  it('does not apply four-eyes to requesting changes, so the blank comment is what counts', () => {
    const result = decideTransition(
      makeInput('request_changes', 'ter_beoordeling', {
        actor: { id: 1, roles: ['goedkeurder'], isPlatformAdmin: false },
        comment: '',
      }),
    )
    expect(result).toMatchObject({ code: 'comment_required' })
  })
})

describe('withdraw and archive depend on what is public', () => {
  it.each(['concept', 'ter_beoordeling', 'teruggezet'] as const)(
    'withdraw from %s: allowed with a public revision, refused without',
    (state) => {
      const withPublic = decideTransition(
        makeInput('withdraw', state, { current: { hasPublicRevision: true } }),
      )
      expect(withPublic).toMatchObject({
        ok: true,
        to: 'gedepubliceerd',
        effects: { publicRecord: 'remove' },
      })
      const without = decideTransition(
        makeInput('withdraw', state, { current: { hasPublicRevision: false } }),
      )
      expect(without).toMatchObject({ ok: false, status: 409, code: 'invalid_transition' })
    },
  )

  it.each(['concept', 'teruggezet'] as const)(
    'archive from %s: allowed without a public revision, refused with one',
    (state) => {
      const without = decideTransition(
        makeInput('archive', state, { current: { hasPublicRevision: false } }),
      )
      expect(without).toMatchObject({
        ok: true,
        to: 'gearchiveerd',
        effects: { publicRecord: 'keep' },
      })
      const withPublic = decideTransition(
        makeInput('archive', state, { current: { hasPublicRevision: true } }),
      )
      expect(withPublic).toMatchObject({ ok: false, status: 409, code: 'invalid_transition' })
    },
  )

  it('archive from a withdrawn algorithm is allowed', () => {
    expect(decideTransition(makeInput('archive', 'gedepubliceerd'))).toMatchObject({
      ok: true,
      to: 'gearchiveerd',
    })
  })

  it('treats a published state as public even if the flag says otherwise', () => {
    const result = decideTransition(
      makeInput('archive', 'gepubliceerd', { current: { hasPublicRevision: false } }),
    )
    expect(result).toMatchObject({ code: 'invalid_transition' })
    if (!result.ok) expect(result.message.nl).toContain('Trek eerst de publicatie in')
  })
})
