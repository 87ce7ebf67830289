import { describe, expect, it } from '@jest/globals'
import {
  analysePlainLanguage,
  DEFAULT_PLAIN_LANGUAGE_OPTIONS,
  type Finding,
  type PlainLanguageReport,
} from '../../../src/plainLanguage/analysePlainLanguage'

/** The parts of a finding a test pins down exactly. */
function brief(findings: readonly Finding[]): { code: string; sentence?: number; word?: string }[] {
  return findings.map(({ code, sentence, word }) => ({
    code,
    ...(sentence === undefined ? {} : { sentence }),
    ...(word === undefined ? {} : { word }),
  }))
}

function codes(report: PlainLanguageReport, code: Finding['code']): Finding[] {
  return report.findings.filter((finding) => finding.code === code)
}

const EMPTY_REPORT: PlainLanguageReport = {
  method: 'flesch-douma',
  score: null,
  level: null,
  lix: null,
  stats: {
    sentences: 0,
    words: 0,
    syllables: 0,
    averageSentenceLength: 0,
    averageSyllablesPerWord: 0,
    longWords: 0,
  },
  findings: [],
}

describe('analysePlainLanguage: empty input', () => {
  it('returns zero stats, null scores and no findings', () => {
    expect(analysePlainLanguage('')).toEqual(EMPTY_REPORT)
    expect(analysePlainLanguage('   \n\n ')).toEqual(EMPTY_REPORT)
    expect(analysePlainLanguage('<p>&nbsp;</p><ul><li></li></ul>')).toEqual(EMPTY_REPORT)
  })
})

describe('analysePlainLanguage: counting', () => {
  it('counts a short plain sentence exactly', () => {
    // De(1) kans(1) is(1) groot(1): 4 words, 4 syllables, 0 words over 6 letters.
    const report = analysePlainLanguage('De kans is groot.')
    expect(report.stats).toEqual({
      sentences: 1,
      words: 4,
      syllables: 4,
      averageSentenceLength: 4,
      averageSyllablesPerWord: 1,
      longWords: 0,
    })
    // 206.835 - 0.93 * 4 - 77 * 1 = 126.1, clamped to 100.
    expect(report.score).toBe(100)
    expect(report.level).toBe('makkelijk')
    expect(report.lix).toBe(4)
    expect(report.findings).toEqual([])
  })

  it('keeps "bijv. een aanvraag" in one sentence and does not count the abbreviation as long', () => {
    const report = analysePlainLanguage(
      'U kunt bijv. een aanvraag doen bij de gemeente Noorderhaaks.',
    )
    expect(report.stats.sentences).toBe(1)
    expect(report.stats.words).toBe(10)
  })

  it('counts web and e-mail addresses as one word each, never as long words', () => {
    const report = analysePlainLanguage(
      'Kijk op https://www.noorderhaaks.nl/parkeervergunningaanvragen. ' +
        'Of mail naar parkeervergunningen@noorderhaaks.nl.',
    )
    expect(report.stats.sentences).toBe(2)
    // Kijk, op, <address> + Of, mail, naar, <address>
    expect(report.stats.words).toBe(7)
    expect(report.stats.longWords).toBe(0)
    expect(report.findings).toEqual([])
  })
})

describe('analysePlainLanguage: long sentences', () => {
  const shortSentence = 'Wij kijken naar uw aanvraag.'
  const words = (count: number): string =>
    `${Array.from({ length: count - 1 }, (_, index) => (index === 0 ? 'Auto' : index % 2 ? 'de' : 'auto')).join(' ')} rijdt.`

  it('warns about a sentence of 34 words with the sentence number', () => {
    const report = analysePlainLanguage(`${shortSentence} ${words(34)}`)
    const [finding] = codes(report, 'long-sentence')
    expect(finding).toMatchObject({
      code: 'long-sentence',
      severity: 'warning',
      sentence: 2,
      message: {
        nl: 'Zin 2 heeft 34 woorden. Probeer zinnen van hoogstens 20 woorden te schrijven.',
        en: 'Sentence 2 has 34 words. Try to write sentences of at most 20 words.',
      },
    })
    expect(finding.excerpt).toBe('Auto de auto de auto de auto de …')
  })

  it('gives information for 21 to 25 words and nothing for 20', () => {
    expect(codes(analysePlainLanguage(words(21)), 'long-sentence')[0].severity).toBe('info')
    expect(codes(analysePlainLanguage(words(25)), 'long-sentence')[0].severity).toBe('info')
    expect(codes(analysePlainLanguage(words(26)), 'long-sentence')[0].severity).toBe('warning')
    expect(codes(analysePlainLanguage(words(20)), 'long-sentence')).toEqual([])
  })

  it('uses the thresholds from the options', () => {
    const report = analysePlainLanguage(words(12), { maxSentenceWords: 10, warnSentenceWords: 11 })
    expect(codes(report, 'long-sentence')[0]).toMatchObject({
      severity: 'warning',
      message: {
        nl: 'Zin 1 heeft 12 woorden. Probeer zinnen van hoogstens 10 woorden te schrijven.',
      },
    })
  })
})

