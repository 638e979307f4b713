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

/** What the request went to no longer exists on the source (a comment its author removed). */
export class SourceItemGone extends SendRefused {
  constructor(
    message: string,
    /** The source's id of the citizen's item, once the adapter knows which it was. */
    readonly externalId?: string,
  ) {
    super(message);
  }
}

/** For an adapter's request about one item: a SourceItemGone names that item. */
export const goneItemIs =
  (externalId: string) =>
  (error: unknown): never => {
    throw error instanceof SourceItemGone ? new SourceItemGone(error.message, externalId) : error;
  };

// Anything else (timeouts, 5xx, connection resets) is temporary: the job is
// retried with backoff, and the channel shows the error until a poll succeeds.
