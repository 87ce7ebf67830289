import type { TaskConfig } from 'payload'

/**
 * Sends one notification e-mail. Transitions queue this task inside their own transaction (an
 * outbox): a rolled-back approval never mails anyone, and a committed one is retried if the
 * mail server is briefly down.
 */
export const sendNotificationTask: TaskConfig<{
  input: { to: string; subject: string; text: string }
  output: { sent: boolean }
}> = {
  slug: 'sendNotification',
  label: 'Meldingsmail versturen',
  retries: 3,
  inputSchema: [
    { name: 'to', type: 'text', required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
  ],
  outputSchema: [{ name: 'sent', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    await req.payload.sendEmail({ to: input.to, subject: input.subject, text: input.text })
    return { output: { sent: true } }
  },
}
