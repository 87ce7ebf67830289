import { describe, it, expect } from '@jest/globals'
import {
  emptyLexicalState,
  findDisallowedHtml,
  findDisallowedLexical,
  htmlToLexical,
  htmlToText,
  lexicalPlainText,
  lexicalToHtml,
  normaliseLexical,
  strippedLength,
  textToLexical,
  type LexicalState,
} from '../../../src/standard/richText'
import { STANDARD_KEYS, publicationStandard } from '../../../src/standard/publicationStandard'
import { noorderhaaksRecord } from './fixtures/noorderhaaksRecord'
import { seededRandom } from './fixtures/seededRandom'

// Expected node shapes, written out independently of the module.
const el = { direction: 'ltr', format: '', indent: 0, version: 1 }
const t = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'text',
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text,
  version: 1,
  ...extra,
})
const br = () => ({ type: 'linebreak', version: 1 })
const p = (...children: unknown[]) => ({
  type: 'paragraph',
  children,
  ...el,
  textFormat: 0,
  textStyle: '',
})
const li = (value: number, indent: number, ...children: unknown[]) => ({
  type: 'listitem',
  children,
  ...el,
  indent,
  value,
})
const list = (tag: 'ul' | 'ol', ...children: unknown[]) => ({
  type: 'list',
  children,
  ...el,
  listType: tag === 'ul' ? 'bullet' : 'number',
  start: 1,
  tag,
})
const state = (...children: unknown[]) => ({ root: { type: 'root', children, ...el } })

const richTextKeys = STANDARD_KEYS.filter((key) => publicationStandard[key].kind === 'richText')

describe('htmlToLexical', () => {
  it('builds the node shapes Payload’s editor stores', () => {
    expect(htmlToLexical('<p>Hallo Noorderhaaks</p>')).toEqual(state(p(t('Hallo Noorderhaaks'))))
  })

  it('turns div into a paragraph, br into a line break and bare text into a paragraph', () => {
    expect(htmlToLexical('<div>Een</div>los<br>twee')).toEqual(
      state(p(t('Een')), p(t('los'), br(), t('twee'))),
    )
  })

  it('nests lists the way Lexical does: the nested list in an item of its own', () => {
    expect(htmlToLexical('<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>')).toEqual(
      state(list('ul', li(1, 0, t('a')), li(2, 0, list('ul', li(1, 1, t('b')))), li(2, 0, t('c')))),
    )
    expect(htmlToLexical('<ol><li>een</li><li>twee</li></ol>')).toEqual(
      state(list('ol', li(1, 0, t('een')), li(2, 0, t('twee')))),
    )
  })

  it('decodes entities', () => {
    expect(
      htmlToLexical(
        '<p>&amp; &lt;b&gt; &quot;x&quot; &#39;y&#39; &eacute;&#233;&#xE9; a&nbsp;b</p>',
      ),
    ).toEqual(state(p(t('& <b> "x" \'y\' ééé a\u00a0b'))))
  })

  it('collapses white space like HTML', () => {
    expect(htmlToLexical('<p>  Een \n\t  twee  <br>  drie </p>\n  <p> </p>')).toEqual(
      state(p(t('Een twee'), br(), t('drie'))),
    )
    expect(htmlToLexical('<p>Een<b> vet </b>woord</p>')).toEqual(state(p(t('Een vet woord'))))
  })

  it('gives an empty state (one empty paragraph) for empty input', () => {
    const empty = {
      root: { type: 'root', children: [{ ...p(), direction: null }], ...el, direction: null },
    }
    expect(htmlToLexical('')).toEqual(empty)
    expect(htmlToLexical('  <p> </p><p><br></p>')).toEqual(empty)
    expect(emptyLexicalState()).toEqual(empty)
  })

  it('keeps the text of tags outside the standard and drops scripts', () => {
    expect(
      htmlToLexical('<h2>Kop</h2><p><a href="x">link</a></p><script>alert(1)</script>'),
    ).toEqual(state(p(t('Kop')), p(t('link'))))
  })

  it('closes paragraphs and list items implicitly, as browsers do', () => {
    expect(htmlToLexical('<p>een<p>twee<ul><li>a<li>b</ul>')).toEqual(
      state(p(t('een')), p(t('twee')), list('ul', li(1, 0, t('a')), li(2, 0, t('b')))),
    )
  })
})