describe('analysePlainLanguage: long words', () => {
  it('reports long words but skips names, capitals, abbreviations and addresses', () => {
    const report = analysePlainLanguage(
      'Wij controleren de inkomensafhankelijke bijdrage volgens de Participatiewet. ' +
        'Parkeervergunningaanvragen behandelt de BELASTINGSAMENWERKING o.a. via noorderhaaks.nl.',
    )
    expect(brief(codes(report, 'long-word'))).toEqual([
      { code: 'long-word', sentence: 1, word: 'inkomensafhankelijke' },
      { code: 'long-word', sentence: 2, word: 'Parkeervergunningaanvragen' },
    ])
    expect(report.stats.longWords).toBe(2)
    expect(codes(report, 'long-word')[0].message.nl).toBe(
      "Zin 1: 'inkomensafhankelijke' is een lang woord (20 letters). " +
        'Splits het woord in meer woorden of kies een eenvoudiger woord.',
    )
  })

  it('measures each part of a hyphenated word and follows maxWordLength', () => {
    const text = 'De WOZ-waarde staat in de WOZ-beschikking.'
    expect(codes(analysePlainLanguage(text), 'long-word')).toEqual([])
    expect(brief(codes(analysePlainLanguage(text, { maxWordLength: 9 }), 'long-word'))).toEqual([
      { code: 'long-word', sentence: 1, word: 'WOZ-beschikking' },
    ])
  })
})

describe('analysePlainLanguage: officialese', () => {
  it('names each stiff word with its sentence number and alternative', () => {
    const report = analysePlainLanguage(
      'De gemeente stuurt u een brief. Derhalve vragen wij u middels dit formulier uw inkomen door te geven. ' +
        'Indien u vragen heeft, kunt u ons bellen.',
    )
    expect(brief(report.findings)).toEqual([
      { code: 'officialese', sentence: 2, word: 'Derhalve' },
      { code: 'officialese', sentence: 2, word: 'middels' },
      { code: 'officialese', sentence: 3, word: 'Indien' },
    ])
    expect(report.findings[1]).toEqual({
      code: 'officialese',
      severity: 'warning',
      sentence: 2,
      word: 'middels',
      excerpt: '… vragen wij u middels dit formulier uw …',
      suggestion: 'met, door',
      message: {
        nl: "Zin 2: 'middels' is ambtelijke taal. Schrijf liever: met, door.",
        en: "Sentence 2: 'middels' is stiff officialese. Write instead: met, door.",
      },
    })
  })

  it('matches phrases across extra spaces and HTML line breaks, on word boundaries only', () => {
    const report = analysePlainLanguage(
      '<p>Wij gebruiken uw gegevens ten  behoeve   van de controle.</p>' +
        '<p>Dit doen wij in het\nkader van de Participatiewet.</p>' +
        '<p>Uw dochter krijgt ook een brief.</p>',
    )
    expect(brief(report.findings)).toEqual([
      { code: 'officialese', sentence: 1, word: 'ten behoeve van' },
      { code: 'officialese', sentence: 2, word: 'in het kader van' },
    ])
    expect(report.findings[0].suggestion).toBe('voor')
  })

  it('reports "welke" only as a relative pronoun, not in a question', () => {
    const report = analysePlainLanguage(
      'Welke gegevens gebruiken wij? Wij gebruiken de gegevens, welke u ons gaf.',
    )
    expect(brief(report.findings)).toEqual([{ code: 'officialese', sentence: 2, word: 'welke' }])
  })

  it('finds "dient … te" with words in between, and stiff words inside the gap', () => {
    const report = analysePlainLanguage(
      'U dient middels het formulier bezwaar te maken. Het formulier dient als bewijs om te laten zien dat u er was.',
    )
    expect(brief(report.findings)).toEqual([
      { code: 'officialese', sentence: 1, word: 'dient … te' },
      { code: 'officialese', sentence: 1, word: 'middels' },
    ])
    expect(report.findings[0].suggestion).toBe('moet')
  })
})

