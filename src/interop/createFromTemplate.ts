/**
 * Templates (sjablonen): an editor starts a new draft in their own organisation from another
 * organisation's published description. The public fields are copied (see templateData), the
 * provenance is kept in `basedOn` (LARS id, organisation name, revision number) and becomes the
 * public record's `based_on` once the draft is approved.
 */

import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { asAccessUser } from '../../access/accessUser'
import { isPlatformAdmin } from '../../access/isPlatformAdmin'
import { organisationIdsFor } from '../../access/organisationIdsFor'
import { WRITER_ROLES } from '../../access/roles'
import type { Algorithm, Organisation } from '../../payload-types'
import { SKIP_GENERIC_AUDIT } from '../audit/auditContext'
import { writeAuditEvent } from '../audit/writeAuditEvent'
import { publishedProjectionRow } from '../publicApi/projection'
import type { BilingualText } from './bilingualText'
import { TEMPLATE_CLEARED_FIELDS, templateData } from './templateData'

/** What the caller asks for. */
export interface TemplateRequest {
  /** LARS id of the published description to start from. */
  lars: string
  /** The organisation of the new draft (id or TOOI code); needed only for people in several. */
  organisation?: number | string
}

/** Provenance of a draft made from a template. */
export interface BasedOn {
  lars: string
  organisationName: string
  revisionNumber: number
}

/** The new draft. */
export interface TemplateOutcome {
  algorithm: Algorithm
  basedOn: BasedOn
  /** Fields copied from the template that had a value. */
  copiedFields: string[]
  /** Public fields left empty for the editor to fill in. */
  clearedFields: string[]
}

/** A refused template request, with the HTTP status to answer. */
export class TemplateError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: BilingualText,
  ) {
    super(text.en)
    this.name = 'TemplateError'
  }
}

interface PublicSource {
  lars: string
  organisation_id: number
  organisation_name: string
  revision_number: number
  record: Record<string, unknown>
}

