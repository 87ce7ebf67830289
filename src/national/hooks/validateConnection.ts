import type { CollectionBeforeValidateHook } from 'payload'

import { throwFieldErrors } from '../../errors/throwFieldErrors'
import { NATIONAL_CONNECTIONS_SLUG } from '../collections/NationalConnections'

const CODE = /^[a-z]+\d+$/

const filled = (value: unknown): boolean => typeof value === 'string' && value.trim() !== ''

/**
 * A connection that delivers needs the organisation's code in the national register and a
 * complete login (given now or stored earlier); the token endpoint may come from the
 * environment. Refused with a message that names the field.
 */
export const validateConnection: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  if (!data) return data
  if (typeof data.organisationCode === 'string') {
    data.organisationCode = data.organisationCode.trim().toLowerCase() || null
  }
  const code = data.organisationCode ?? originalDoc?.organisationCode
  const delivers = data.delivers ?? originalDoc?.delivers
  const errors: Array<{ path: string; message: { nl: string; en: string } }> = []
  if (code && !CODE.test(code)) {
    errors.push({
      path: 'organisationCode',
      message: {
        nl: `Organisatiecode in het landelijke register '${code}' klopt niet: gebruik kleine letters en dan cijfers, bijvoorbeeld gm0363.`,
        en: `Organisation code '${code}' is not valid: lowercase letters, then digits, for example gm0363.`,
      },
    })
  }
  if (delivers === true) {
    if (!code) {
      errors.push({
        path: 'organisationCode',
        message: {
          nl: 'Vul de organisatiecode in het landelijke register in om aan te leveren.',
          en: 'Fill in the organisation code in the national register to deliver.',
        },
      })
    }
    if (originalDoc?.credentialsSet !== true) {
      const labels: Record<string, { nl: string; en: string }> = {
        clientId: { nl: 'Client-ID', en: 'Client ID' },
        username: { nl: 'Gebruikersnaam', en: 'User name' },
        password: { nl: 'Wachtwoord', en: 'Password' },
      }
      for (const [path, label] of Object.entries(labels)) {
        if (!filled(data[path])) {
          errors.push({
            path,
            message: {
              nl: `Vul ${label.nl} in om aan te leveren.`,
              en: `Fill in ${label.en} to deliver.`,
            },
          })
        }
      }
    }
  }
  if (errors.length > 0) throwFieldErrors(req, NATIONAL_CONNECTIONS_SLUG, errors)
  return data
}
