import type { Payload } from 'payload'
import type React from 'react'

import { readBranding } from './readBranding'

/**
 * Replaces Payload's logo (login page, first-user page): the register's logo and name from the
 * branding settings, and the organisation's name below it when one is set.
 */
export const RegisterLogo = async ({
  payload,
}: {
  payload?: Payload
}): Promise<React.ReactElement> => {
  const branding = await readBranding(payload)
  return (
    <div className="ar-brand" data-testid="register-brand">
      {branding.logoUrl && <img className="ar-brand__logo" src={branding.logoUrl} alt="" />}
      <div>
        <div className="ar-brand__name">{branding.registerName}</div>
        {branding.organisationName && (
          <div className="ar-brand__organisation">{branding.organisationName}</div>
        )}
      </div>
    </div>
  )
}
