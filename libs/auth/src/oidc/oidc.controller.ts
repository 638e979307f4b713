import { Controller, Get, Logger, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { NotFound } from '@svara/common';
import { AppConfig } from '@svara/config';
import { API_PREFIX, Public, RateLimitGuard } from '@svara/http';
import { BrowserSessions, type CookieRequest } from '../session/browser-sessions.service';
import { AuthMethodsDto } from './dto/auth-methods.dto';
import { FlowCookie } from './flow-cookie';
import { OidcClient, SignInRefused } from './oidc-client.service';
import { profileOf } from './profile-claims';
import { type SsoRefusal, SsoUsers } from './sso-users.service';

/** Why the login page was reached from a sign-in that did not finish (?sso=<reason>). */
export type SsoFailure = SsoRefusal | 'cancelled' | 'failed' | 'unavailable';

const LOGIN_PATH = `/${API_PREFIX}/auth/oidc/login`;

/** Only a path of this app: never another site, never `//host`. */
function appPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && value.length <= 2000
    ? value
    : '/';
}

@ApiTags('auth')
@Controller('auth')
export class OidcController {
  private readonly logger = new Logger(OidcController.name);

  constructor(
    private readonly config: AppConfig,
    private readonly client: OidcClient,
    private readonly flows: FlowCookie,
    private readonly users: SsoUsers,
    private readonly sessions: BrowserSessions,
  ) {}

  @Public()
  @Get('methods')
  @ApiOperation({ summary: 'How people sign in here: password, single sign-on, or both' })
  @ApiOkResponse({ type: AuthMethodsDto })
  methods(): AuthMethodsDto {
    const oidc = this.config.oidc;
    return {
      password: this.config.passwordLogin,
      singleSignOn: oidc ? { name: oidc.providerName, loginUrl: LOGIN_PATH } : null,
    };
  }

  @Public()
  @UseGuards(RateLimitGuard)
  @SkipThrottle({ public: true })
  @Get('oidc/login')
  @ApiOperation({ summary: 'Start single sign-on: redirects the browser to the provider' })
  @ApiQuery({ name: 'returnTo', required: false, description: 'App path to land on afterwards' })
  @ApiFoundResponse({ description: 'To the provider; to /login?sso=unavailable if unreachable' })
  @ApiNotFoundResponse({ description: 'Single sign-on is not configured' })
  async login(@Req() request: CookieRequest, @Res() response: Response): Promise<void> {
    this.requireConfigured();
    try {
      const { url, flow } = await this.client.start(appPath(request.query.returnTo));
      this.flows.set(response, flow);
      response.redirect(302, url.href);
    } catch (error) {
      this.logger.error({ err: (error as Error).message }, 'identity provider unreachable');
      this.refuse(response, 'unavailable');
    }
  }

  @Public()
  @UseGuards(RateLimitGuard)
  @SkipThrottle({ public: true })
  @Get('oidc/callback')
  @ApiOperation({
    summary: 'Where the provider sends the browser back: signs in and redirects to the app',
  })
  @ApiFoundResponse({ description: 'To the app, signed in; or to /login?sso=<reason>' })
  @ApiNotFoundResponse({ description: 'Single sign-on is not configured' })
  async callback(@Req() request: CookieRequest, @Res() response: Response): Promise<void> {
    this.requireConfigured();
    const flow = this.flows.read(request.cookies);
    this.flows.clear(response);
    if (!flow) return this.refuse(response, 'failed', 'no sign-in in progress (or it expired)');
    try {
      const query = new URL(request.originalUrl, 'http://callback').search;
      const claims = await this.client.finish(query, flow);
      const outcome = await this.users.signIn(profileOf(claims, this.config.oidc!.groupsClaim));
      if ('refused' in outcome) return this.refuse(response, outcome.refused);
      await this.sessions.startFor(request, response, outcome.user);
      response.redirect(302, flow.returnTo);
    } catch (error) {
      const reason = error instanceof SignInRefused ? error.reason : 'failed';
      this.refuse(response, reason, (error as Error).message);
    }
  }

  private requireConfigured(): void {
    if (!this.config.oidc) throw new NotFound('Single sign-on');
  }

  private refuse(response: Response, reason: SsoFailure, detail?: string): void {
    this.logger.warn({ reason, detail }, 'single sign-on refused');
    response.redirect(302, `/login?sso=${reason}`);
  }
}
