/**
 * How a source said no. Pollers and senders react to the class, whatever the
 * channel: an adapter maps its source's errors onto these.
 */
export abstract class ChannelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The credentials are wrong, expired or lack permission: stop until an admin fixes them. */
export class ChannelAuthFailed extends ChannelError {}

/** The source asks us to slow down: resume after `retryAfterMs`, from the same cursor. */
export class ChannelRateLimited extends ChannelError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

/** This one message cannot be sent, and retrying will not help (e.g. outside Meta's 24-hour window). */
export class SendRefused extends ChannelError {}

// Anything else (timeouts, 5xx, connection resets) is temporary: the job is
// retried with backoff, and the channel shows the error until a poll succeeds.
