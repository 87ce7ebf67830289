import type { CollectionBeforeChangeHook } from 'payload'

import {
  decryptCredentials,
  encryptCredentials,
  type NationalCredentials,
} from '../credentialCipher'
import { forgetToken } from '../nationalClient'

/** Set on the request when this write changed the stored credentials. */
export const CREDENTIALS_CHANGED = 'nationalCredentialsChanged'

const SECRET_FIELDS = ['tokenUrl', 'clientId', 'username', 'password'] as const

/**
 * Moves the login fields into the encrypted `credentials` value and blanks them, so they are
 * never stored in plain text. Fields left empty keep their stored value. New credentials lift a
 * stop after a failed login, so deliveries can start again.
 */
export const encryptConnectionCredentials: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  req,
}) => {
  const given: NationalCredentials = {}
  for (const field of SECRET_FIELDS) {
    const value = data[field]
    if (typeof value === 'string' && value.trim() !== '') given[field] = value.trim()
    data[field] = null
  }
  if (Object.keys(given).length === 0) return data
  const stored = decryptCredentials(originalDoc?.credentials, req.payload.secret) ?? {}
  data.credentials = encryptCredentials({ ...stored, ...given }, req.payload.secret)
  data.credentialsSet = true
  req.context[CREDENTIALS_CHANGED] = true
  data.blockedReason = null
  data.blockedAt = null
  if (originalDoc?.id !== undefined) forgetToken(Number(originalDoc.id))
  return data
}
