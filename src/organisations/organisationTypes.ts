/** Kinds of government organisation, as the national register groups them. */
export const ORGANISATION_TYPES = [
  { value: 'gemeente', label: { nl: 'Gemeente', en: 'Municipality' } },
  { value: 'provincie', label: { nl: 'Provincie', en: 'Province' } },
  { value: 'waterschap', label: { nl: 'Waterschap', en: 'Water authority' } },
  { value: 'ministerie', label: { nl: 'Ministerie', en: 'Ministry' } },
  { value: 'agentschap', label: { nl: 'Agentschap', en: 'Executive agency' } },
  {
    value: 'zbo',
    label: { nl: 'Zelfstandig bestuursorgaan', en: 'Independent administrative body' },
  },
  {
    value: 'gemeenschappelijke_regeling',
    label: { nl: 'Gemeenschappelijke regeling', en: 'Joint arrangement' },
  },
  { value: 'veiligheidsregio', label: { nl: 'Veiligheidsregio', en: 'Safety region' } },
  { value: 'omgevingsdienst', label: { nl: 'Omgevingsdienst', en: 'Environmental service' } },
  { value: 'politie', label: { nl: 'Politie', en: 'Police' } },
  { value: 'rechtspraak', label: { nl: 'Rechtspraak', en: 'Judiciary' } },
  {
    value: 'hoog_college_van_staat',
    label: { nl: 'Hoog College van Staat', en: 'High Council of State' },
  },
  { value: 'adviescollege', label: { nl: 'Adviescollege', en: 'Advisory board' } },
  {
    value: 'rwt',
    label: {
      nl: 'Rechtspersoon met een wettelijke taak',
      en: 'Legal entity with a statutory task',
    },
  },
  {
    value: 'openbaar_lichaam',
    label: {
      nl: 'Openbaar lichaam (Caribisch Nederland)',
      en: 'Public body (Caribbean Netherlands)',
    },
  },
  { value: 'ggd', label: { nl: 'GGD (gezondheidsdienst)', en: 'Public health service' } },
  { value: 'overig', label: { nl: 'Overig', en: 'Other' } },
] as const

export type OrganisationType = (typeof ORGANISATION_TYPES)[number]['value']
