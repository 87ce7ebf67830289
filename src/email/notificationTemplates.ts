/** Dutch notification e-mails (plain text plus simple HTML), written for editors and reviewers. */
export interface MailContent {
  subject: string
  text: string
}

interface AlgorithmRef {
  name: string
  organisationName: string
  adminUrl: string
}

const footer = (ref: AlgorithmRef) =>
  `\n\nOpen de beschrijving: ${ref.adminUrl}\n\nDit bericht komt van het algoritmeregister van ${ref.organisationName}. U krijgt het omdat u een rol hebt in deze organisatie.`

export function submittedForReview(
  ref: AlgorithmRef,
  submitter: string,
  changeSummary?: string | null,
): MailContent {
  const summary = changeSummary ? `\n\nWat is er veranderd: ${changeSummary}` : ''
  return {
    subject: `Ter beoordeling: ${ref.name}`,
    text:
      `Hallo,\n\n${submitter} heeft de beschrijving "${ref.name}" ingediend. ` +
      `Wilt u die bekijken en goedkeuren of met een opmerking terugzetten?${summary}` +
      footer(ref),
  }
}

export function approved(ref: AlgorithmRef, approver: string, revisionNumber: number): MailContent {
  return {
    subject: `Gepubliceerd: ${ref.name}`,
    text:
      `Hallo,\n\n${approver} heeft de beschrijving "${ref.name}" goedgekeurd. ` +
      `Versie ${revisionNumber} staat nu in het openbare register.` +
      footer(ref),
  }
}

export function changesRequested(
  ref: AlgorithmRef,
  reviewer: string,
  comment: string,
): MailContent {
  return {
    subject: `Aanpassen gevraagd: ${ref.name}`,
    text:
      `Hallo,\n\n${reviewer} heeft de beschrijving "${ref.name}" teruggezet met deze opmerking:\n\n` +
      `"${comment}"\n\nPas de beschrijving aan en dien haar opnieuw in.` +
      footer(ref),
  }
}

export function reviewDue(ref: AlgorithmRef, dueDate: string): MailContent {
  return {
    subject: `Tijd om te herzien: ${ref.name}`,
    text:
      `Hallo,\n\nDe beschrijving "${ref.name}" moest uiterlijk ${dueDate} opnieuw bekeken worden. ` +
      'Klopt alles nog? Pas de beschrijving aan als er iets veranderd is en dien haar opnieuw in. ' +
      'Is alles nog juist, dien dan een nieuwe versie in met als toelichting dat de tekst is gecontroleerd.' +
      footer(ref),
  }
}
