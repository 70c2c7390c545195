import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'file' | 'memory';
  send(mail: OutgoingMail): Promise<void>;
}

export function smtpMailer(opts: {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}): Mailer {
  const transport = nodemailer.createTransport({
    host: opts.host,
    port: opts.port,
    secure: opts.secure,
    auth: opts.user ? { user: opts.user, pass: opts.password } : undefined,
  });
  return {
    kind: 'smtp',
    send: async (mail) => {
      await transport.sendMail({ from: opts.from, ...mail });
    },
  };
}

/** Without SMTP settings, emails are written as .eml files under DATA_DIR/mail (nodemailer's stream transport). */
export function fileMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'file',
    send: async (mail) => {
      const info = await transport.sendMail({ from, ...mail });
      mkdirSync(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}.eml`;
      writeFileSync(path.join(dir, name), info.message as Buffer);
    },
  };
}

/** For tests: keeps sent mail in memory; `failNext` simulates SMTP failures. */
export function memoryMailer(): Mailer & { sent: OutgoingMail[]; failNext: number } {
  const mailer = {
    kind: 'memory' as const,
    sent: [] as OutgoingMail[],
    failNext: 0,
    send: async (mail: OutgoingMail) => {
      if (mailer.failNext > 0) {
        mailer.failNext -= 1;
        throw new Error('simulated SMTP failure');
      }
      mailer.sent.push(mail);
    },
  };
  return mailer;
}
