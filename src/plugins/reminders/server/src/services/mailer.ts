import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Core } from '@strapi/strapi';
import { getConfig } from '../utils';

export type Mail = { to: string[]; cc?: string[]; subject: string; text: string; html: string; messageId?: string };

/** SMTP errors that no retry will cure: the recipient or the message is refused (5xx). */
export const isPermanentMailError = (error: unknown): boolean => {
  const e = error as { responseCode?: number; code?: string };
  return typeof e?.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
};

/**
 * The one mailer. With SMTP configured it sends through a pooled nodemailer transport; without
 * it (development only) each message is written as an .eml file under the outbox folder.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let transport: Transporter | null = null;
  const config = () => getConfig(strapi).mail;

  return {
    isConfigured: () => Boolean(config().host),

    /** Production refuses to start without SMTP: reminders would silently pile up in files. */
    assertConfigured() {
      if (process.env.NODE_ENV === 'production' && !config().host) {
        throw new Error('Ancrage cannot start in production without SMTP: set SMTP_HOST (and SMTP_PORT, SMTP_USER, SMTP_PASS, MAIL_FROM).');
      }
    },

    transport(): Transporter {
      if (!transport) {
        const m = config();
        transport = m.host
          ? nodemailer.createTransport({
              host: m.host,
              port: m.port,
              secure: m.secure,
              auth: m.user ? { user: m.user, pass: m.pass ?? '' } : undefined,
              pool: true,
              maxConnections: 5,
              maxMessages: Infinity,
            })
          : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      }
      return transport;
    },

    async send(mail: Mail): Promise<{ messageId: string; file?: string }> {
      const m = config();
      const info = await this.transport().sendMail({
        from: m.from,
        to: mail.to,
        cc: mail.cc && mail.cc.length ? mail.cc : undefined,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      });
      if (m.host) return { messageId: info.messageId };
      const dir = path.resolve(strapi.dirs.app.root, m.outbox);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(3).toString('hex')}.eml`);
      fs.writeFileSync(file, (info as unknown as { message: Buffer }).message);
      strapi.log.info(`[reminders] no SMTP configured: mail written to ${path.relative(strapi.dirs.app.root, file)}`);
      return { messageId: info.messageId, file };
    },

    close() {
      transport?.close();
      transport = null;
    },
  };
};
