/** Where an algorithm stands in the national register, as the admin shows it. */
export const DELIVERY_STATUSES = [
  { value: 'niet_aangeleverd', label: { nl: 'Niet aangeleverd', en: 'Not delivered' } },
  { value: 'in_wachtrij', label: { nl: 'In de wachtrij', en: 'Queued' } },
  { value: 'aangeleverd', label: { nl: 'Aangeleverd', en: 'Delivered' } },
  { value: 'vrijgegeven', label: { nl: 'Vrijgegeven', en: 'Released' } },
  { value: 'ingetrokken', label: { nl: 'Ingetrokken', en: 'Retracted' } },
  { value: 'fout', label: { nl: 'Fout', en: 'Error' } },
] as const

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]['value']