describe('lexicalToHtml', () => {
  it('writes only p, br, ul, ol and li without attributes', () => {
    const input = {
      root: {
        type: 'root',
        direction: 'rtl',
        format: 'center',
        indent: 0,
        version: 1,
        children: [
          {
            ...p(
              t('Vet', { format: 1 }),
              t(' en ', { style: 'color: red' }),
              t('schuin', { format: 2 }),
            ),
            format: 'center',
            indent: 2,
          },
          { type: 'heading', tag: 'h2', children: [t('Kopje')], ...el },
          list(
            'ol',
            li(1, 0, t('een')),
            li(2, 0, list('ul', li(1, 1, t('half')))),
            li(2, 0, t('twee')),
          ),
        ],
      },
    }
    expect(lexicalToHtml(input)).toBe(
      '<p>Vet en schuin</p><p>Kopje</p><ol><li>een<ul><li>half</li></ul></li><li>twee</li></ol>',
    )
  })

  it('escapes & < > " and \'', () => {
    expect(lexicalToHtml(state(p(t('a & b < c > d "e" \'f\''))))).toBe(
      '<p>a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;</p>',
    )
  })

  it('drops empty paragraphs', () => {
    expect(lexicalToHtml(state(p(), p(t('  ')), p(t('x')), p(br())))).toBe('<p>x</p>')
    expect(
      lexicalToHtml(htmlToLexical('<p>&nbsp;</p><p>a&nbsp;</p><ul><li>&nbsp;</li></ul>')),
    ).toBe('<p>a\u00a0</p>')
  })

  it('gives an empty string for empty or missing values', () => {
    expect(lexicalToHtml(null)).toBe('')
    expect(lexicalToHtml(undefined)).toBe('')
    expect(lexicalToHtml('<p>geen state</p>')).toBe('')
    expect(lexicalToHtml(emptyLexicalState())).toBe('')
  })

  it('writes a leading nested list as an item of its own', () => {
    expect(
      lexicalToHtml(state(list('ul', li(1, 0, list('ul', li(1, 1, t('diep')))), li(1, 0, t('a'))))),
    ).toBe('<ul><li><ul><li>diep</li></ul></li><li>a</li></ul>')
  })
})

describe('findDisallowedHtml', () => {
  it('accepts the standard’s tags in any case, and plain text with < and >', () => {
    expect(
      findDisallowedHtml('<P>Een</P><div>twee<BR/>drie</div><ul><li>x</li></ul><ol></ol>'),
    ).toEqual([])
    expect(findDisallowedHtml('a < b en c > d')).toEqual([])
    expect(findDisallowedHtml('')).toEqual([])
  })

  it('names each refused tag, attribute, comment and script URL once', () => {
    expect(findDisallowedHtml('<script>alert(1)</script>')).toEqual(['<script>'])
    expect(findDisallowedHtml('<iframe src="https://x.nl"></iframe>')).toEqual([
      '<iframe>',
      'attribuut src',
    ])
    expect(findDisallowedHtml('<style>p { color: red }</style><p>x</p>')).toEqual(['<style>'])
    expect(findDisallowedHtml('<p onclick="go()">x</p>')).toEqual(['attribuut onclick'])
    expect(findDisallowedHtml("<p style='a>b'>x</p>")).toEqual(['attribuut style'])
    expect(findDisallowedHtml('<a href="javascript:alert(1)">x</a>')).toEqual([
      '<a>',
      'attribuut href',
      'javascript:',
    ])
    expect(findDisallowedHtml('<p>x</p><!-- verborgen -->')).toEqual(['commentaar'])
    expect(findDisallowedHtml('<p class="a">x</p><p class="b">y</p>')).toEqual(['attribuut class'])
    expect(findDisallowedHtml('<b>vet</b></span>')).toEqual(['<b>', '<span>'])
    expect(findDisallowedHtml('<!DOCTYPE html><p>x</p>')).toEqual(['<!doctype>'])
    expect(findDisallowedHtml('<p>x</p><script')).toEqual(['<script>'])
  })

  it('finds script URLs hidden with entities or white space', () => {
    expect(findDisallowedHtml('<p>java&#x09;script:alert(1)</p>')).toEqual(['javascript:'])
    expect(findDisallowedHtml('<p>JAVA SCRIPT :x</p>')).toEqual(['javascript:'])
  })
})

