import { Injectable, Logger } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';

/**
 * Rate limiting that fails open: when its Redis store cannot be reached, the
 * request goes through (and is logged) rather than failing. Intake must keep
 * accepting citizens' messages through a Redis outage.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly log = new Logger(RateLimitGuard.name);

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    try {
      return await super.handleRequest(request);
    } catch (error) {
      if (error instanceof ThrottlerException) throw error;
      this.log.warn(
        { err: (error as Error).message },
        'rate limit store unavailable; request allowed',
      );
      return true;
    }
  }
}
