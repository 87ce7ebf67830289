import { escapeHtmlAttribute } from './escapeHtml'

/**
 * The iframe an organisation pastes into its own website: its list of descriptions with a search
 * box, from `<serverUrl><basePath>/organisaties/<code>/insluiten`. Links inside open in the top
 * window, so a reader leaves the frame for the full description.
 */
export function embedSnippet(input: {
  serverUrl: string
  basePath: string
  code: string
  organisationName: string
}): string {
  const src = `${input.serverUrl}${input.basePath}/organisaties/${encodeURIComponent(input.code)}/insluiten`
  const title = `Algoritmes van ${input.organisationName}`
  return `<iframe src="${escapeHtmlAttribute(src)}" title="${escapeHtmlAttribute(title)}" width="100%" height="800" style="border:0" loading="lazy"></iframe>`
}
