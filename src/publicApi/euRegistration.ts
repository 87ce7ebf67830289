import { toPlainText, toSafeLink } from '../standard/safeText'
import { PROBLEM_TITLES, PublicProblem } from './problem'
import type { PublicRow, RunQuery } from './publicReaders'

const HIGH_RISK = 'Hoog-risico AI-systeem'

/** A postal address as Annex VIII asks for it. */
export interface PostalAddress {
  street: string
  postalCode: string
  city: string
  country: string
}

/** Name, address and contact details of a party. */
export interface RegistrationParty {
  name: string
  address: PostalAddress
  contact: { email: string; website: string }
}

/**
 * What a deployer that is a public authority registers for a high-risk AI system: EU AI Act
 * (Regulation (EU) 2024/1689) Article 49(3) and Annex VIII, section C, points 1 to 5.
 */
export interface EuRegistration {
  lars: string
  legalBasis: string
  systemName: string
  /** Point 1: the deployer. */
  deployer: RegistrationParty
  /**
   * Point 2: who submits on behalf of the deployer. The register publishes the organisation's
   * general contact, not a civil servant's name.
   */
  submittedOnBehalfOf: RegistrationParty
  /** Point 3: URL of the provider's entry of the system in the EU database. */
  providerEuDatabaseUrl: string
  /** Point 4: summary of the findings of the fundamental rights impact assessment (Art. 27). */
  fundamentalRightsImpactAssessmentSummary: string
  /** Point 5: summary of the data protection impact assessment (GDPR Art. 35), where applicable. */
  dataProtectionImpactAssessmentSummary: string
  /** Points that are still empty, so a reader sees at once what is missing. */
  missing: string[]
  revisionNumber: number
  updatedAt: string
}

// Plain text: markup stored before validation got stricter never reaches the public.
const text = toPlainText

/**
 * The Annex VIII section C record of a published high-risk AI system, from the public record's
 * EU AI Act fields and the organisation's public postal address. 404 for other algorithms.
 */
export async function readEuRegistration(run: RunQuery, row: PublicRow): Promise<EuRegistration> {
  const record = row.record
  if (record.publication_category !== HIGH_RISK) {
    throw new PublicProblem(404, PROBLEM_TITLES[404], {
      nl: `Algoritme ${row.lars} is geen hoog-risico AI-systeem. Alleen daarvoor bestaat een EU-registratie (AI-verordening, bijlage VIII, deel C).`,
      en: `Algorithm ${row.lars} is not a high-risk AI system. Only those have an EU registration (AI Act, Annex VIII, section C).`,
    })
  }
  // Only the organisation's public contact columns.
  const [organisation] = await run<Record<string, unknown>>(
    `SELECT website, contact_email, postal_address_street, postal_address_postal_code,
        postal_address_city, postal_address_country
     FROM organisations WHERE id = $1`,
    [row.organisationId],
  )
  const address: PostalAddress = {
    street: text(organisation?.postal_address_street),
    postalCode: text(organisation?.postal_address_postal_code),
    city: text(organisation?.postal_address_city),
    country: text(organisation?.postal_address_country) || 'Nederland',
  }
  const party: RegistrationParty = {
    name: row.organisationName,
    address,
    contact: {
      email: toSafeLink(organisation?.contact_email) || toSafeLink(record.contact_email),
      website: toSafeLink(organisation?.website) || toSafeLink(record.website),
    },
  }
  const eu = (record.eu_ai_act ?? {}) as Record<string, unknown>
  const registration: EuRegistration = {
    lars: row.lars,
    legalBasis:
      'Verordening (EU) 2024/1689 (AI-verordening), artikel 49, lid 3, en bijlage VIII, deel C',
    systemName: text(record.name),
    deployer: party,
    submittedOnBehalfOf: party,
    providerEuDatabaseUrl: toSafeLink(eu.eu_database_url),
    fundamentalRightsImpactAssessmentSummary: text(eu.fria_summary),
    dataProtectionImpactAssessmentSummary: text(eu.dpia_summary),
    missing: [],
    revisionNumber: row.revisionNumber,
    updatedAt: row.updatedAt,
  }
  const checks: Array<[string, string]> = [
    ['deployer.address', address.street && address.city ? 'ok' : ''],
    ['deployer.contact', party.contact.email],
    ['providerEuDatabaseUrl', registration.providerEuDatabaseUrl],
    [
      'fundamentalRightsImpactAssessmentSummary',
      registration.fundamentalRightsImpactAssessmentSummary,
    ],
    ['dataProtectionImpactAssessmentSummary', registration.dataProtectionImpactAssessmentSummary],
  ]
  registration.missing = checks.filter(([, value]) => value === '').map(([name]) => name)
  return registration
}
