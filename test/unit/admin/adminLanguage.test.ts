import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from '@jest/globals'
import { nl } from '@payloadcms/translations/languages/nl'
import type { Field } from 'payload'

import { Algorithms } from '../../../collections/Algorithms'
import { AuditEvents } from '../../../collections/AuditEvents'
import { Organisations } from '../../../collections/Organisations'
import { Revisions } from '../../../collections/Revisions'
import { Users } from '../../../collections/Users'
import { RegisterSettings } from '../../../globals/RegisterSettings'
import {
  findLanguageProblems,
  type LanguageProblem,
} from '../../../src/admin/i18n/checkAdminLanguage'
import { PAYLOAD_TRANSLATIONS_NL } from '../../../src/admin/i18n/payloadTranslations'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** Where the admin's own Dutch texts live: components, content model, workflow messages. */
const SOURCES = [
  'collections',
  'globals',
  'hooks',
  'src/admin',
  'src/workflow',
  'src/plainLanguage',
  'src/standard/publicationStandard.ts',
  'src/reports/progressEndpoint.ts',
  'src/interop/createFromTemplate.ts',
  'src/interop/interopEndpoints.ts',
]

/**
 * Messages for API clients that name API values on purpose ("Kies uit: submit, approve, …"); the
 * admin never sends an unknown action.
 */
const API_CLIENT_MESSAGES = new Set(['src/workflow/algorithmEndpoints.ts'])

function filesUnder(relative: string): string[] {
  const full = path.join(ROOT, relative)
  if (fs.statSync(full).isFile()) return [full]
  return fs
    .readdirSync(full, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesUnder(path.join(relative, entry.name))
        : /\.tsx?$/.test(entry.name)
          ? [path.join(full, entry.name)]
          : [],
    )
}

// `nl: '…'`, `nl: "…"` and `nl: \`…\`` in the source; `${…}` inside a template counts as a word.
const DUTCH_LITERAL = /\bnl:\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g

function dutchLiterals(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8')
  return [...source.matchAll(DUTCH_LITERAL)].map((match) =>
    match[2].replace(/\$\{[^}]*\}/g, 'iets'),
  )
}

type Labelled = { label?: unknown; labels?: unknown; fields?: Field[]; tabs?: unknown[] }

/** Every Dutch label of the fields, as lists, search and filters reuse them. */
function dutchLabels(fields: readonly Field[]): string[] {
  return fields.flatMap((field) => {
    const item = field as Labelled
    const own = [item.label, ...Object.values((item.labels ?? {}) as Record<string, unknown>)]
      .map((label) => (label && typeof label === 'object' ? (label as { nl?: unknown }).nl : label))
      .filter((label): label is string => typeof label === 'string')
    const tabs = (item.tabs ?? []) as Labelled[]
    return [
      ...own,
      ...dutchLabels(item.fields ?? []),
      ...tabs.flatMap((tab) => [
        ...(typeof (tab.label as { nl?: unknown })?.nl === 'string'
          ? [(tab.label as { nl: string }).nl]
          : []),
        ...dutchLabels(tab.fields ?? []),
      ]),
    ]
  })
}

function problemsIn(texts: Record<string, string>): Record<string, LanguageProblem[]> {
  return Object.fromEntries(
    Object.entries(texts)
      .map(([where, text]) => [where, findLanguageProblems(text)] as const)
      .filter(([, problems]) => problems.length > 0),
  )
}

