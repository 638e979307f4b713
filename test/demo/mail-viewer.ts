import { createServer, type Server } from 'node:http';
import { SmtpReceiver } from '../support/smtp-receiver';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The demo's mail server: receives what Svara sends (escalations to team
 * leads, replies to citizens who wrote by web form or e-mail) and shows it on
 * a web page, newest first.
 */
export class MailViewer {
  private constructor(
    readonly receiver: SmtpReceiver,
    private readonly page: Server,
    readonly pageUrl: string,
  ) {}

  static async start(smtpPort: number, pagePort: number): Promise<MailViewer> {
    const receiver = new SmtpReceiver();
    receiver.port = smtpPort;
    await receiver.listen();
    const page = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(render(receiver));
    });
    await new Promise<void>((resolve) => page.listen(pagePort, '127.0.0.1', resolve));
    return new MailViewer(receiver, page, `http://localhost:${pagePort}`);
  }

  async stop(): Promise<void> {
    await this.receiver.stop();
    await new Promise<void>((resolve) => this.page.close(() => resolve()));
  }
}

function render(receiver: SmtpReceiver): string {
  const mails = [...receiver.mail].reverse();
  const rows = mails
    .map(
      (mail) => `<article>
  <h2>${escape(mail.parsed.subject ?? '(inget ämne)')}</h2>
  <p class="meta">${escape(mail.receivedAt.toLocaleString('sv-SE'))} · från ${escape(mail.from)} · till ${escape(mail.to.join(', '))}</p>
  <pre>${escape(mail.parsed.text ?? '')}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10">
<title>Svara demo: skickad e-post (${mails.length})</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
article{border-top:1px solid #999;padding:.5rem 0}h2{font-size:1.1rem;margin:.5rem 0}.meta{color:#444;margin:0}
pre{white-space:pre-wrap;font:inherit}</style></head>
<body><h1>E-post som Svara har skickat (${mails.length})</h1>
<p>Eskaleringar till teamledare och svar till medborgare. Sidan uppdateras var tionde sekund.</p>
${rows || '<p>Inget ännu.</p>'}
</body></html>`;
}
