/**
 * The key the public list sorts names by, so that "Éénmalige" sorts among the e's as in Dutch,
 * not after z: decomposed (NFD), diacritics removed, lower case, trimmed. It is stored beside
 * the record (`public_algorithms.name_sort`, with the register's Dutch ICU collation where the
 * server has ICU) and indexed; it works on a server without ICU as well.
 */
export function dutchSortKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim()
}