describe('the writing guide checker', () => {
  it('finds each kind of mistake the guide names', () => {
    expect(findLanguageProblems('Nieuw(e) Algoritme aanmaken').map((p) => p.rule)).toEqual([
      'nieuw(e)',
    ])
    expect(findLanguageProblems('Naam (verplicht)')[0]?.rule).toBe('verplicht-in-label')
    expect(findLanguageProblems('Er wacht nu niets op je.')[0]?.rule).toBe('je-vorm')
    expect(findLanguageProblems('Wacht op jouw beoordeling')[0]?.rule).toBe('je-vorm')
    expect(findLanguageProblems('Status in de workflow')[0]).toEqual({
      rule: 'engels',
      found: 'workflow',
    })
    expect(findLanguageProblems('Payload Instellingen')[0]?.rule).toBe('engels')
    expect(findLanguageProblems('1 velden tonen')[0]?.rule).toBe('meervoud-na-1')
  })

  it('leaves correct Dutch alone', () => {
    for (const text of [
      'Er wacht nu niets op u.',
      'Bijvoorbeeld: parkeren',
      'Algoritme toevoegen',
      '11 velden ingevuld',
      'Het webadres begint met https://',
      'Zoeken op {{label}}',
    ]) {
      expect(findLanguageProblems(text)).toEqual([])
    }
  })
})

describe('the admin follows the writing guide', () => {
  it("Payload's Dutch texts, with the register's overrides", () => {
    const ours = PAYLOAD_TRANSLATIONS_NL as Record<string, Record<string, string>>
    const texts: Record<string, string> = {}
    for (const [namespace, entries] of Object.entries(
      nl.translations as Record<string, Record<string, unknown>>,
    )) {
      for (const [key, value] of Object.entries(entries)) {
        const text = ours[namespace]?.[key] ?? value
        if (typeof text === 'string') texts[`${namespace}:${key}`] = text
      }
    }
    expect(Object.keys(texts).length).toBeGreaterThan(500)
    expect(problemsIn(texts)).toEqual({})
  })

  it('the labels of every field, tab and collection', () => {
    const texts: Record<string, string> = {}
    for (const config of [Algorithms, AuditEvents, Organisations, Revisions, Users]) {
      dutchLabels(config.fields).forEach((label, index) => {
        texts[`${config.slug}#${index}`] = label
      })
      const labels = config.labels as { singular?: { nl?: string }; plural?: { nl?: string } }
      texts[`${config.slug}.singular`] = labels?.singular?.nl ?? ''
      texts[`${config.slug}.plural`] = labels?.plural?.nl ?? ''
    }
    dutchLabels(RegisterSettings.fields).forEach((label, index) => {
      texts[`register-settings#${index}`] = label
    })
    expect(Object.keys(texts).length).toBeGreaterThan(80)
    expect(problemsIn(texts)).toEqual({})
  })

  it('every named field has a Dutch label (Payload would show its English name in the column picker)', () => {
    const unlabelled = (fields: readonly Field[], prefix: string): string[] =>
      fields.flatMap((field) => {
        const item = field as Labelled & { name?: string }
        const own =
          item.name && !(item.label as { nl?: unknown } | undefined)?.nl
            ? [`${prefix}${item.name}`]
            : []
        const nested = unlabelled(item.fields ?? [], item.name ? `${prefix}${item.name}.` : prefix)
        const inTabs = ((item.tabs ?? []) as Labelled[]).flatMap((tab) =>
          unlabelled(tab.fields ?? [], prefix),
        )
        return [...own, ...nested, ...inTabs]
      })
    const configs = [Algorithms, AuditEvents, Organisations, Revisions, Users, RegisterSettings]
    expect(configs.flatMap((config) => unlabelled(config.fields, `${config.slug}: `))).toEqual([])
  })

  it("every Dutch text in the register's admin components, content model and messages", () => {
    const texts: Record<string, string> = {}
    const files = SOURCES.flatMap(filesUnder).filter(
      (file) => !API_CLIENT_MESSAGES.has(path.relative(ROOT, file)),
    )
    for (const file of files) {
      dutchLiterals(file).forEach((text, index) => {
        texts[`${path.relative(ROOT, file)}#${index}`] = text
      })
    }
    expect(Object.keys(texts).length).toBeGreaterThan(300)
    expect(problemsIn(texts)).toEqual({})
  })
})
