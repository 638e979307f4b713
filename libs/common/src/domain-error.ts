/**
 * Errors the domain raises. They say what went wrong in the product's terms;
 * the API edge maps them to HTTP, and workers never see HTTP at all.
 */
export abstract class DomainError extends Error {
  abstract readonly kind:
    'not_found' | 'conflict' | 'invalid' | 'forbidden' | 'unprocessable' | 'upstream';

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  readonly kind = 'not_found';

  constructor(what: string) {
    super(`${what} not found`);
  }
}

export class Conflict extends DomainError {
  readonly kind = 'conflict';
}

export class InvalidInput extends DomainError {
  readonly kind = 'invalid';
}

export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
}

/** A source Svara relies on (Facebook, Instagram, a mail server) refused or failed. */
export class UpstreamFailed extends DomainError {
  readonly kind = 'upstream';
}

/** Well-formed input the domain cannot act on as it stands (too much, nothing at all). */
export class Unprocessable extends DomainError {
  readonly kind = 'unprocessable';
}
