import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'net';

export type CapturedMail = { from: string; to: string[]; raw: string };

/**
 * A real SMTP server in-process on a random port that keeps every message it accepts.
 * `reject` lets a test make it answer an error code for the next messages.
 */
export const startSmtpServer = async () => {
  const messages: CapturedMail[] = [];
  const failures: Array<{ code: number; message: string }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const failure = failures.shift();
        if (failure) {
          const err = Object.assign(new Error(failure.message), { responseCode: failure.code });
          return callback(err);
        }
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  // a client killed mid-conversation resets its socket: not an error of the server under test
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    host: '127.0.0.1',
    messages,
    /** The next `times` messages are answered `code message`. */
    failNext: (times: number, code: number, message = 'Temporary failure') => {
      for (let i = 0; i < times; i += 1) failures.push({ code, message });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
