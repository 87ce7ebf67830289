import type { PayloadRequest } from 'payload'

import type { MailContent } from './notificationTemplates'

/** Puts a mail in the outbox (a job row in the request's transaction). */
export async function queueNotification(
  req: PayloadRequest,
  to: string,
  content: MailContent,
): Promise<void> {
  await req.payload.jobs.queue({
    task: 'sendNotification',
    queue: 'mail',
    input: { to, subject: content.subject, text: content.text },
    req,
  })
}
