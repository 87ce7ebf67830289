import { describe, expect, it } from '@jest/globals'

import { selectComponentRules } from '../../../src/publicPages/pageStyles'
import {
  contrastWithWhite,
  resolvePageTheme,
  themeColourProblem,
  themeCss,
} from '../../../src/publicPages/pageTheme'
import { slugOf } from '../../../src/publicPages/slugOf'
import { embedSnippet } from '../../../src/publicPages/embedSnippet'

describe('the theme of the public pages', () => {
  it('measures contrast as WCAG does and refuses colours too light for white text', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5)
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5)
    expect(themeColourProblem('#154273')).toBeNull()
    expect(themeColourProblem('#777777')?.nl).toMatch(
      /te licht: het contrast met wit is 4\.5:1|te licht/,
    )
    expect(themeColourProblem('#ffff00')?.nl).toMatch(/^Hoofdkleur #ffff00 is te licht/)
    expect(themeColourProblem('red')?.nl).toMatch(/is geen kleurcode/)
    expect(themeColourProblem('')).toBeNull()
  })

  it('never lets an unchecked value into the CSS', () => {
    const theme = resolvePageTheme({
      primaryColour: '#fff;}</style><script>',
      font: 'x;}body{display:none',
      logoUrl: 'javascript:alert(1)',
    })
    expect(themeCss(theme)).toBe(
      ":root{--register-primary:#154273;--register-font:system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif}",
    )
    expect(theme.logoUrl).toBeNull()
    expect(resolvePageTheme({ primaryColour: '#7A1F5C', font: 'serif' }).primaryColour).toBe(
      '#7a1f5c',
    )
  })
})

describe('addresses and the embed snippet', () => {
  it('makes readable slugs without accents or punctuation', () => {
    expect(slugOf('Éénmalige toeslag: aanvragen (2024)')).toBe('eenmalige-toeslag-aanvragen-2024')
    expect(slugOf('!!!')).toBe('algoritme')
    expect(slugOf('a'.repeat(100)).length).toBe(80)
  })

  it('escapes the organisation name in the iframe snippet', () => {
    const snippet = embedSnippet({
      serverUrl: 'https://register.example.nl',
      basePath: '/algoritmes',
      code: 'gm0363',
      organisationName: 'Gemeente "A" <b>',
    })
    expect(snippet).toBe(
      '<iframe src="https://register.example.nl/algoritmes/organisaties/gm0363/insluiten" title="Algoritmes van Gemeente &quot;A&quot; &lt;b&gt;" width="100%" height="800" style="border:0" loading="lazy"></iframe>',
    )
  })
})

describe('the stylesheet', () => {
  it('keeps only the rules of the used components, selector by selector', () => {
    const css = `/* c */ .utrecht-link,.utrecht-accordion{color:red}
      .utrecht-link--html-a{color:blue} @media print{.utrecht-link{color:black}.utrecht-table{x:y}}
      .utrecht-rich-text .utrecht-link{margin:0}`
    expect(selectComponentRules(css, ['link'])).toBe(
      '.utrecht-link{color:red}\n@media print{.utrecht-link{color:black}}',
    )
  })
})
