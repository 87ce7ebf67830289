/**
 * A readable part of an address from a name: lower case, accents removed, words joined with
 * hyphens, at most 80 characters ("Éénmalige toeslag" → "eenmalige-toeslag"). The LARS in front
 * of it identifies the page; the slug only helps people and search engines read the link.
 */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
  return slug || 'algoritme'
}