async function targetOrganisation(
  req: PayloadRequest,
  wanted: number | string | undefined,
): Promise<Organisation> {
  const user = req.user
  const writable = organisationIdsFor(user, WRITER_ROLES)
  const admin = isPlatformAdmin(user, req.payload)
  if (wanted === undefined || wanted === '') {
    if (writable.length === 1) {
      return req.payload.findByID({
        collection: 'organisations',
        id: writable[0],
        depth: 0,
        overrideAccess: true,
        req,
      })
    }
    throw writable.length === 0 && !admin
      ? new TemplateError(403, 'not_an_editor', {
          nl: 'U bent in geen enkele organisatie redacteur, goedkeurder of beheerder. Alleen zij kunnen een nieuwe beschrijving beginnen.',
          en: 'You are not an editor, reviewer or admin in any organisation. Only they can start a new description.',
        })
      : new TemplateError(400, 'organisation_required', {
          nl: 'U werkt voor meer dan één organisatie. Geef in "organisation" aan voor welke organisatie de nieuwe beschrijving is.',
          en: 'You work for more than one organisation. Say in "organisation" which organisation the new description is for.',
        })
  }
  const numeric = typeof wanted === 'number' || /^\d+$/.test(wanted)
  const found = await req.payload.find({
    collection: 'organisations',
    where: numeric
      ? { id: { equals: Number(wanted) } }
      : { code: { equals: String(wanted).trim().toLowerCase() } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const organisation = found.docs[0]
  if (!organisation || (!admin && !writable.includes(organisation.id))) {
    throw new TemplateError(403, 'not_an_editor', {
      nl: `U kunt geen beschrijvingen maken voor organisatie ${String(wanted)}. Daarvoor moet u er redacteur, goedkeurder of beheerder zijn.`,
      en: `You cannot create descriptions for organisation ${String(wanted)}. You must be an editor, reviewer or admin there.`,
    })
  }
  return organisation
}

async function publishedSource(req: PayloadRequest, lars: string): Promise<PublicSource> {
  const source = await publishedProjectionRow(req, lars)
  if (!source) {
    throw new TemplateError(404, 'template_not_found', {
      nl: `Er is geen gepubliceerde beschrijving met Algoritme-ID ${lars}. Een ingetrokken beschrijving kan geen sjabloon zijn.`,
      en: `There is no published description with Algorithm ID ${lars}. A withdrawn description cannot be a template.`,
    })
  }
  return source as unknown as PublicSource
}

/**
 * Creates a draft (`concept`) in the caller's organisation from a published description of
 * another organisation, with a `template` audit event, in one transaction.
 *
 * @throws TemplateError 401 without a user, 403 when the caller may not write in the target
 *   organisation, 400 when the organisation is ambiguous or the LARS id is missing, 404 for an
 *   unknown or withdrawn LARS id, 409 when the template is the organisation's own description.
 */
export async function createFromTemplate(
  req: PayloadRequest,
  input: TemplateRequest,
): Promise<TemplateOutcome> {
  if (!asAccessUser(req.user)) {
    throw new TemplateError(401, 'unauthenticated', { nl: 'Log eerst in.', en: 'Log in first.' })
  }
  const lars = typeof input.lars === 'string' ? input.lars.trim() : ''
  if (!/^\d{8}$/.test(lars)) {
    throw new TemplateError(400, 'lars_required', {
      nl: 'Geef in "lars" het Algoritme-ID (8 cijfers) van de gepubliceerde beschrijving die u als voorbeeld wilt gebruiken.',
      en: 'Give in "lars" the Algorithm ID (8 digits) of the published description you want to use as a template.',
    })
  }
  const shouldCommit = await initTransaction(req)
  try {
    const organisation = await targetOrganisation(req, input.organisation)
    const source = await publishedSource(req, lars)
    if (source.organisation_id === organisation.id) {
      throw new TemplateError(409, 'own_organisation', {
        nl: 'Dit is een beschrijving van uw eigen organisatie. Bewerk die beschrijving, of zet een oudere versie terug. Een voorbeeld is voor het overnemen van het werk van een andere organisatie.',
        en: 'This is a description of your own organisation. Edit that description, or restore an older revision; a template is for reusing the work of another organisation.',
      })
    }
    const { data, copied } = templateData(source.record)
    const basedOn: BasedOn = {
      lars: source.lars,
      organisationName: source.organisation_name,
      revisionNumber: Number(source.revision_number),
    }
    const previous = req.context[SKIP_GENERIC_AUDIT]
    // The template event below says more than a generic "created" event would.
    req.context[SKIP_GENERIC_AUDIT] = true
    let algorithm: Algorithm
    try {
      algorithm = await req.payload.create({
        collection: 'algorithms',
        data: { ...data, organization: organisation.id, basedOn } as never,
        depth: 0,
        // Access was checked above; basedOn is a system field that only this path writes.
        overrideAccess: true,
        user: req.user,
        req,
      })
    } finally {
      req.context[SKIP_GENERIC_AUDIT] = previous
    }
    await writeAuditEvent(req, {
      eventType: 'template',
      summary: `Nieuwe beschrijving vanuit sjabloon: ${algorithm.name} (gebaseerd op ${basedOn.lars} van ${basedOn.organisationName}, versie ${basedOn.revisionNumber})`,
      organisationId: organisation.id,
      targetCollection: 'algorithms',
      targetId: algorithm.id,
      targetLabel: algorithm.name,
      details: {
        lars: algorithm.lars,
        basedOn,
        copiedFields: copied,
        clearedFields: [...TEMPLATE_CLEARED_FIELDS],
      },
    })
    if (shouldCommit) await commitTransaction(req)
    return { algorithm, basedOn, copiedFields: copied, clearedFields: [...TEMPLATE_CLEARED_FIELDS] }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}
