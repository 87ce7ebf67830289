import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

/**
 * The NL Design System components the public pages use, from @utrecht/component-library-css.
 * Only their rules are served (the whole library is 400 KB; these are a fraction of it).
 */
export const USED_COMPONENTS = [
  'alert',
  'article',
  'badge-list',
  'breadcrumb-nav',
  'button',
  'checkbox',
  'data-badge',
  'data-list',
  'document',
  'form-field',
  'form-field-description',
  'form-fieldset',
  'form-label',
  'heading-1',
  'heading-2',
  'heading-3',
  'link',
  'link-list',
  'ordered-list',
  'page-footer',
  'page-header',
  'paragraph',
  'select',
  'separator',
  'skip-link',
  'table',
  'textbox',
  'unordered-list',
] as const

/**
 * Modifiers the pages use; the library's other variants (state classes for its own visual tests,
 * sizes for Dutch postal codes, ...) are left out to keep a page under 100 KB.
 */
const USED_MODIFIERS = new Set(['primary-action', 'secondary-action', 'info', 'warning', 'lead'])

/** Splits a stylesheet into its top-level rules (prelude and block), comments removed. */
export function topLevelRules(css: string): Array<{ prelude: string; body: string }> {
  const source = css.replace(/\/\*[\s\S]*?\*\//g, '')
  const rules: Array<{ prelude: string; body: string }> = []
  let index = 0
  while (index < source.length) {
    const open = source.indexOf('{', index)
    const semicolon = source.indexOf(';', index)
    if (open === -1) break
    if (
      semicolon !== -1 &&
      semicolon < open &&
      source.slice(index, semicolon).trim().startsWith('@')
    ) {
      index = semicolon + 1
      continue
    }
    let depth = 1
    let cursor = open + 1
    while (cursor < source.length && depth > 0) {
      if (source[cursor] === '{') depth += 1
      else if (source[cursor] === '}') depth -= 1
      cursor += 1
    }
    rules.push({
      prelude: source.slice(index, open).trim(),
      body: source.slice(open + 1, cursor - 1),
    })
    index = cursor
  }
  return rules
}

/** Splits a selector list at its top-level commas (not those inside :is() or :not()). */
function splitSelectors(prelude: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let index = 0; index < prelude.length; index += 1) {
    const character = prelude[index]
    if (character === '(') depth += 1
    else if (character === ')') depth -= 1
    else if (character === ',' && depth === 0) {
      parts.push(prelude.slice(start, index).trim())
      start = index + 1
    }
  }
  parts.push(prelude.slice(start).trim())
  return parts
}

/**
 * The rules of `css` that style one of `components` (`.utrecht-<name>` and its elements and
 * modifiers), with only the selectors that name one of them; conditional groups (@media,
 * @supports) keep their matching rules. Everything else of the library is left out.
 */
export function selectComponentRules(css: string, components: readonly string[]): string {
  const used = new Set(components)
  // A selector is kept when every NL Design System class in it belongs to a used component.
  const matches = (selector: string): boolean => {
    const found = [...selector.matchAll(/\.utrecht-([a-z0-9]+(?:-[a-z0-9]+)*)/g)].map((m) => m[1])
    const modifiers = [...selector.matchAll(/\.utrecht-[a-z0-9-]+?--([a-z0-9-]+)/g)].map(
      (m) => m[1],
    )
    return (
      found.length > 0 &&
      found.every((name) => used.has(name)) &&
      modifiers.every((modifier) => USED_MODIFIERS.has(modifier))
    )
  }
  const select = (source: string): string =>
    topLevelRules(source)
      .map((rule) => {
        if (rule.prelude.startsWith('@media') || rule.prelude.startsWith('@supports')) {
          const inner = select(rule.body)
          return inner ? `${rule.prelude}{${inner}}` : ''
        }
        if (rule.prelude.startsWith('@')) return ''
        const selectors = splitSelectors(rule.prelude).filter(matches)
        return selectors.length ? `${selectors.join(',')}{${minify(rule.body)}}` : ''
      })
      .filter(Boolean)
      .join('\n')
  return select(css)
}