describe('findDisallowedLexical', () => {
  it('accepts what htmlToLexical makes, an empty state and a missing value', () => {
    expect(findDisallowedLexical(htmlToLexical(noorderhaaksRecord.source_data))).toEqual([])
    expect(findDisallowedLexical(emptyLexicalState())).toEqual([])
    expect(findDisallowedLexical(null)).toEqual([])
    expect(
      findDisallowedLexical(state(p(t('a'), { type: 'tab', text: '\t', version: 1 }))),
    ).toEqual([])
  })

  it('names node types outside the standard', () => {
    const input = state(
      { type: 'heading', tag: 'h1', children: [t('Kop')], ...el },
      { type: 'quote', children: [t('Citaat')], ...el },
      p({ type: 'link', fields: { url: 'https://x.nl' }, children: [t('link')], ...el }),
      { type: 'upload', value: 3, relationTo: 'media', version: 1 },
      { type: 'code', children: [t('x = 1')], ...el },
    )
    expect(findDisallowedLexical(input)).toEqual(['heading', 'quote', 'link', 'upload', 'code'])
  })

  it('reports malformed structure', () => {
    expect(findDisallowedLexical({})).toEqual(['ongeldige structuur: geen root'])
    expect(findDisallowedLexical('tekst')).toEqual(['ongeldige structuur: geen root'])
    expect(findDisallowedLexical(state(t('los')))).toEqual(['ongeldige structuur: text in root'])
    expect(findDisallowedLexical(state(list('ul', p(t('x')))))).toEqual([
      'ongeldige structuur: paragraph in list',
    ])
    expect(findDisallowedLexical(state({ type: 'paragraph', version: 1 }))).toEqual([
      'ongeldige structuur: paragraph zonder children',
    ])
    expect(findDisallowedLexical(state(p({ type: 'text', version: 1 })))).toEqual([
      'ongeldige structuur: text zonder tekst',
    ])
    expect(findDisallowedLexical(state(p({ text: 'geen type' })))).toEqual([
      'ongeldige structuur: node zonder type',
    ])
  })

  it('refuses check lists', () => {
    const checklist = { ...list('ul', li(1, 0, t('x'))), listType: 'check' }
    expect(findDisallowedLexical(state(checklist))).toEqual(['checklist'])
  })
})

describe('normaliseLexical', () => {
  it('drops formatting and styles and merges the text', () => {
    const input = state({
      ...p(
        t('Vet', { format: 1 }),
        t(' en ', { style: 'font-size: 20px' }),
        t('onderstreept', { format: 8 }),
      ),
      textFormat: 1,
      textStyle: 'color: red',
    })
    expect(normaliseLexical(input)).toEqual(state(p(t('Vet en onderstreept'))))
  })

  it('resets direction, alignment, indentation and list numbering', () => {
    const input = {
      root: {
        ...el,
        type: 'root',
        children: [
          { ...p(t('x')), direction: 'rtl', format: 'justify', indent: 3 },
          { ...list('ol', li(7, 0, t('a'))), start: 7 },
          { ...list('ul', li(1, 0, t('b'))), listType: 'check' },
        ],
      },
    }
    expect(normaliseLexical(input)).toEqual(
      state(p(t('x')), list('ol', li(1, 0, t('a'))), list('ul', li(1, 0, t('b')))),
    )
  })

  it('keeps the text of headings, quotes and links and drops uploads', () => {
    const input = state(
      { type: 'heading', tag: 'h3', children: [t('Kop')], ...el },
      p(t('Zie '), { type: 'autolink', children: [t('https://x.nl')], ...el }, t('.')),
      { type: 'upload', value: 1, version: 1 },
    )
    expect(normaliseLexical(input)).toEqual(state(p(t('Kop')), p(t('Zie https://x.nl.'))))
  })

  it('splits a list item with text after a nested list, like HTML', () => {
    const input = state(list('ul', li(1, 0, t('a'), list('ul', li(1, 1, t('b'))), t('c'))))
    expect(normaliseLexical(input)).toEqual(
      state(list('ul', li(1, 0, t('a')), li(2, 0, list('ul', li(1, 1, t('b')))), li(2, 0, t('c')))),
    )
  })

  it('gives an empty state for values that are not editor states', () => {
    expect(normaliseLexical(undefined)).toEqual(emptyLexicalState())
    expect(normaliseLexical(42)).toEqual(emptyLexicalState())
    expect(normaliseLexical({ root: 'x' })).toEqual(emptyLexicalState())
  })
})

