import { Injectable, Logger } from '@nestjs/common';
import { importEsm } from '@svara/common';
import { AppConfig, type OidcConfig } from '@svara/config';
import type { SignInFlow } from './flow-cookie';

type OpenIdClient = typeof import('openid-client');
type ServerConfiguration = import('openid-client').Configuration;

/** Why a callback did not sign anyone in, as the login page explains it. */
export class SignInRefused extends Error {
  constructor(
    readonly reason: 'cancelled' | 'failed',
    detail: string,
  ) {
    super(detail);
    this.name = 'SignInRefused';
  }
}

const DISCOVERY_TIMEOUT_SECONDS = 10;

/**
 * The relying party: authorization code flow with PKCE, state and nonce,
 * through openid-client. The provider's metadata is discovered once, at the
 * first sign-in (not at start, so an unreachable provider does not stop
 * Svara); a failed discovery is tried again at the next.
 */
@Injectable()
export class OidcClient {
  private readonly logger = new Logger(OidcClient.name);
  private connection?: Promise<{ lib: OpenIdClient; server: ServerConfiguration }>;

  constructor(private readonly config: AppConfig) {}

  get settings(): OidcConfig {
    if (!this.config.oidc) throw new Error('Single sign-on is not configured');
    return this.config.oidc;
  }

  /** Where to send the browser, and what its callback must match. */
  async start(returnTo: string): Promise<{ url: URL; flow: SignInFlow }> {
    const { lib, server } = await this.connect();
    const flow: SignInFlow = {
      state: lib.randomState(),
      nonce: lib.randomNonce(),
      codeVerifier: lib.randomPKCECodeVerifier(),
      returnTo,
    };
    const url = lib.buildAuthorizationUrl(server, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes,
      code_challenge: await lib.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url, flow };
  }

  /**
   * Exchanges the callback's code and checks the id token (signature, issuer,
   * audience, expiry, nonce); returns its claims, completed by userinfo's.
   */
  async finish(callbackQuery: string, flow: SignInFlow): Promise<Record<string, unknown>> {
    const { lib, server } = await this.connect();
    // The URL the provider redirected to, whatever proxy the request came through.
    const callbackUrl = new URL(this.settings.redirectUrl);
    callbackUrl.search = callbackQuery;
    let tokens: Awaited<ReturnType<OpenIdClient['authorizationCodeGrant']>>;
    try {
      tokens = await lib.authorizationCodeGrant(server, callbackUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      if (error instanceof lib.AuthorizationResponseError) {
        const reason = error.error === 'access_denied' ? 'cancelled' : 'failed';
        throw new SignInRefused(reason, `provider answered ${error.error}`);
      }
      throw new SignInRefused('failed', (error as Error).message);
    }
    const idToken = tokens.claims()!;
    if (!server.serverMetadata().userinfo_endpoint) return { ...idToken };
    try {
      const userinfo = await lib.fetchUserInfo(server, tokens.access_token, idToken.sub);
      return { ...userinfo, ...idToken };
    } catch (error) {
      // An access token meant for another API (Entra ID with custom scopes) may
      // not open userinfo; the id token alone still says who signed in.
      this.logger.warn({ err: (error as Error).message }, 'userinfo not read; id token used');
      return { ...idToken };
    }
  }

  private connect() {
    this.connection ??= this.discover().catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    });
    return this.connection;
  }

  private async discover() {
    const settings = this.settings;
    const lib = await importEsm<OpenIdClient>('openid-client');
    const server = await lib.discovery(
      new URL(settings.issuerUrl),
      settings.clientId,
      settings.clientSecret,
      undefined,
      {
        execute: settings.allowInsecureHttp ? [lib.allowInsecureRequests] : [],
        timeout: DISCOVERY_TIMEOUT_SECONDS,
      },
    );
    return { lib, server };
  }
}
