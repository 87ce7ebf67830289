'use client'
import { useAuth, useDocumentInfo, useField } from '@payloadcms/ui'
import type React from 'react'
import { useEffect } from 'react'

import { organisationIdsFor } from '../../../access/organisationIdsFor'
import { WRITER_ROLES } from '../../../access/roles'

/**
 * On a new description, fills in the organisation for someone who writes for exactly one, so
 * the first screen asks only for what they can choose. Admin only: the API keeps asking for it.
 */
export const PrefillOrganisation: React.FC<{ path?: string }> = ({ path = 'organization' }) => {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { value, setValue } = useField<number | null>({ path })
  const ids = organisationIdsFor(user, WRITER_ROLES)
  const only = ids.length === 1 ? ids[0] : null
  const isNew = id === undefined || id === null
  useEffect(() => {
    if (isNew && only !== null && (value === undefined || value === null)) setValue(only)
  }, [isNew, only, value, setValue])
  return null
}
