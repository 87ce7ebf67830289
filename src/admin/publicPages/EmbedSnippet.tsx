import type { UIFieldServerProps } from 'payload'
import type React from 'react'

import { registerOptionsOf } from '../../plugin/registerOptionsOf'
import { publicPagesBasePath } from '../../publicPages/publicPagesBasePath'
import { embedSnippet } from '../../publicPages/embedSnippet'
import { publicOrganisationCode } from '../../publicApi/publicRecord'

/**
 * The iframe code for the organisation's own website, ready to copy, under the theme settings.
 * Shown only when the register serves its public pages.
 */
export const EmbedSnippet: React.FC<UIFieldServerProps> = ({ payload, data, i18n }) => {
  const options = registerOptionsOf(payload)
  const basePath = publicPagesBasePath(options.publicPages)
  const english = i18n?.language === 'en'
  const organisation = data as { id?: number; code?: string | null; name?: string } | undefined
  if (!basePath || !organisation?.id) return null
  const code = publicOrganisationCode({ id: organisation.id, code: organisation.code ?? null })
  const snippet = embedSnippet({
    serverUrl: options.serverUrl,
    basePath,
    code,
    organisationName: organisation.name ?? '',
  })
  const id = 'register-embed-snippet'
  return (
    <div className="field-type" style={{ marginBlock: '1rem' }}>
      <label className="field-label" htmlFor={id}>
        {english ? 'Embed on your website' : 'Insluiten op uw website'}
      </label>
      <p style={{ marginBlock: '0.25rem 0.5rem' }}>
        {english
          ? 'Copy this code into a page of your website to show your list of algorithms with a search box.'
          : 'Kopieer deze code naar een pagina van uw website om uw lijst met algoritmes met een zoekvak te tonen.'}{' '}
        <a href={`${options.serverUrl}${basePath}/organisaties/${encodeURIComponent(code)}`}>
          {english ? 'Open your public page' : 'Open uw publieke pagina'}
        </a>
      </p>
      <textarea
        id={id}
        readOnly
        rows={3}
        value={snippet}
        style={{ width: '100%', fontFamily: 'monospace' }}
      />
    </div>
  )
}
