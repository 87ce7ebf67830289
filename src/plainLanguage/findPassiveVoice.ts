import type { WordToken } from './tokeniseSentence'

/** A passive construction: the auxiliary verb and the past participle it belongs to. */
export interface PassiveMatch {
  readonly auxiliary: WordToken
  readonly participle: WordToken
}

const WORDEN = new Set(['word', 'wordt', 'worden', 'werd', 'werden'])
const ZIJN = new Set(['is', 'zijn', 'was', 'waren'])

/** Words that open a new clause; a participle after them belongs to another verb. */
const CLAUSE_OPENERS = new Set([
  'als',
  'dan',
  'dat',
  'die',
  'doordat',
  'en',
  'hoewel',
  'indien',
  'maar',
  'nadat',
  'of',
  'om',
  'omdat',
  'terwijl',
  'totdat',
  'voordat',
  'waar',
  'waarbij',
  'waardoor',
  'waarin',
  'waarmee',
  'waarna',
  'wanneer',
  'want',
  'wat',
  'welke',
  'wie',
  'zodat',
  'zodra',
])

/** How many words may stand between the auxiliary and the participle. */
const MAX_DISTANCE = 10

/** Separable prefixes before "ge": "vastgesteld", "opgeslagen", "ingediend". */
const PARTICIPLE =
  /^(?:aan|af|bekend|bij|binnen|deel|door|in|kenbaar|los|mee|na|neer|om|onder|op|over|plaats|samen|tegen|terug|thuis|toe|uit|vast|voor|vrij|weg)?ge(\p{L}{2,})$/u

/**
 * Stems of strong verbs whose participle is "ge" + stem + "en" ("gegeven", "opgeslagen",
 * "afgewezen"). Listing them keeps plural nouns such as "gevallen", "gebieden" and "gevolgen"
 * from being read as participles.
 */
const STRONG_STEMS = new Set([
  'bak',
  'blaz',
  'bod',
  'bog',
  'bond',
  'brok',
  'drag',
  'drev',
  'dronk',
  'dwong',
  'get',
  'got',
  'hang',
  'het',
  'hev',
  'houd',
  'kek',
  'koz',
  'kreg',
  'lad',
  'lat',
  'lez',
  'mal',
  'met',
  'nom',
  'prez',
  'rad',
  'roep',
  'schov',
  'schrev',
  'slag',
  'slot',
  'sned',
  'sprok',
  'stok',
  'stol',
  'trokk',
  'troff',
  'vang',
  'vond',
  'wass',
  'wet',
  'wez',
  'wog',
  'worv',
  'zi',
  'zog',
])

/**
 * Participles that the "ge-" pattern cannot find: be-, ver-, ont-, her-, er-, onder- and over-
 * verbs that are clearly actions, plus the irregular "gedaan".
 */
const LISTED_PARTICIPLES = new Set([
  'behandeld',
  'bekeken',
  'beoordeeld',
  'bepaald',
  'beperkt',
  'berekend',
  'beschreven',
  'beslist',
  'besloten',
  'betaald',
  'beveiligd',
  'bevestigd',
  'bewaard',
  'beëindigd',
  'beïnvloed',
  'erkend',
  'gedaan',
  'herberekend',
  'herhaald',
  'herkend',
  'hersteld',
  'herzien',
  'onderbouwd',
  'ondertekend',
  'onderzocht',
  'ontdekt',
  'ontvangen',
  'ontwikkeld',
  'ontworpen',
  'overschreden',
  'overwogen',
  'verbeterd',
  'verdeeld',
  'vergeleken',
  'verhoogd',
  'verkregen',
  'verlaagd',
  'verleend',
  'verlengd',
  'vermeld',
  'verminderd',
  'vernietigd',
  'verricht',
  'versleuteld',
  'verstrekt',
  'verstuurd',
  'vervangen',
  'verwerkt',
  'verwijderd',
  'verzameld',
  'verzonden',
])

/**
 * Words that look like a "ge-" participle but are adjectives, nouns or present-tense verbs
 * ("gezond", "gebied", "geldt"), so they never signal the passive.
 */
