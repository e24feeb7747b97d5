import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  mailFrom: string | null;
  rcptTo: string[];
  authenticatedAs: string | null;
  raw: Buffer;
}

export interface SmtpSink {
  host: string;
  port: number;
  messages: ReceivedMail[];
  failedLogins: string[];
  close(): Promise<void>;
}

/**
 * A real SMTP server (the smtp-server package) on 127.0.0.1 and a free port, requiring AUTH (PLAIN/LOGIN)
 * and keeping every message it accepts as raw RFC 5322 bytes. STARTTLS is switched off so that a plain
 * smtp:// URL works; the login is then allowed over the plain loopback connection.
 */
export async function startSmtpSink(credentials: { user: string; pass: string }): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const failedLogins: string[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass) {
        callback(null, { user: auth.username });
      } else {
        failedLogins.push(auth.username ?? '');
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        messages.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          authenticatedAs: typeof session.user === 'string' ? session.user : null,
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    messages,
    failedLogins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
