import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { Parser } from 'htmlparser2'

import type { Algorithm } from '../../../payload-types'
import {
  buildPublicRecord,
  sanitisePublicRecord,
  sanitisePublicValue,
} from '../../../src/publicApi/publicRecord'
import { STANDARD_KEYS, publicationStandard } from '../../../src/standard/publicationStandard'
import { htmlToLexical, lexicalToHtml } from '../../../src/standard/richText'
import { sanitiseStandardHtml, toPlainText, toSafeLink } from '../../../src/standard/safeText'
import { noorderhaaksRecord } from './fixtures/noorderhaaksRecord'

/** Every element and comment an HTML parser (a browser's innerHTML, roughly) finds in `html`. */
const markupIn = (html: string): string[] => {
  const found: string[] = []
  const parser = new Parser({
    onopentag: (name, attributes) => {
      found.push(`<${name}>`)
      for (const attribute of Object.keys(attributes)) found.push(`@${attribute}`)
    },
    oncomment: () => found.push('comment'),
    onprocessinginstruction: (name) => found.push(name),
  })
  parser.end(html)
  return found
}

/** The text a browser shows when `html` is inserted as HTML. */
const shownAsHtml = (html: string): string => {
  let text = ''
  new Parser({ ontext: (data) => (text += data) }).end(html)
  return text
}

const richTextKeys = STANDARD_KEYS.filter(
  (key) => publicationStandard[key].kind === 'richText' && key !== 'tags',
)

