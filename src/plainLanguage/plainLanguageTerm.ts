/**
 * One entry in a plain-language word list: the word or phrase to avoid and what to write instead.
 *
 * `term` is lower case. Words in a phrase are separated by single spaces and match any run of
 * whitespace. A `…` between words allows up to six other words in between (for split verb
 * groups such as "dient u het formulier te sturen").
 */
export interface PlainLanguageTerm {
  readonly term: string
  readonly alternative: string
}