function minify(css: string): string {
  return css
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};:,])\s*/g, '$1')
    .trim()
}

/**
 * The neutral government theme as NL Design System tokens (the components' CSS custom
 * properties). `--register-primary` and `--register-font` are the two values an organisation
 * changes; everything else follows from them.
 */
const THEME_TOKENS = `
:root{--register-primary:#154273;--register-font:system-ui,sans-serif;--register-text:#1b1b1b;--register-muted:#4b4b4b;--register-border:#8a8a8a;--register-surface:#f3f3f3;--register-focus:#000}
.utrecht-theme{
--utrecht-document-font-family:var(--register-font);--utrecht-document-font-size:1.0625rem;--utrecht-document-line-height:1.6;--utrecht-document-color:var(--register-text);--utrecht-document-background-color:#fff;
--utrecht-heading-font-family:var(--register-font);--utrecht-heading-color:var(--register-text);--utrecht-heading-font-weight:700;
--utrecht-heading-1-font-size:2rem;--utrecht-heading-1-line-height:1.25;--utrecht-heading-1-margin-block-end:0.5em;
--utrecht-heading-2-font-size:1.5rem;--utrecht-heading-2-line-height:1.3;--utrecht-heading-2-margin-block-start:1.5em;--utrecht-heading-2-margin-block-end:0.5em;
--utrecht-heading-3-font-size:1.2rem;--utrecht-heading-3-line-height:1.35;--utrecht-heading-3-margin-block-start:1em;--utrecht-heading-3-margin-block-end:0.25em;
--utrecht-paragraph-font-size:1.0625rem;--utrecht-paragraph-line-height:1.6;--utrecht-paragraph-margin-block-end:0.75em;
--utrecht-link-color:var(--register-primary);--utrecht-link-hover-color:var(--register-text);--utrecht-link-visited-color:var(--register-primary);--utrecht-link-text-decoration:underline;--utrecht-link-focus-color:var(--register-text);--utrecht-link-focus-background-color:#ffdd00;
--utrecht-focus-outline-color:var(--register-focus);--utrecht-focus-outline-width:3px;--utrecht-focus-outline-style:solid;--utrecht-focus-outline-offset:2px;--utrecht-focus-inverse-outline-color:#fff;
--utrecht-button-font-family:var(--register-font);--utrecht-button-font-size:1rem;--utrecht-button-font-weight:700;--utrecht-button-padding-block-start:0.5rem;--utrecht-button-padding-block-end:0.5rem;--utrecht-button-padding-inline-start:1rem;--utrecht-button-padding-inline-end:1rem;--utrecht-button-min-block-size:44px;--utrecht-button-border-radius:4px;--utrecht-button-border-width:2px;
--utrecht-button-primary-action-background-color:var(--register-primary);--utrecht-button-primary-action-color:#fff;--utrecht-button-primary-action-border-color:var(--register-primary);--utrecht-button-primary-action-hover-background-color:var(--register-text);--utrecht-button-primary-action-hover-border-color:var(--register-text);
--utrecht-button-secondary-action-background-color:#fff;--utrecht-button-secondary-action-color:var(--register-primary);--utrecht-button-secondary-action-border-color:var(--register-primary);
--utrecht-textbox-font-family:var(--register-font);--utrecht-textbox-font-size:1rem;--utrecht-textbox-border-color:var(--register-border);--utrecht-textbox-border-width:2px;--utrecht-textbox-color:var(--register-text);--utrecht-textbox-background-color:#fff;--utrecht-textbox-padding-block-start:0.5rem;--utrecht-textbox-padding-block-end:0.5rem;--utrecht-textbox-padding-inline-start:0.75rem;--utrecht-textbox-padding-inline-end:0.75rem;--utrecht-textbox-max-inline-size:100%;--utrecht-textbox-min-block-size:44px;
--utrecht-select-border-color:var(--register-border);--utrecht-select-border-width:2px;--utrecht-select-font-family:var(--register-font);--utrecht-select-font-size:1rem;--utrecht-select-padding-block-start:0.5rem;--utrecht-select-padding-block-end:0.5rem;--utrecht-select-padding-inline-start:0.75rem;--utrecht-select-padding-inline-end:2rem;--utrecht-select-background-color:#fff;--utrecht-select-color:var(--register-text);
--utrecht-checkbox-size:1.25rem;--utrecht-form-label-font-weight:400;--utrecht-form-label-color:var(--register-text);--utrecht-form-field-margin-block-end:0.5rem;--utrecht-form-fieldset-legend-font-weight:700;--utrecht-form-fieldset-legend-font-size:1.0625rem;--utrecht-form-fieldset-margin-block-end:1rem;
--utrecht-table-border-color:var(--register-border);--utrecht-table-cell-padding-block-start:0.5rem;--utrecht-table-cell-padding-block-end:0.5rem;--utrecht-table-cell-padding-inline-start:0.5rem;--utrecht-table-cell-padding-inline-end:0.5rem;--utrecht-table-header-font-weight:700;--utrecht-table-row-border-block-end-width:1px;--utrecht-table-row-border-block-end-color:var(--register-border);--utrecht-table-header-cell-font-weight:700;
--utrecht-data-list-item-key-font-weight:700;--utrecht-data-list-item-margin-block-end:1rem;
--utrecht-alert-padding-block-start:1rem;--utrecht-alert-padding-block-end:1rem;--utrecht-alert-padding-inline-start:1rem;--utrecht-alert-padding-inline-end:1rem;--utrecht-alert-border-width:0 0 0 6px;--utrecht-alert-info-border-color:var(--register-primary);--utrecht-alert-info-background-color:var(--register-surface);--utrecht-alert-warning-border-color:#8a5300;--utrecht-alert-warning-background-color:#fff4e5;--utrecht-alert-color:var(--register-text);
--utrecht-skip-link-background-color:#fff;--utrecht-skip-link-color:var(--register-text);--utrecht-skip-link-padding-block-start:0.75rem;--utrecht-skip-link-padding-block-end:0.75rem;--utrecht-skip-link-padding-inline-start:1rem;--utrecht-skip-link-padding-inline-end:1rem;
--utrecht-separator-color:var(--register-border);--utrecht-separator-block-size:1px;
--utrecht-data-badge-background-color:var(--register-surface);--utrecht-data-badge-color:var(--register-text);--utrecht-data-badge-padding-block-start:0.125rem;--utrecht-data-badge-padding-block-end:0.125rem;--utrecht-data-badge-padding-inline-start:0.5rem;--utrecht-data-badge-padding-inline-end:0.5rem;--utrecht-data-badge-border-radius:999px;--utrecht-data-badge-font-size:0.875rem;
--utrecht-badge-list-gap:0.5rem;--utrecht-unordered-list-margin-block-end:0.75em;--utrecht-ordered-list-margin-block-end:0.75em;
--utrecht-page-header-background-color:var(--register-primary);--utrecht-page-header-color:#fff;--utrecht-page-footer-background-color:var(--register-surface);--utrecht-page-footer-color:var(--register-text)}
`

