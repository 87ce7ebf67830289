import { describe, expect, it } from '@jest/globals'
import type { FlattenedField } from 'payload'

import { checkInputShape, labelOfField } from '../../../src/standard/checkInputShape'
import { inputProblemMessage } from '../../../src/standard/inputMessages'
import {
  characterCount,
  findControlCharacter,
  findMarkup,
  MAX_NESTING,
  MAX_ROWS,
  MAX_TEXT_LENGTH,
} from '../../../src/standard/textChecks'

describe('findControlCharacter', () => {
  it.each([
    ['\u0000', 'U+0000'],
    ['a\u0007b', 'U+0007'],
    ['\u000B', 'U+000B'],
    ['\u001F', 'U+001F'],
    ['\u007F', 'U+007F'],
  ])('finds %j as %s', (value, expected) => {
    expect(findControlCharacter(value)).toBe(expected)
  })

  it('leaves tab, new line, carriage return and ordinary text alone', () => {
    expect(findControlCharacter('Regel 1\r\nRegel\t2 — één € 😀')).toBeNull()
  })
})

describe('findMarkup', () => {
  it.each([
    ['<script>alert(1)</script>', '<script'],
    ['Klik <img src=x onerror=alert(1)>', '<img'],
    ['tekst</p>', '</p'],
    ['a <!-- b -->', '<!--'],
    ['<?xml version="1.0"?>', '<?xml'],
    ['<!DOCTYPE html>', '<!DOCTYPE'],
    ['<h1>kop</h1>', '<h1'],
  ])('finds markup in %j', (value, expected) => {
    expect(findMarkup(value)).toBe(expected)
  })

  it.each(['a < b', '3 <= 4', 'ik <3 dit', '<', 'x<', '< script>', 'prijs < €10', '1<2'])(
    'keeps %j as plain text',
    (value) => {
      expect(findMarkup(value)).toBeNull()
    },
  )
})

describe('characterCount', () => {
  it('counts an emoji once, as the standard does', () => {
    expect(characterCount('a😀b')).toBe(3)
  })
})

describe('inputProblemMessage', () => {
  const label = { nl: 'Leverancier', en: 'Supplier' }

  it('names the field in Dutch and English', () => {
    expect(inputProblemMessage(label, { kind: 'controlCharacter', character: 'U+0000' })).toEqual({
      nl: 'Leverancier bevat een onzichtbaar stuurteken (U+0000) dat niet is toegestaan. Verwijder het, bijvoorbeeld door de tekst opnieuw te typen.',
      en: 'Supplier contains an invisible control character (U+0000) that is not allowed. Remove it, for example by typing the text again.',
    })
    expect(inputProblemMessage(label, { kind: 'tooLong', actual: 20001, max: 20000 })).toEqual({
      nl: 'Leverancier is te lang: 20.001 tekens, maximaal 20.000.',
      en: 'Supplier is too long: 20,001 characters, at most 20,000.',
    })
    expect(inputProblemMessage(label, { kind: 'wrongType', expected: 'text' }).nl).toBe(
      'Leverancier moet tekst zijn.',
    )
  })
})

describe('labelOfField', () => {
  it('drops "(verplicht)" and falls back to the name', () => {
    expect(
      labelOfField({ name: 'name', label: { nl: 'Naam (verplicht)', en: 'Name (required)' } }),
    ).toEqual({ nl: 'Naam', en: 'Name' })
    expect(labelOfField({ name: 'x' })).toEqual({ nl: 'x', en: 'x' })
  })
})

