/**
 * Organisation codes follow the TOOI lists of standaarden.overheid.nl: a lowercase prefix for
 * the kind of organisation and a fixed number of digits (gm0363 Amsterdam, pv27 Noord-Holland,
 * ws0155 Hoogheemraadschap van Rijnland, mnre1034 a ministry, oorg10103 another organisation).
 */
export const TOOI_PREFIXES = {
  gm: { digits: 4, type: 'gemeente' },
  pv: { digits: 2, type: 'provincie' },
  ws: { digits: 4, type: 'waterschap' },
  mnre: { digits: 4, type: 'ministerie' },
  oorg: { digits: 5, type: null },
  zb: { digits: 6, type: null },
  ol: { digits: 4, type: null },
} as const satisfies Record<string, { digits: number; type: string | null }>

export type TooiPrefix = keyof typeof TOOI_PREFIXES

const PATTERN = /^([a-z]+)(\d+)$/

/** Why a code is not a TOOI code, in Dutch and English; undefined when it is valid. */
export function tooiCodeProblem(
  code: string,
  organisationType?: string | null,
): { nl: string; en: string } | undefined {
  const example =
    'gebruik de TOOI-code, bijvoorbeeld gm0363 voor een gemeente, pv27 voor een provincie of ws0155 voor een waterschap'
  const exampleEn =
    'use the TOOI code, for example gm0363 for a municipality, pv27 for a province or ws0155 for a water authority'
  const match = PATTERN.exec(code)
  if (!match) {
    return {
      nl: `Organisatiecode '${code}' klopt niet: ${example} (kleine letters, dan cijfers).`,
      en: `Organisation code '${code}' is not valid: ${exampleEn} (lowercase letters, then digits).`,
    }
  }
  const [, prefix, digits] = match
  const rule = (TOOI_PREFIXES as Record<string, { digits: number; type: string | null }>)[prefix]
  if (!rule) {
    const known = Object.keys(TOOI_PREFIXES).join(', ')
    return {
      nl: `Organisatiecode '${code}' begint met '${prefix}'. Bekende beginletters zijn ${known}.`,
      en: `Organisation code '${code}' starts with '${prefix}'. Known prefixes are ${known}.`,
    }
  }
  if (digits.length !== rule.digits) {
    return {
      nl: `Organisatiecode '${code}' moet na '${prefix}' precies ${rule.digits} cijfers hebben.`,
      en: `Organisation code '${code}' needs exactly ${rule.digits} digits after '${prefix}'.`,
    }
  }
  if (rule.type && organisationType && organisationType !== rule.type) {
    return {
      nl: `Organisatiecode '${code}' hoort bij een ${rule.type}, maar het type is '${organisationType}'.`,
      en: `Organisation code '${code}' belongs to a ${rule.type}, but the type is '${organisationType}'.`,
    }
  }
  return undefined
}
