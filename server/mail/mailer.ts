/**
 * The mailer port. By default mail goes to the outbox table, which the demo
 * shows at /postvak; with SMTP_URL it goes out through nodemailer. Message
 * bodies are never logged.
 */
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Db } from '../db/client';
import { outboxMessages } from '../db/schema/index';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly kind: 'outbox' | 'smtp';
  send(message: MailMessage): Promise<void>;
}

export function outboxMailer(db: Db, now: () => Date): Mailer {
  return {
    kind: 'outbox',
    async send(m) {
      await db.insert(outboxMessages).values({
        id: randomUUID(),
        toAddress: m.to,
        subject: m.subject,
        bodyText: m.text,
        createdAt: now(),
      });
    },
  };
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}
