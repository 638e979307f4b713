import type { AddressInfo } from 'node:net';
import PostalMime, { type Email } from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The SMTP session (connection) the mail came in on. */
  sessionId: string;
  from: string;
  to: string[];
  raw: string;
  parsed: Email;
  receivedAt: Date;
}

/**
 * A real SMTP server (smtp-server) on a loopback port that keeps what it
 * receives. `stop()` and `start()` on the same port simulate an outage.
 */
export class SmtpReceiver {
  readonly mail: ReceivedMail[] = [];
  private server?: SMTPServer;
  private waiters: (() => void)[] = [];
  private lostAnswers = 0;
  private refusals = 0;
  port = 0;

  static async start(): Promise<SmtpReceiver> {
    const receiver = new SmtpReceiver();
    await receiver.listen();
    return receiver;
  }

  /**
   * The next `count` mails are kept, but answered with a temporary error, as
   * when the answer to a delivered mail is lost: the sender sends it again.
   */
  loseAnswers(count: number): void {
    this.lostAnswers = count;
  }

  /** The next `count` mails are refused for good (550), as a full mailbox is: none is kept. */
  refuseNext(count: number): void {
    this.refusals = count;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Like a server going down: clients' open (pooled) connections are cut at once.
      closeTimeout: 100,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.refusals > 0) {
            this.refusals -= 1;
            callback(Object.assign(new Error('Mailbox full'), { responseCode: 550 }));
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          PostalMime.parse(raw).then(
            (parsed) => {
              this.mail.push({
                sessionId: session.id,
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
                raw,
                parsed,
                receivedAt: new Date(),
              });
              this.waiters.splice(0).forEach((wake) => wake());
              if (this.lostAnswers > 0) {
                this.lostAnswers -= 1;
                const lost = Object.assign(new Error('Answer lost, try again'), {
                  responseCode: 451,
                });
                callback(lost);
              } else callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits until `count` messages matching `match` have arrived. */
  async waitFor(
    match: (mail: ReceivedMail) => boolean,
    { count = 1, timeoutMs = 10_000 } = {},
  ): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.mail.filter(match);
      if (found.length >= count) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${count} mail(s); got ${found.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
