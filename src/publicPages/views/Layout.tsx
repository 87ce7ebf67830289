import type React from 'react'

import { themeCss, type PageTheme } from '../pageTheme'

/** What every page needs around its content. */
export interface LayoutProps {
  title: string
  description: string
  /** Absolute canonical address of the page, when it has one. */
  canonical?: string
  basePath: string
  stylesheet: string
  theme: PageTheme
  /** The organisation whose pages these are, for the header. */
  organisation?: { name: string; code: string }
  /** Embedded in another site: no header or footer, links open in the top window. */
  embedded?: boolean
  /** Scripts only for progressive enhancement (the search page's suggestions). */
  script?: string
  noIndex?: boolean
  children: React.ReactNode
}

/**
 * The page around every public page: Dutch language, one stylesheet, the theme's custom
 * properties, a skip link to the main content, header with the organisation's logo and a footer.
 */
export function Layout(props: LayoutProps): React.ReactElement {
  const { theme, basePath } = props
  return (
    <html lang="nl" className="utrecht-theme">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <meta name="description" content={props.description} />
        {props.canonical ? <link rel="canonical" href={props.canonical} /> : null}
        {props.noIndex ? <meta name="robots" content="noindex" /> : null}
        {props.embedded ? <base target="_top" /> : null}
        <link rel="stylesheet" href={props.stylesheet} />
        <style>{themeCss(theme)}</style>
      </head>
      <body className={`utrecht-document${props.embedded ? ' register-embed' : ''}`}>
        <a className="utrecht-skip-link" href="#inhoud">
          Naar de inhoud
        </a>
        {props.embedded ? null : (
          <header className="utrecht-page-header">
            <div className="register-wrap register-header">
              {theme.logoUrl ? <img src={theme.logoUrl} alt={theme.logoAlt} /> : null}
              <a
                href={
                  props.organisation
                    ? `${basePath}/organisaties/${props.organisation.code}`
                    : basePath
                }
              >
                {props.organisation
                  ? `Algoritmes van ${props.organisation.name}`
                  : 'Algoritmeregister'}
              </a>
            </div>
          </header>
        )}
        <main id="inhoud" className="register-wrap" tabIndex={-1}>
          {props.children}
        </main>
        {props.embedded ? null : (
          <footer className="utrecht-page-footer">
            <div className="register-wrap">
              <p className="utrecht-paragraph">
                <a className="utrecht-link" href={basePath}>
                  Alle algoritmes in dit register
                </a>{' '}
                · Gegevens volgens de publicatiestandaard van het{' '}
                <a className="utrecht-link" href="https://algoritmes.overheid.nl/nl">
                  Algoritmeregister van de Nederlandse overheid
                </a>
                .
              </p>
            </div>
          </footer>
        )}
        {props.script ? <script src={props.script} defer /> : null}
      </body>
    </html>
  )
}
