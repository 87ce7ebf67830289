/**
 * An organisation's theme for the public pages: a logo, a main colour and a font. Values are
 * checked when they are saved and again when a page is rendered, so nothing but a hex colour, an
 * https address and one of the listed font stacks can ever reach the page's CSS.
 */

/** Font choices: stacks of fonts every device has, so the pages load no web font. */
export const THEME_FONTS = [
  {
    value: 'system',
    label: { nl: 'Systeemletter (standaard)', en: 'System font (default)' },
    stack: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  {
    value: 'sans',
    label: { nl: 'Schreefloos (Arial, Helvetica)', en: 'Sans-serif (Arial, Helvetica)' },
    stack: "Arial, 'Helvetica Neue', Helvetica, sans-serif",
  },
  {
    value: 'verdana',
    label: { nl: 'Verdana (breed, goed leesbaar)', en: 'Verdana (wide, legible)' },
    stack: 'Verdana, Geneva, sans-serif',
  },
  {
    value: 'serif',
    label: { nl: 'Met schreef (Georgia)', en: 'Serif (Georgia)' },
    stack: "Georgia, 'Times New Roman', serif",
  },
] as const

/** The neutral government colour of the default theme (dark blue, 9.6:1 on white). */
export const DEFAULT_PRIMARY_COLOUR = '#154273'

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/

/** A theme as the pages use it: every value checked. */
export interface PageTheme {
  primaryColour: string
  fontStack: string
  logoUrl: string | null
  logoAlt: string
}

function channel(value: number): number {
  const c = value / 255
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16)
  return (
    0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
  )
}

/** WCAG 2.1 contrast ratio of a colour against white. */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (relativeLuminance(hex) + 0.05)
}

/** The minimum contrast with white text and a white page: WCAG 2.1 AA for normal text. */
export const MINIMUM_CONTRAST = 4.5

/**
 * A Dutch and English problem with a main colour, or null when it may be used: a hex colour
 * (#1a2b3c) with at least 4.5:1 contrast against white, because it colours links on the white
 * page and is the background of white text on buttons.
 */
export function themeColourProblem(value: unknown): { nl: string; en: string } | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value !== 'string' || !HEX_COLOUR.test(value)) {
    return {
      nl: `Hoofdkleur '${String(value)}' is geen kleurcode. Schrijf een kleur als # met zes tekens, zoals #154273.`,
      en: `Main colour '${String(value)}' is not a colour code. Write a colour as # and six characters, such as #154273.`,
    }
  }
  const ratio = contrastWithWhite(value)
  if (ratio < MINIMUM_CONTRAST) {
    return {
      nl: `Hoofdkleur ${value} is te licht: het contrast met wit is ${ratio.toFixed(1)}:1, en moet minstens 4,5:1 zijn om leesbaar te zijn (WCAG). Kies een donkerdere kleur.`,
      en: `Main colour ${value} is too light: its contrast with white is ${ratio.toFixed(1)}:1 and must be at least 4.5:1 to be readable (WCAG). Choose a darker colour.`,
    }
  }
  return null
}

/** The theme of an organisation's settings, with every unusable value replaced by the default. */
export function resolvePageTheme(input: {
  primaryColour?: string | null
  font?: string | null
  logoUrl?: string | null
  organisationName?: string | null
}): PageTheme {
  const colour =
    input.primaryColour && themeColourProblem(input.primaryColour) === null
      ? input.primaryColour.toLowerCase()
      : DEFAULT_PRIMARY_COLOUR
  const font = THEME_FONTS.find((option) => option.value === input.font) ?? THEME_FONTS[0]
  let logoUrl: string | null = null
  if (input.logoUrl) {
    try {
      const url = new URL(input.logoUrl)
      if (url.protocol === 'https:') logoUrl = url.toString()
    } catch (_error) {
      logoUrl = null
    }
  }
  return {
    primaryColour: colour,
    fontStack: font.stack,
    logoUrl,
    logoAlt: input.organisationName ? `Logo ${input.organisationName}` : 'Logo',
  }
}

/** The default neutral theme (no organisation). */
export const DEFAULT_THEME: PageTheme = resolvePageTheme({})

/**
 * The theme as CSS custom properties on :root. Only checked values reach it (a hex colour and a
 * font stack from {@link THEME_FONTS}), so it cannot break out of the style element.
 */
export function themeCss(theme: PageTheme): string {
  return `:root{--register-primary:${theme.primaryColour};--register-font:${theme.fontStack}}`
}