describe('checkInputShape', () => {
  const fields = [
    { name: 'title', type: 'text', label: { nl: 'Titel', en: 'Title' } },
    { name: 'tags', type: 'text', hasMany: true, label: { nl: 'Labels', en: 'Tags' } },
    { name: 'count', type: 'number', label: { nl: 'Aantal', en: 'Count' } },
    { name: 'on', type: 'checkbox', label: { nl: 'Aan', en: 'On' } },
    { name: 'when', type: 'date', label: { nl: 'Datum', en: 'Date' } },
    { name: 'kind', type: 'select', options: ['a', 'b'], label: { nl: 'Soort', en: 'Kind' } },
    {
      name: 'owner',
      type: 'relationship',
      relationTo: 'users',
      label: { nl: 'Eigenaar', en: 'Owner' },
    },
    { name: 'body', type: 'richText', label: { nl: 'Tekst', en: 'Text' } },
    { name: 'extra', type: 'json', label: { nl: 'Extra', en: 'Extra' } },
    {
      name: 'links',
      type: 'array',
      label: { nl: 'Links', en: 'Links' },
      flattenedFields: [
        { name: 'title', type: 'text', label: { nl: 'Linktitel', en: 'Link title' } },
      ],
    },
    {
      name: 'address',
      type: 'group',
      label: { nl: 'Adres', en: 'Address' },
      flattenedFields: [{ name: 'city', type: 'text', label: { nl: 'Plaats', en: 'City' } }],
    },
  ] as unknown as FlattenedField[]

  const messages = (data: Record<string, unknown>) =>
    checkInputShape(fields, data).map((error) => `${error.path}: ${error.message.nl}`)

  it('accepts values of the declared types, empty values and unknown keys', () => {
    expect(
      messages({
        title: 'Titel a < b',
        tags: ['x', 'y'],
        count: 3,
        on: false,
        when: '2026-01-31',
        kind: 'a',
        owner: 12,
        body: { root: { type: 'root', children: [] } },
        extra: { a: [1, 'b'] },
        links: [{ title: 'Wet' }],
        address: { city: 'Noorderhaaks' },
        unknown: '\u0000',
        id: 5,
      }),
    ).toEqual([])
    expect(messages({ title: null, links: null, owner: null, count: '4' })).toEqual([])
  })

  it('accepts a list without rows as the admin sends it (its row count, 0), nothing else', () => {
    expect(messages({ links: 0 })).toEqual([])
    expect(messages({ links: 2 })).toHaveLength(1)
  })

  it('refuses each wrong type, naming the field', () => {
    expect(
      messages({
        title: 42,
        tags: 'x',
        count: 'veel',
        on: 'ja',
        when: 'gisteren',
        kind: 'c',
        owner: 'abc',
        body: 5,
        links: 'Wet',
        address: 'Dorpsstraat',
      }),
    ).toEqual([
      'title: Titel moet tekst zijn.',
      'tags: Labels moet een lijst met teksten zijn.',
      'count: Aantal moet een getal zijn.',
      'on: Aan moet aan of uit (true of false) zijn.',
      'when: Datum moet een datum, zoals 2026-01-31 zijn.',
      'kind: Soort moet een van de keuzes zijn.',
      'owner: Eigenaar moet het nummer (id) van een document zijn.',
      'body: Tekst moet tekst met opmaak zijn.',
      'links: Links moet een lijst met regels zijn.',
      'address: Adres moet een groep velden (een object) zijn.',
    ])
  })

  it('finds control characters and over-long strings in rows, groups and nested JSON', () => {
    expect(
      messages({
        links: [{ title: 'ok' }, { title: 'a\u0000' }],
        address: { city: 'x'.repeat(MAX_TEXT_LENGTH + 1) },
        extra: { deep: [{ 'sleutel\u0001': 1 }] },
        body: { root: { children: [{ text: 'b\u0008' }] } },
      }),
    ).toEqual([
      'body: Tekst bevat een onzichtbaar stuurteken (U+0008) dat niet is toegestaan. Verwijder het, bijvoorbeeld door de tekst opnieuw te typen.',
      'extra: Extra bevat een onzichtbaar stuurteken (U+0001) dat niet is toegestaan. Verwijder het, bijvoorbeeld door de tekst opnieuw te typen.',
      'links.1.title: Linktitel (Links, regel 2) bevat een onzichtbaar stuurteken (U+0000) dat niet is toegestaan. Verwijder het, bijvoorbeeld door de tekst opnieuw te typen.',
      'address.city: Plaats (Adres) is te lang: 20.001 tekens, maximaal 20.000.',
    ])
  })

  it('bounds rows and nesting without overflowing the stack', () => {
    let deep: unknown = 'x'
    for (let level = 0; level < 100_000; level += 1) deep = [deep]
    expect(messages({ extra: deep })).toEqual([
      `extra: Extra is te diep genest: maximaal ${MAX_NESTING} niveaus.`,
    ])
    const rows = Array.from({ length: MAX_ROWS + 1 }, () => ({ title: 'x' }))
    expect(messages({ links: rows })).toEqual([
      `links: Links heeft te veel regels: ${MAX_ROWS + 1}, maximaal ${MAX_ROWS}.`,
    ])
  })
})
