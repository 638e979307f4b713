import { ImapFlow } from 'imapflow';
import { ChannelAuthFailed } from '../channel-errors';
import type { EmailConfig, EmailSecrets } from './email-settings';

/** Opens an IMAP session, runs `work`, and always logs out. Errors become channel errors. */
export async function withImap<T>(
  config: EmailConfig,
  secrets: EmailSecrets,
  work: (client: ImapFlow) => Promise<T>,
): Promise<T> {
  const client = new ImapFlow({
    host: config.imapHost,
    port: config.imapPort,
    secure: config.imapSecure,
    // Without implicit TLS: STARTTLS, and unless the admin allowed it, nothing in clear.
    doSTARTTLS: config.imapSecure ? undefined : config.imapRequireTls ? true : undefined,
    auth: { user: secrets.imapUser, pass: secrets.imapPassword },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
    clientInfo: { name: 'Svara' },
  });
  // A dropped connection is reported through the command that was running.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    // A refused login leaves the socket open: close it, or every failing poll keeps one.
    client.close();
    throw imapError(error);
  }
  try {
    return await work(client);
  } catch (error) {
    throw imapError(error);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

function imapError(error: unknown): unknown {
  const details = error as {
    authenticationFailed?: boolean;
    mailboxMissing?: boolean;
    serverResponseCode?: string;
    responseText?: string;
    tlsFailed?: boolean;
  };
  // UNAVAILABLE: the server could not check the password just now; try again later.
  if (details.authenticationFailed && details.serverResponseCode !== 'UNAVAILABLE')
    return new ChannelAuthFailed('The IMAP server refused the user name or password');
  if (details.mailboxMissing || details.serverResponseCode === 'NONEXISTENT')
    return new ChannelAuthFailed(
      `The mailbox does not exist: ${details.responseText ?? ''}`.trim(),
    );
  if (details.tlsFailed) return new ChannelAuthFailed('No secure connection to the IMAP server');
  return error;
}