/**
 * The register's own layout around the components: page width, header, the search page's two
 * columns, result cards, focus that is always visible.
 */
const LAYOUT = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0}
.register-wrap{max-inline-size:72rem;margin-inline:auto;padding-inline:1rem}
.utrecht-page-header{background:var(--register-primary);color:#fff;padding-block:1rem}
.register-header{display:flex;align-items:center;gap:1rem;flex-wrap:wrap}
.register-header a{color:#fff;font-weight:700;font-size:1.25rem;text-decoration:none}
.register-header a:hover{text-decoration:underline}
.register-header img{max-block-size:3rem;max-inline-size:12rem;background:#fff;padding:0.25rem}
.utrecht-page-footer{background:var(--register-surface);margin-block-start:3rem;padding-block:1.5rem}
main{display:block;padding-block:1.5rem}
:focus-visible{outline:3px solid var(--register-focus)!important;outline-offset:2px;box-shadow:0 0 0 6px #ffdd00}
.utrecht-page-header :focus-visible{outline-color:#fff!important;box-shadow:0 0 0 6px #000}
.utrecht-skip-link{position:absolute;inset-inline-start:1rem;inset-block-start:-10rem;z-index:10}
.utrecht-skip-link:focus{inset-block-start:1rem}
.register-search{display:grid;gap:2rem;grid-template-columns:minmax(0,1fr)}
@media (min-width:56rem){.register-search{grid-template-columns:18rem minmax(0,1fr)}}
.register-searchbar{display:flex;gap:0.5rem;flex-wrap:wrap;align-items:flex-end;margin-block-end:1rem}
.register-searchbar .utrecht-form-field{flex:1 1 16rem;margin:0}
.register-results{list-style:none;margin:0;padding:0}
.register-results>li{border-block-end:1px solid var(--register-border);padding-block:1rem}
.register-meta{color:var(--register-muted);font-size:0.9375rem;margin:0}
.register-facet{border:0;margin:0 0 1rem;padding:0}
.register-facet legend{font-weight:700;padding:0;margin-block-end:0.25rem}
.register-facet label{display:flex;gap:0.5rem;align-items:center;min-block-size:2rem}
.register-pagination{display:flex;gap:1rem;flex-wrap:wrap;list-style:none;padding:0;margin-block:1.5rem}
.register-field{margin-block-end:1.25rem}
.register-field dt{font-weight:700}
.register-field dd{margin:0}
.register-empty{color:var(--register-muted);font-style:italic}
.register-notice{border-inline-start:6px solid var(--register-primary);background:var(--register-surface);padding:1rem;margin-block:1rem}
.register-diff del{background:#fde8e8;color:#1b1b1b}
.register-diff ins{background:#e6f4ea;color:#1b1b1b;text-decoration:none}
.register-badges{display:flex;gap:0.5rem;flex-wrap:wrap;list-style:none;padding:0;margin:0.25rem 0}
.register-badges li{background:var(--register-surface);border-radius:999px;padding:0 0.5rem;font-size:0.875rem}
.register-code{font-family:monospace;overflow-wrap:anywhere}
.register-embed main{padding-block:0.5rem}
table{border-collapse:collapse;inline-size:100%}
th,td{text-align:start;vertical-align:top;padding:0.5rem;border-block-end:1px solid var(--register-border)}
`

const require = createRequire(import.meta.url)

let built: { css: string; hash: string } | undefined

/**
 * The one stylesheet of the public pages: the used NL Design System components, the neutral
 * theme's tokens and the layout. Built once per process; its name carries a hash of its content,
 * so browsers may keep it for a year.
 */
export function publicPagesStylesheet(): { css: string; hash: string } {
  if (built) return built
  // Found through the package's own package.json: a stylesheet specifier would be rewritten by
  // tools that map `.css` imports (Jest, bundlers).
  const packageDir = path.dirname(require.resolve('@utrecht/component-library-css/package.json'))
  const library = fs.readFileSync(path.join(packageDir, 'dist', 'index.css'), 'utf8')
  const css = [
    '/* NL Design System components: @utrecht/component-library-css (EUPL-1.2, Gemeente Utrecht, Frameless B.V.) */',
    selectComponentRules(library, USED_COMPONENTS),
    minify(THEME_TOKENS),
    minify(LAYOUT),
  ].join('\n')
  built = { css, hash: createHash('sha256').update(css).digest('hex').slice(0, 12) }
  return built
}