describe('analysePlainLanguage: jargon', () => {
  it('explains a technical term once, as information', () => {
    const report = analysePlainLanguage(
      'Het model berekent een risicoscore. Een medewerker bekijkt het model en de dataset.',
    )
    expect(brief(report.findings)).toEqual([
      { code: 'jargon', sentence: 1, word: 'model' },
      { code: 'jargon', sentence: 1, word: 'risicoscore' },
      { code: 'jargon', sentence: 2, word: 'dataset' },
    ])
    expect(report.findings.every((finding) => finding.severity === 'info')).toBe(true)
    expect(report.findings[2].message.nl).toBe(
      "Zin 2: 'dataset' is een vakwoord. Niet iedereen kent het. Leg het uit of schrijf: verzameling gegevens.",
    )
  })

  it('matches multi-word terms such as "machine learning"', () => {
    const report = analysePlainLanguage('Wij gebruiken geen machine learning.')
    expect(brief(report.findings)).toEqual([
      { code: 'jargon', sentence: 1, word: 'machine learning' },
    ])
  })
})

describe('analysePlainLanguage: passive voice', () => {
  it('finds "worden … opgeslagen" and names who should act', () => {
    const report = analysePlainLanguage(
      'Wij kijken naar uw auto. Uw gegevens worden door ons opgeslagen.',
    )
    expect(report.findings).toEqual([
      {
        code: 'passive-voice',
        severity: 'info',
        sentence: 2,
        word: 'opgeslagen',
        excerpt: 'worden door ons opgeslagen',
        suggestion: "Zeg wie het doet, bijvoorbeeld: 'Wij …' of 'De gemeente …'.",
        message: {
          nl: "Zin 2 staat in de lijdende vorm ('worden door ons opgeslagen'). Zeg liever wie iets doet, bijvoorbeeld: 'Wij …' of 'De gemeente …'.",
          en: "Sentence 2 is in the passive voice ('worden door ons opgeslagen'). Say who does it instead, for example: 'We …' or 'The municipality …'.",
        },
      },
    ])
  })

  it('recognises separable, inseparable and subordinate-clause passives', () => {
    const report = analysePlainLanguage(
      'De WOZ-waarde wordt elk jaar vastgesteld. Uw aanvraag werd beoordeeld door een medewerker. ' +
        'Wij leggen uit hoe de gegevens bewaard worden. Er is gekeken naar uw inkomen.',
    )
    expect(brief(report.findings)).toEqual([
      { code: 'passive-voice', sentence: 1, word: 'vastgesteld' },
      { code: 'passive-voice', sentence: 2, word: 'beoordeeld' },
      { code: 'passive-voice', sentence: 3, word: 'bewaard' },
      { code: 'passive-voice', sentence: 4, word: 'gekeken' },
    ])
  })

  it('does not report adjectives, nouns or another clause as passive', () => {
    const report = analysePlainLanguage(
      'De kans is groot. Het is ingewikkeld. Dat zijn de gevolgen. In sommige gevallen is het bedrag hoger. ' +
        'De kans is groot dat wij uw gegevens gecontroleerd hebben. Het algoritme is gebaseerd op de wet. ' +
        'Het aantal aanvragen is toegenomen.',
    )
    expect(codes(report, 'passive-voice')).toEqual([])
  })
})

describe('analysePlainLanguage: HTML input', () => {
  it('treats list items as sentences and numbers findings accordingly', () => {
    const report = analysePlainLanguage(
      '<p>Wij kijken naar:</p><ul><li>uw inkomen &amp; vermogen</li>' +
        '<li>het aantal personen <strong>op</strong> uw adres</li>' +
        '<li>de informatie welke wij reeds hebben</li></ul>' +
        '<p>Een medewerker beslist.</p>',
    )
    expect(report.stats.sentences).toBe(5)
    // 3 + 3 + 6 + 6 + 3 words; "&" is not a word.
    expect(report.stats.words).toBe(21)
    expect(brief(report.findings)).toEqual([{ code: 'officialese', sentence: 4, word: 'reeds' }])
  })
})

