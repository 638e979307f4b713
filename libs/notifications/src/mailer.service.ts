import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { AppConfig } from '@svara/config';

export class MailNotConfigured extends Error {
  constructor() {
    super('SMTP_URL is not set: Svara cannot send e-mail');
    this.name = 'MailNotConfigured';
  }
}

export interface OutgoingMail {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  from?: string;
  replyTo?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface SentMail {
  messageId: string;
  accepted: string[];
  rejected: string[];
  response: string;
}

/** Transport options from an smtp:// or smtps:// URL, with timeouts a worker can live with. */
export function smtpOptions(smtpUrl: string): SMTPTransport.Options {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

/**
 * A few SMTP connections kept open and reused: a backlog of escalations is
 * mailed without a connection and greeting per mail. Idle ones close well
 * before servers or the socket timeout would drop them.
 */
function pooledSmtpOptions(smtpUrl: string): SMTPPool.Options & { idleTimeout: number } {
  return { ...smtpOptions(smtpUrl), pool: true, maxConnections: 5, idleTimeout: 10_000 };
}

/** Svara's own outgoing mail (escalations, replies to web forms) through SMTP_URL. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private transport?: Transporter<SMTPPool.SentMessageInfo>;

  constructor(private readonly config: AppConfig) {}

  /** MAIL_FROM: the sender of Svara's own mail. */
  get from(): string {
    return this.config.mailFrom;
  }

  get configured(): boolean {
    return Boolean(this.config.smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    if (!this.config.smtpUrl) throw new MailNotConfigured();
    this.transport ??= nodemailer.createTransport(pooledSmtpOptions(this.config.smtpUrl));
    const info = await this.transport.sendMail({ from: this.config.mailFrom, ...mail });
    return {
      messageId: info.messageId,
      accepted: info.accepted.map(String),
      rejected: info.rejected.map(String),
      response: info.response,
    };
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