describe('htmlToText', () => {
  it('puts every paragraph, list item and line break on its own line', () => {
    expect(htmlToText('<p>Eerste</p><p>Tweede</p>')).toBe('Eerste\nTweede')
    expect(htmlToText('<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul><p>d<br>e</p>')).toBe(
      'a\nb\nc\nd\ne',
    )
  })

  it('collapses blank lines and trims lines', () => {
    expect(htmlToText('<p>a<br><br><br>b</p><p></p><div>  c&nbsp;&nbsp;</div>')).toBe('a\nb\nc')
    expect(htmlToText('<p>één&nbsp;&nbsp;twee</p>')).toBe('één twee')
    expect(htmlToText('')).toBe('')
    expect(htmlToText('<p> </p>')).toBe('')
  })

  it('decodes entities and drops tags outside the standard', () => {
    expect(htmlToText('<p>R&amp;D <b>team</b></p><style>x{}</style>')).toBe('R&D team')
  })
})

describe('textToLexical', () => {
  it('makes a paragraph of each non-empty line', () => {
    const result = textToLexical('Regel een\n\n  Regel   twee  \r\nRegel drie\r')
    expect(result).toEqual(state(p(t('Regel een')), p(t('Regel twee')), p(t('Regel drie'))))
    expect(lexicalToHtml(result)).toBe('<p>Regel een</p><p>Regel twee</p><p>Regel drie</p>')
    expect(textToLexical('')).toEqual(emptyLexicalState())
  })
})

describe('strippedLength', () => {
  it('counts characters after removing tags and decoding entities', () => {
    expect(strippedLength('<p>abc</p>')).toBe(3)
    expect(strippedLength('<p>a&amp;b</p>')).toBe(3)
    expect(strippedLength('<ul><li>een</li><li>twee</li></ul>')).toBe(7)
    expect(strippedLength('<p>a<br>b</p>')).toBe(2)
    expect(strippedLength('<!-- een lang commentaar -->x')).toBe(1)
    expect(strippedLength('')).toBe(0)
  })

  it('does not count line breaks, and counts an emoji as one character', () => {
    expect(strippedLength('<p>a</p>\n<p>b</p>\r\n')).toBe(2)
    expect(strippedLength('<p>🙂 ok</p>')).toBe(4)
  })

  it('equals the length of the text an editor typed', () => {
    const typed = 'Het doel & de impact: "minder" afval.'
    expect(strippedLength(lexicalToHtml(textToLexical(typed)))).toBe(typed.length)
  })
})

describe('lexicalPlainText', () => {
  it('matches htmlToText of the HTML', () => {
    for (const key of richTextKeys) {
      const html = noorderhaaksRecord[key] as string
      const lexical = htmlToLexical(html)
      expect(lexicalPlainText(lexical)).toBe(htmlToText(lexicalToHtml(lexical)))
    }
    expect(lexicalPlainText(htmlToLexical(noorderhaaksRecord.source_data))).toBe(
      'vulgraad per container\nplaats van de containers\nstraat\nwijk',
    )
  })
})