describe('analysePlainLanguage: readability', () => {
  it('scores a clearly plain text as makkelijk without findings', () => {
    const report = analysePlainLanguage(
      'Wilt u in Noorderhaaks parkeren bij uw huis? Dan heeft u een vergunning nodig. ' +
        'U vraagt die aan via onze website. Wij kijken of u in de wijk woont. ' +
        "Ook kijken wij hoeveel auto's er al op uw adres staan. Een computer doet die controle. " +
        'Daarna kijkt een medewerker naar de uitkomst. Is alles goed? ' +
        'Dan krijgt u de vergunning binnen twee weken.',
    )
    expect(report.level).toBe('makkelijk')
    expect(report.score).toBeGreaterThanOrEqual(80)
    expect(report.stats.sentences).toBe(9)
    expect(report.lix).toBeLessThan(30)
    expect(report.findings).toEqual([])
  })

  it('scores a clearly bureaucratic text as moeilijk with several officialese findings', () => {
    const report = analysePlainLanguage(
      'Ten behoeve van de rechtmatige verstrekking van bijstandsuitkeringen ingevolge de ' +
        'Participatiewet wordt door de gemeente Noorderhaaks middels een geautomatiseerde ' +
        'risicoclassificatie bewerkstelligd dat aanvragen met een verhoogd risico op ' +
        'onrechtmatigheid, alvorens tot toekenning wordt overgegaan, derhalve nader worden ' +
        'onderzocht. Indien uit onderhavige beoordeling blijkt dat betrokkene reeds woonachtig is ' +
        'op een ander adres, dient de uitkering conform de geldende regelgeving te worden beëindigd.',
    )
    expect(report.level).toBe('moeilijk')
    expect(report.score).toBeLessThan(40)
    expect(report.lix).toBeGreaterThan(60)
    const officialeseWords = codes(report, 'officialese').map((finding) => finding.word)
    expect(officialeseWords).toEqual([
      'Ten behoeve van',
      'verstrekking',
      'ingevolge',
      'middels',
      'bewerkstelligd',
      'alvorens',
      'derhalve',
      'Indien',
      'onderhavige',
      'reeds',
      'woonachtig',
      'dient … te',
      'conform',
    ])
    expect(brief(codes(report, 'passive-voice'))).toEqual([
      { code: 'passive-voice', sentence: 1, word: 'onderzocht' },
      { code: 'passive-voice', sentence: 2, word: 'beëindigd' },
    ])
    const last = report.findings[report.findings.length - 1]
    expect(last).toMatchObject({ code: 'low-readability', severity: 'warning' })
    expect(last.sentence).toBeUndefined()
    expect(last.message.nl).toMatch(
      /^De tekst is moeilijk te lezen: de score is \d+,\d \(Flesch-Douma\)\./,
    )
  })

  it('does not warn about readability for texts shorter than minWordsForReadability', () => {
    const title = 'Risicoclassificatie bijstandsuitkeringen'
    expect(analysePlainLanguage(title).level).toBe('moeilijk')
    expect(codes(analysePlainLanguage(title), 'low-readability')).toEqual([])
    expect(
      codes(analysePlainLanguage(title, { minWordsForReadability: 0 }), 'low-readability'),
    ).toHaveLength(1)
  })
})

describe('analysePlainLanguage: options and robustness', () => {
  it('has its defaults in one constant', () => {
    expect(DEFAULT_PLAIN_LANGUAGE_OPTIONS).toEqual({
      maxSentenceWords: 20,
      warnSentenceWords: 25,
      maxWordLength: 15,
      minWordsForReadability: 25,
    })
  })

  it('rejects thresholds that are not positive whole numbers', () => {
    expect(() => analysePlainLanguage('Tekst.', { maxSentenceWords: 0 })).toThrow(RangeError)
    expect(() => analysePlainLanguage('Tekst.', { maxWordLength: 12.5 })).toThrow(/maxWordLength/)
  })

  it('gives the same report twice and handles a 5,000-character text', () => {
    const paragraph =
      '<p>De gemeente Noorderhaaks gebruikt een algoritme om aanvragen voor een ' +
      'parkeervergunning te beoordelen. Uw gegevens worden door ons opgeslagen, bijv. uw ' +
      'kenteken. Indien u het niet eens bent met het besluit, kunt u bezwaar maken via ' +
      'www.noorderhaaks.nl/bezwaar.</p>'
    const text = paragraph.repeat(Math.ceil(5000 / paragraph.length)).slice(0, 5000)
    const first = analysePlainLanguage(text)
    expect(analysePlainLanguage(text)).toEqual(first)
    expect(first.stats.sentences).toBeGreaterThan(40)
    expect(first.score).not.toBeNull()
    expect(codes(first, 'officialese').length).toBeGreaterThan(10)
  })
})