const NEVER_PARTICIPLE = new Set([
  'gebed',
  'gebeurt',
  'gebied',
  'gedicht',
  'gedraagt',
  'geduld',
  'geeft',
  'geest',
  'geldt',
  'gelijkt',
  'gelooft',
  'gemiddeld',
  'geniet',
  'gerecht',
  'gerucht',
  'gerust',
  'geschikt',
  'geslacht',
  'getuigt',
  'gevecht',
  'gewend',
  'gewest',
  'gewicht',
  'gezicht',
  'gezond',
  'ingewikkeld',
  'uitgebreid',
])

/** Compound nouns starting with "ge" that end in d or t ("gemeenteraad", "gegevensset"). */
const NOUN_STARTS = ['gebieds', 'gebruiks', 'gegevens', 'geld', 'gemeente', 'gesprek', 'gezins']

/**
 * Participles that form the perfect tense with "zijn" ("is gebeurd", "is toegenomen") or
 * describe a state ("is gebaseerd op", "is gesloten"). After "is/zijn/was/waren" they are not
 * reported; after "worden" they still are.
 */
const STATE_OR_PERFECT = new Set([
  'aangewezen',
  'afgenomen',
  'gebaseerd',
  'gebeurd',
  'gedaald',
  'gegroeid',
  'gekeerd',
  'geland',
  'gelegen',
  'gelukt',
  'geopend',
  'gereisd',
  'gericht',
  'geslaagd',
  'gesloten',
  'gestart',
  'gestopt',
  'geweest',
  'gewijzigd',
  'gezakt',
  'geïnteresseerd',
  'opgegroeid',
  'opgehouden',
  'teruggekeerd',
  'toegenomen',
  'veranderd',
])

/**
 * Finds passive constructions in one sentence: a form of "worden" or "zijn" followed, within
 * the same clause, by a past participle ("wordt jaarlijks opnieuw berekend"), or a participle
 * directly before a form of "worden" ("dat de gegevens opgeslagen worden").
 *
 * Deliberately conservative: it stops at a comma or a word that opens a new clause, only accepts
 * "ge-" words shaped like participles and a closed list of be-/ver-/ont-/her-/er- participles,
 * and skips "zijn" + participle pairs that usually mean a state or a perfect tense. So
 * "De kans is groot." and "Het is ingewikkeld." are never reported, while some real passives
 * (with a comma in between, or an unlisted "ver-" verb) are missed.
 */
export function findPassiveVoice(sentence: string, tokens: readonly WordToken[]): PassiveMatch[] {
  const matches: PassiveMatch[] = []
  const used = new Set<number>()
  for (let index = 0; index < tokens.length; index += 1) {
    const auxiliary = tokens[index]
    if (auxiliary.kind !== 'word') continue
    const aux = auxiliary.text.toLowerCase()
    const isWorden = WORDEN.has(aux)
    if (!isWorden && !ZIJN.has(aux)) continue

    const before = tokens[index - 1]
    if (
      isWorden &&
      before &&
      !used.has(index - 1) &&
      !hasBreak(sentence, before, auxiliary) &&
      isParticiple(before.text.toLowerCase(), true)
    ) {
      used.add(index - 1)
      matches.push({ auxiliary, participle: before })
      continue
    }

    for (let next = index + 1; next < tokens.length && next <= index + MAX_DISTANCE; next += 1) {
      const candidate = tokens[next]
      if (hasBreak(sentence, tokens[next - 1], candidate)) break
      const word = candidate.text.toLowerCase()
      if (candidate.kind !== 'word' && candidate.kind !== 'number') break
      if (CLAUSE_OPENERS.has(word) || WORDEN.has(word) || ZIJN.has(word)) break
      if (!used.has(next) && isParticiple(word, isWorden)) {
        used.add(next)
        matches.push({ auxiliary, participle: candidate })
        break
      }
    }
  }
  return matches
}

function hasBreak(sentence: string, left: WordToken, right: WordToken): boolean {
  return /[,;:()–—]/.test(sentence.slice(left.end, right.start))
}

function isParticiple(word: string, afterWorden: boolean): boolean {
  if (NEVER_PARTICIPLE.has(word)) return false
  if (!afterWorden && STATE_OR_PERFECT.has(word)) return false
  if (LISTED_PARTICIPLES.has(word)) return true
  if (word.endsWith('heid') || NOUN_STARTS.some((start) => word.startsWith(start))) return false
  const stem = PARTICIPLE.exec(word)?.[1]
  if (!stem) return false
  if (stem.endsWith('en')) return STRONG_STEMS.has(stem.slice(0, -2))
  return /[dt]$/.test(stem) && stem.length >= 3
}
