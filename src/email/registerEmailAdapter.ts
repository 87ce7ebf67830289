import fs from 'node:fs'
import path from 'node:path'

import nodemailer, { type Transporter } from 'nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'

import { captureMail } from './mailOutbox'

export interface MailSettings {
  /** 'smtp' sends for real; 'file' writes .eml files; 'console' logs; 'memory' keeps them (tests). */
  transport: 'smtp' | 'file' | 'console' | 'memory'
  fromName: string
  fromAddress: string
  smtp?: { host: string; port: number; secure: boolean; user?: string; password?: string }
  /** Folder for the file transport. */
  directory?: string
}

/** Reads the mail settings from the environment (documented in the README and .env.example). */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv, dataDir: string): MailSettings {
  const transport = (env.MAIL_TRANSPORT ??
    (env.SMTP_HOST ? 'smtp' : 'file')) as MailSettings['transport']
  if (!['smtp', 'file', 'console', 'memory'].includes(transport)) {
    throw new Error(`MAIL_TRANSPORT must be smtp, file, console or memory, got '${transport}'.`)
  }
  if (transport === 'smtp' && !env.SMTP_HOST) {
    throw new Error(
      'MAIL_TRANSPORT=smtp needs SMTP_HOST (and usually SMTP_PORT, SMTP_USER, SMTP_PASSWORD).',
    )
  }
  return {
    transport,
    fromName: env.MAIL_FROM_NAME ?? 'Algoritmeregister',
    fromAddress: env.MAIL_FROM_ADDRESS ?? 'noreply@algoritmeregister.local',
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: Number(env.SMTP_PORT ?? 587),
          secure: env.SMTP_SECURE === 'true',
          user: env.SMTP_USER,
          password: env.SMTP_PASSWORD,
        }
      : undefined,
    directory: path.join(dataDir, 'mail'),
  }
}

function addressText(value: SendEmailOptions['to']): string {
  if (!value) return ''
  const list = Array.isArray(value) ? value : [value]
  return list.map((item) => (typeof item === 'string' ? item : item.address)).join(', ')
}

/**
 * Payload's e-mail adapter, built on nodemailer: SMTP in production; in development messages go
 * to .eml files under DATA_DIR/mail (or the console), so nobody is mailed by accident.
 */
export function registerEmailAdapter(settings: MailSettings): EmailAdapter {
  return ({ payload }) => {
    let transporter: Transporter
    if (settings.transport === 'smtp' && settings.smtp) {
      transporter = nodemailer.createTransport({
        host: settings.smtp.host,
        port: settings.smtp.port,
        secure: settings.smtp.secure,
        auth: settings.smtp.user
          ? { user: settings.smtp.user, pass: settings.smtp.password }
          : undefined,
      })
    } else {
      transporter = nodemailer.createTransport({
        streamTransport: true,
        buffer: true,
        newline: 'unix',
      })
    }
    return {
      name: `register-${settings.transport}`,
      defaultFromAddress: settings.fromAddress,
      defaultFromName: settings.fromName,
      sendEmail: async (message) => {
        const from = message.from ?? `"${settings.fromName}" <${settings.fromAddress}>`
        const info = (await transporter.sendMail({
          ...message,
          from,
        } as nodemailer.SendMailOptions)) as unknown
        const to = addressText(message.to)
        if (settings.transport === 'memory') {
          captureMail({
            to,
            from: typeof from === 'string' ? from : from.address,
            subject: String(message.subject ?? ''),
            text: String(message.text ?? ''),
            html: typeof message.html === 'string' ? message.html : undefined,
            sentAt: new Date().toISOString(),
          })
        } else if (settings.transport === 'file' && settings.directory) {
          fs.mkdirSync(settings.directory, { recursive: true })
          const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}.eml`
          fs.writeFileSync(
            path.join(settings.directory, name),
            (info as { message: Buffer }).message,
          )
          payload.logger.info(
            `E-mail aan ${to} opgeslagen in ${path.join(settings.directory, name)}`,
          )
        } else if (settings.transport === 'console') {
          payload.logger.info(
            `E-mail aan ${to}: ${String(message.subject)}\n${String(message.text ?? '')}`,
          )
        }
        return info
      },
    }
  }
}