// Random documents of paragraphs and (nested) lists with awkward text.
const randomState = (random: () => number): unknown => {
  const words = ['Noorderhaaks', 'a & b', '<tag>', '"quote"', "it's", 'één', '  ', 'x\u00a0y', '\t']
  const word = () => words[Math.floor(random() * words.length)]
  const inline = () =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
      random() < 0.2 ? br() : t(word(), { format: random() < 0.3 ? 1 : 0 }),
    )
  const makeList = (depth: number): unknown => {
    const items = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
      depth < 2 && random() < 0.3 ? li(1, depth, makeList(depth + 1)) : li(1, depth, ...inline()),
    )
    return list(random() < 0.5 ? 'ul' : 'ol', ...items)
  }
  return state(
    ...Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
      random() < 0.6 ? p(...inline()) : makeList(0),
    ),
  )
}

describe('round trips', () => {
  const messyHtml = [
    '<p>Een</p><p>twee</p>',
    '<div><p>a</p>b<div>c</div></div>',
    'los &amp; vrij<br/>regel  twee<p>alinea</p>',
    '<ol><li><ul><li>x</li></ul></li><li>y</li><li>z<ul><li>q</li></ul><ul><li>r</li></ul></li></ol>',
    '<ul><li><p>a</p><p>b</p></li><li>c<br></li></ul>',
    '<li>los</li><ul>tekst<li>een</li><ol><li>n</li></ol></ul>',
    '<p>a<br><br>b<br></p><p>   </p>',
    '<h1>Kop</h1><p style="x">tekst<span> met </span>span</p><table><tr><td>cel</td></tr></table>',
    ...richTextKeys.map((key) => noorderhaaksRecord[key] as string),
  ]

  it('htmlToLexical(lexicalToHtml(x)) equals x for normalised states', () => {
    const random = seededRandom(7)
    const states: LexicalState[] = [
      ...messyHtml.map(htmlToLexical),
      ...Array.from({ length: 300 }, () => normaliseLexical(randomState(random))),
      emptyLexicalState(),
    ]
    for (const normalised of states) {
      expect(htmlToLexical(lexicalToHtml(normalised))).toEqual(normalised)
      expect(normaliseLexical(normalised)).toEqual(normalised)
    }
  })

  it('lexicalToHtml(htmlToLexical(h)) is canonical', () => {
    expect(lexicalToHtml(htmlToLexical(messyHtml[1]))).toBe('<p>a</p><p>b</p><p>c</p>')
    expect(lexicalToHtml(htmlToLexical(messyHtml[4]))).toBe('<ul><li>a<br>b</li><li>c</li></ul>')
    expect(lexicalToHtml(htmlToLexical(messyHtml[7]))).toBe(
      '<p>Kop</p><p>tekst met span</p><p>cel</p>',
    )
    for (const html of messyHtml) {
      const canonical = lexicalToHtml(htmlToLexical(html))
      expect(lexicalToHtml(htmlToLexical(canonical))).toBe(canonical)
      expect(findDisallowedHtml(canonical)).toEqual([])
    }
  })

  it('keeps the fixture’s clean HTML unchanged', () => {
    for (const key of richTextKeys) {
      const html = noorderhaaksRecord[key] as string
      expect(findDisallowedHtml(html)).toEqual([])
      expect(lexicalToHtml(htmlToLexical(html))).toBe(html)
    }
  })

  it('text → Lexical → HTML → text is stable', () => {
    const roundTrip = (text: string) => htmlToText(lexicalToHtml(textToLexical(text)))
    const canonical = ['Eén regel', 'Regel een\nRegel twee', 'a & b < c\n"d" \'e\'', '']
    for (const text of canonical) expect(roundTrip(text)).toBe(text)
    const messy = ['  a  \n\n\nb\t c \r\n', 'x\u00a0\u00a0y\n \n', '<p>geen html</p>']
    for (const text of messy) expect(roundTrip(roundTrip(text))).toBe(roundTrip(text))
    expect(roundTrip(messy[0])).toBe('a\nb c')
    expect(roundTrip(messy[2])).toBe('<p>geen html</p>')
  })
})
