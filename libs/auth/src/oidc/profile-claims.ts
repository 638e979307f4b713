/** The person as Svara needs them from the provider's claims. */
export interface ProviderProfile {
  subject: string;
  email?: string;
  name?: string;
  groups: string[];
}

type Claims = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The value at a dotted path (`realm_access.roles`), or a claim whose name has dots itself. */
function claimAt(claims: Claims, path: string): unknown {
  if (path in claims) return claims[path];
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null ? (value as Claims)[key] : undefined,
      claims,
    );
}

/**
 * Reads the id token's claims (with the userinfo answer's for what the id
 * token leaves out). Entra ID carries the address in `email` or, for many
 * tenants, only in `preferred_username`/`upn`; groups may be a list or one value.
 */
export function profileOf(claims: Claims, groupsClaim: string): ProviderProfile {
  const groups = claimAt(claims, groupsClaim);
  const email = [claims.email, claims.preferred_username, claims.upn]
    .map(text)
    .find((value) => value?.includes('@'));
  const fullName = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  return {
    subject: String(claims.sub),
    email: email?.toLowerCase(),
    name: text(claims.name) ?? (fullName || undefined),
    groups: (Array.isArray(groups) ? groups : groups === undefined ? [] : [groups])
      .filter((group): group is string | number => ['string', 'number'].includes(typeof group))
      .map(String),
  };
}
