import { describe, expect, it } from '@jest/globals'
import { htmlToText } from '../../../src/plainLanguage/htmlToText'

describe('htmlToText', () => {
  it('puts block elements and list items on their own line', () => {
    const text = htmlToText(
      '<p>Wij kijken naar:</p><ul><li>uw inkomen</li><li>uw adres</li></ul><div>Klaar.</div>',
    )
    expect(text.split('\n').filter(Boolean)).toEqual([
      'Wij kijken naar:',
      'uw inkomen',
      'uw adres',
      'Klaar.',
    ])
  })

  it('treats source line breaks in HTML as spaces and <br> as a break', () => {
    const text = htmlToText('<p>De gemeente\nberekent de WOZ-waarde.<br>Elk jaar.</p>')
    expect(text.split('\n').filter(Boolean)).toEqual([
      'De gemeente berekent de WOZ-waarde.',
      'Elk jaar.',
    ])
  })

  it('removes inline tags without adding a space', () => {
    expect(htmlToText('<p>De <strong>aan</strong>vraag</p>').trim()).toBe('De aanvraag')
  })

  it('decodes the common entities once, after removing tags', () => {
    expect(
      htmlToText(
        '<p>Huur &amp; WOZ&nbsp;waarde &lt;p&gt; &quot;ja&quot; &#39;nee&#39; &amp;lt;</p>',
      ).trim(),
    ).toBe('Huur & WOZ waarde <p> "ja" \'nee\' &lt;')
  })

  it('keeps line breaks of plain text', () => {
    expect(htmlToText('Eerste alinea.\nTweede alinea & meer.')).toBe(
      'Eerste alinea.\nTweede alinea & meer.',
    )
  })
})
