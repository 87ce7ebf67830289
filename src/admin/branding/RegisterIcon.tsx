import type { Payload } from 'payload'
import type React from 'react'

import { readBranding } from './readBranding'

/** Replaces Payload's icon in the navigation: the register's logo, or its initial. */
export const RegisterIcon = async ({
  payload,
}: {
  payload?: Payload
}): Promise<React.ReactElement> => {
  const branding = await readBranding(payload)
  if (branding.logoUrl) {
    return <img className="ar-brand-icon" src={branding.logoUrl} alt={branding.registerName} />
  }
  return (
    <span className="ar-brand-icon ar-brand-icon--letter" title={branding.registerName}>
      {branding.registerName.slice(0, 1).toUpperCase()}
    </span>
  )
}
