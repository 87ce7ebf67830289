import { describe, expect, it } from '@jest/globals'

import {
  MAX_NESTING_DEPTH,
  TOO_DEEP,
  findDisallowedHtml,
  findDisallowedLexical,
  htmlToLexical,
  htmlToText,
  lexicalPlainText,
  lexicalToHtml,
  normaliseLexical,
  strippedLength,
} from '../../../src/standard/richText'
import { sanitiseStandardHtml } from '../../../src/standard/safeText'

const el = { direction: 'ltr', format: '', indent: 0, version: 1 }
const text = (value: string) => ({
  type: 'text',
  text: value,
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

/** Lexical lists nested `levels` deep, built without recursion. */
const nestedLexical = (levels: number): unknown => {
  let list: Record<string, unknown> = {
    type: 'list',
    listType: 'bullet',
    tag: 'ul',
    start: 1,
    ...el,
    children: [{ type: 'listitem', value: 1, ...el, children: [text('diep')] }],
  }
  for (let level = 1; level < levels; level += 1) {
    list = {
      type: 'list',
      listType: 'bullet',
      tag: 'ul',
      start: 1,
      ...el,
      children: [{ type: 'listitem', value: 1, ...el, children: [text(`n${level}`), list] }],
    }
  }
  return { root: { type: 'root', ...el, children: [list] } }
}

/** HTML lists nested `levels` deep. */
const nestedHtml = (levels: number): string =>
  `${'<ul><li>x'.repeat(levels)}${'</li></ul>'.repeat(levels)}`

describe('nesting depth', () => {
  it('accepts lists ten levels deep', () => {
    expect(findDisallowedHtml(nestedHtml(10))).toEqual([])
    expect(findDisallowedLexical(nestedLexical(10))).toEqual([])
    const html = lexicalToHtml(nestedLexical(10))
    expect(html.match(/<ul>/g)).toHaveLength(10)
    expect(lexicalToHtml(htmlToLexical(html))).toBe(html)
  })

  it('refuses HTML nested deeper than the limit with a message, without overflowing', () => {
    expect(findDisallowedHtml(nestedHtml(5000))).toEqual([TOO_DEEP])
    expect(findDisallowedHtml(`${'<div>'.repeat(MAX_NESTING_DEPTH)}x`)).toEqual([TOO_DEEP])
    expect(findDisallowedHtml(`${'<div>'.repeat(MAX_NESTING_DEPTH - 1)}x`)).toEqual([])
    expect(TOO_DEEP).toMatch(/^ongeldige structuur: dieper genest dan \d+ niveaus$/)
  })

  it('refuses Lexical JSON nested deeper than the limit, without overflowing', () => {
    expect(findDisallowedLexical(nestedLexical(5000))).toEqual([TOO_DEEP])
  })

  it('converts any depth without overflowing, keeping the text within the limit', () => {
    for (const deep of [nestedLexical(5000), htmlToLexical(nestedHtml(5000))]) {
      const html = lexicalToHtml(deep)
      expect(findDisallowedHtml(html)).toEqual([])
      expect(lexicalPlainText(deep).split('\n').length).toBeLessThan(MAX_NESTING_DEPTH)
      expect(normaliseLexical(deep)).toEqual(htmlToLexical(html))
    }
    expect(htmlToText(nestedHtml(5000)).startsWith('x\nx\n')).toBe(true)
    expect(strippedLength(nestedHtml(5000))).toBe(5000)
    // Deep but clean HTML passes the sanitiser as it is: only the standard's tags, nothing else.
    const sanitised = findDisallowedHtml(sanitiseStandardHtml(`${nestedHtml(5000)}<b>x</b>`))
    expect(sanitised.filter((problem) => problem !== TOO_DEEP)).toEqual([])
  })
})
