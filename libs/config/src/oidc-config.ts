import type { Environment } from './environment';
import { type GroupMap, parseGroupMap } from './oidc-group-map';

/** Single sign-on through an OpenID Connect provider (authorization code with PKCE). */
export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  scopes: string;
  groupsClaim: string;
  groupMap: GroupMap;
  providerName: string;
  /** An http:// issuer is accepted only on this machine (a local Keycloak, tests). */
  allowInsecureHttp: boolean;
}

const OIDC_VARIABLES = [
  'OIDC_ISSUER_URL',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_GROUP_MAP',
] as const;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The OIDC settings, undefined when none is given; every problem is pushed to
 * `problems`. Issuer, client id, secret and group map go together.
 */
export function oidcConfigOf(
  env: Environment,
  publicUrl: string,
  problems: string[],
): OidcConfig | undefined {
  const given = OIDC_VARIABLES.filter((name) => env[name] !== undefined);
  const passwordLogin = env.PASSWORD_LOGIN !== 'false';
  if (given.length === 0) {
    if (!passwordLogin) {
      problems.push('PASSWORD_LOGIN=false needs single sign-on (OIDC_ISSUER_URL and the rest)');
    }
    return undefined;
  }
  const missing = OIDC_VARIABLES.filter((name) => env[name] === undefined);
  if (missing.length > 0) {
    problems.push(`Single sign-on needs ${missing.join(', ')} too (${given.join(', ')} is set)`);
    return undefined;
  }
  let issuer: URL;
  try {
    issuer = new URL(env.OIDC_ISSUER_URL!);
  } catch {
    return undefined; // already reported by the variable's own check
  }
  const allowInsecureHttp = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
  if (issuer.protocol === 'http:' && !allowInsecureHttp) {
    problems.push('OIDC_ISSUER_URL must be https (http only for localhost)');
  }
  const parsed = parseGroupMap(env.OIDC_GROUP_MAP!);
  if ('problems' in parsed) {
    problems.push(...parsed.problems);
    return undefined;
  }
  return {
    issuerUrl: env.OIDC_ISSUER_URL!,
    clientId: env.OIDC_CLIENT_ID!,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    redirectUrl: env.OIDC_REDIRECT_URL ?? `${publicUrl}/api/v1/auth/oidc/callback`,
    scopes: env.OIDC_SCOPES,
    groupsClaim: env.OIDC_GROUPS_CLAIM,
    groupMap: parsed.map,
    providerName: env.OIDC_PROVIDER_NAME.trim(),
    allowInsecureHttp,
  };
}
