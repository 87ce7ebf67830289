/** A message as the register sent it; kept in memory when MAIL_TRANSPORT=memory (tests). */
export interface SentMail {
  to: string
  from: string
  subject: string
  text: string
  html?: string
  sentAt: string
}

const sent: SentMail[] = []

/** Messages sent through the memory transport, oldest first. */
export function sentMail(): readonly SentMail[] {
  return sent
}

/** Forgets captured messages (between tests). */
export function clearSentMail(): void {
  sent.length = 0
}

export function captureMail(mail: SentMail): void {
  sent.push(mail)
}