describe('toPlainText', () => {
  it('removes tags, comments and scripts with their content', () => {
    expect(toPlainText('<script>alert(1)</script>Bomen')).toBe('Bomen')
    expect(toPlainText('<b onclick="x()">Bomen</b> <i>tellen</i>')).toBe('Bomen tellen')
    expect(toPlainText('<img src=x onerror=alert(1)>Bomen')).toBe('Bomen')
    expect(toPlainText('Bomen<!-- verborgen -->')).toBe('Bomen')
    expect(toPlainText('<iframe src="https://x.example"></iframe>')).toBe('')
    expect(toPlainText('<h1>Kop</h1>')).toBe('Kop')
  })

  it('keeps text that only looks like markup to a person', () => {
    expect(toPlainText('a < b en c > d')).toBe('a < b en c > d')
    expect(toPlainText('R&D, 5 > 3 & 2 < 4')).toBe('R&D, 5 > 3 & 2 < 4')
    expect(toPlainText('Bomen  tellen\nin de wijk')).toBe('Bomen  tellen\nin de wijk')
    expect(toPlainText('Één, twee')).toBe('Één, twee')
  })

  it('decodes entities, without letting an encoded tag come back as markup', () => {
    expect(toPlainText('R&amp;D')).toBe('R&D')
    expect(toPlainText('caf&eacute;')).toBe('café')
    expect(toPlainText('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('')
    expect(toPlainText('&amp;lt;b&amp;gt;x')).toBe('x')
    expect(toPlainText('&lt;scr<script></script>ipt&gt;x&lt;/script&gt;y')).toBe('y')
  })

  it('gives an empty string for values that are not text', () => {
    expect(toPlainText(undefined)).toBe('')
    expect(toPlainText(42)).toBe('')
    expect(toPlainText({ a: '<b>' })).toBe('')
  })

  it('gives text that reads the same inserted as text or as HTML, for any input', () => {
    const pieces = fc.constantFrom(
      '<',
      '>',
      '&',
      '&lt;',
      '&amp;',
      '&#60;',
      'script',
      '<script>',
      '</script>',
      '<b>',
      '<img src=x onerror=y>',
      '<!--',
      '-->',
      '"',
      "'",
      ' ',
      'a',
      'é',
      '/',
      '=',
    )
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 20 }), (parts) => {
        const text = toPlainText(parts.join(''))
        expect(markupIn(text)).toEqual([])
        expect(shownAsHtml(text)).toBe(text)
        expect(toPlainText(text)).toBe(text)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('toSafeLink', () => {
  it('keeps web and e-mail addresses and drops script schemes', () => {
    expect(toSafeLink('https://bomen.example/a?b=1&c=2')).toBe('https://bomen.example/a?b=1&c=2')
    expect(toSafeLink('info@bomen.example')).toBe('info@bomen.example')
    expect(toSafeLink('Via het formulier: https://x.example')).toBe(
      'Via het formulier: https://x.example',
    )
    expect(toSafeLink('javascript:alert(1)')).toBe('')
    expect(toSafeLink(' JavaScript:alert(1)')).toBe('')
    expect(toSafeLink('java\tscript:alert(1)')).toBe('')
    expect(toSafeLink('data:text/html,<script>alert(1)</script>')).toBe('')
    expect(toSafeLink('vbscript:x')).toBe('')
  })
})

describe('sanitiseStandardHtml', () => {
  it('keeps only p, br, ul, ol and li without attributes', () => {
    expect(
      sanitiseStandardHtml(
        '<p onclick="x()">Een <b>vet</b> <a href="javascript:alert(1)">woord</a></p><script>alert(1)</script><ul><li style="x">a</li></ul>',
      ),
    ).toBe('<p>Een vet woord</p><ul><li>a</li></ul>')
    expect(sanitiseStandardHtml('<div>Een</div><!-- x --><img src=x onerror=alert(1)>')).toBe(
      '<p>Een</p>',
    )
    expect(sanitiseStandardHtml('<iframe src="x"></iframe><style>p{}</style>')).toBe('')
  })

  it('escapes text that looks like markup', () => {
    expect(sanitiseStandardHtml('<p>a &lt; b &amp;&amp; c</p>')).toBe(
      '<p>a &lt; b &amp;&amp; c</p>',
    )
    expect(sanitiseStandardHtml('<p>&lt;script&gt;x&lt;/script&gt;</p>')).toBe(
      '<p>&lt;script&gt;x&lt;/script&gt;</p>',
    )
  })

  it('leaves the HTML an approval writes byte for byte unchanged', () => {
    for (const key of richTextKeys) {
      const html = lexicalToHtml(htmlToLexical(noorderhaaksRecord[key] as string))
      expect(sanitiseStandardHtml(html)).toBe(html)
    }
    const quoted = '<p>a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;</p>'
    expect(sanitiseStandardHtml(quoted)).toBe(quoted)
    expect(sanitiseStandardHtml('')).toBe('')
    expect(sanitiseStandardHtml(null)).toBe('')
  })

  it('never lets an element or attribute outside the standard through, for any input', () => {
    const pieces = fc.constantFrom(
      '<p>',
      '</p>',
      '<li>',
      '<ul>',
      '</ul>',
      '<br>',
      '<div>',
      '<script>',
      '</script>',
      '<p onclick=x>',
      '<a href="javascript:x">',
      '&lt;',
      '<',
      '>',
      '<!--',
      'tekst',
      '"',
    )
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 20 }), (parts) => {
        const html = sanitiseStandardHtml(parts.join(''))
        for (const found of markupIn(html))
          expect(['<p>', '<br>', '<ul>', '<ol>', '<li>']).toContain(found)
        expect(sanitiseStandardHtml(html)).toBe(html)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('sanitisePublicRecord', () => {
  it('makes every kind of public value safe and leaves clean records unchanged', () => {
    const legacy = {
      name: '<script>alert(1)</script>Bomen tellen',
      description_short: 'Telt <b>bomen</b>; a < b',
      goal: '<p onclick="x()">Doel</p><script>alert(1)</script>',
      tags: 'bomen, <img src=x onerror=alert(1)>groen',
      website: 'javascript:alert(1)',
      category: ['<i>Natuur en milieu</i>'],
      lawful_basis_grouping: [{ title: '<h1>Wet</h1>', link: 'javascript:alert(1)' }],
      eu_ai_act: {
        eu_database_url: 'vbscript:x',
        fria_summary: '<b>FRIA</b>',
        dpia_summary: 'DPIA',
      },
      based_on: { lars: '12345679', organization: '<i>Gemeente</i>', revision: 2 },
    }
    expect(sanitisePublicRecord(legacy)).toEqual({
      name: 'Bomen tellen',
      description_short: 'Telt bomen; a < b',
      goal: '<p>Doel</p>',
      tags: 'bomen, groen',
      website: '',
      category: ['Natuur en milieu'],
      lawful_basis_grouping: [{ title: 'Wet', link: '' }],
      eu_ai_act: { eu_database_url: '', fria_summary: 'FRIA', dpia_summary: 'DPIA' },
      based_on: { lars: '12345679', organization: 'Gemeente', revision: 2 },
    })
    const clean = { ...noorderhaaksRecord }
    expect(sanitisePublicRecord(clean)).toEqual(clean)
  })

  it('keeps tags as the standard’s HTML without putting them in paragraphs', () => {
    expect(sanitisePublicValue('tags', 'afval, routes')).toBe('afval, routes')
    expect(sanitisePublicValue('tags', '<p>R&D, <b>groen</b></p>')).toBe('<p>R&amp;D, groen</p>')
  })

  it('makes the values of a history diff safe by field', () => {
    expect(sanitisePublicValue('name', '<b>x</b>')).toBe('x')
    expect(sanitisePublicValue('goal', '<p>a<script>b</script></p>')).toBe('<p>a</p>')
    expect(sanitisePublicValue('lawful_basis_grouping.link', 'javascript:x')).toBe('')
    expect(sanitisePublicValue('eu_ai_act.fria_summary', '<i>f</i>')).toBe('f')
    expect(sanitisePublicValue('name', null)).toBeNull()
  })
})

describe('buildPublicRecord', () => {
  it('sanitises the record an approval writes, from a working copy stored with markup', () => {
    const doc = {
      id: 1,
      name: '<script>alert(1)</script>Bomen',
      description_short: 'a < b <b>vet</b>',
      website: 'javascript:alert(1)',
      tags: '<p onclick="x()">bomen</p>',
      goal: htmlToLexical('<p>&lt;script&gt; als tekst</p>'),
      lawful_basis_grouping: [{ title: '<i>Wet</i>', link: 'https://wet.example' }],
    } as unknown as Algorithm
    const record = buildPublicRecord(doc, { name: '<b>Gemeente</b> X' }, '2026-12-03')
    expect(record).toMatchObject({
      name: 'Bomen',
      description_short: 'a < b vet',
      website: '',
      tags: '<p>bomen</p>',
      goal: '<p>&lt;script&gt; als tekst</p>',
      organization: 'Gemeente X',
      lawful_basis_grouping: [{ title: 'Wet', link: 'https://wet.example' }],
    })
  })
})
