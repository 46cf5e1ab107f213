/**
 * The harness's own real components: the in-process SMTP server captures what nodemailer sends
 * and can answer errors; the Redis helper isolates a file's keys and cleans them up.
 */
import nodemailer from 'nodemailer';
import { startSmtpServer } from '../helpers/smtp';
import { testRedis } from '../helpers/redis';

describe('SMTP capture', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  const transport = () =>
    nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: false, ignoreTLS: true });

  it('captures a message sent with nodemailer', async () => {
    await transport().sendMail({
      from: 'ancrage@example.test',
      to: 'ambassadeur@example.test',
      subject: 'Suivi à 3 mois',
      text: 'Bonjour',
    });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].to).toEqual(['ambassadeur@example.test']);
    expect(smtp.messages[0].raw).toMatch(/Subject: =\?UTF-8\?Q\?Suivi_=C3=A0_3_mois\?=|Subject: Suivi à 3 mois/);
  });

  it('answers the requested error code for the next messages, then accepts', async () => {
    smtp.failNext(1, 451, 'Try again later');
    await expect(
      transport().sendMail({ from: 'a@example.test', to: 'b@example.test', subject: 'x', text: 'x' })
    ).rejects.toMatchObject({ responseCode: 451 });
    await transport().sendMail({ from: 'a@example.test', to: 'b@example.test', subject: 'y', text: 'y' });
    expect(smtp.messages.map((m) => m.raw.includes('Subject: y'))).toContain(true);
  });
});

describe('Redis isolation', () => {
  it('gives each user its own prefix and deletes only its keys', async () => {
    const a = testRedis();
    const b = testRedis();
    expect(a.prefix).not.toBe(b.prefix);
    await a.client.set(`${a.prefix}:one`, '1');
    await b.client.set(`${b.prefix}:two`, '2');
    expect(await a.keys()).toEqual([`${a.prefix}:one`]);
    await a.cleanup();
    expect(await b.keys()).toEqual([`${b.prefix}:two`]);
    await b.cleanup();
  });
});
