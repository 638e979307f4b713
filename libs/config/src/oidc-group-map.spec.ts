import { ConfigError, loadConfig } from './app-config';
import { grantsFor, mappedTeams, parseGroupMap } from './oidc-group-map';

const KEY = 'a'.repeat(64);

function problemsOf(raw: string): string[] {
  const result = parseGroupMap(raw);
  return 'problems' in result ? result.problems : [];
}

function mapOf(raw: string) {
  const result = parseGroupMap(raw);
  if ('problems' in result) throw new Error(result.problems.join('; '));
  return result.map;
}

describe('parseGroupMap', () => {
  it('reads roles and teams per group', () => {
    const map = mapOf(
      JSON.stringify({
        'svara-agenter': { role: 'AGENT', teams: ['Kundtjänst', 'Kundtjänst', ' Bygglov '] },
        'svara-admin': { role: 'ADMIN' },
        'bygglov-team': { teams: ['Bygglov'] },
      }),
    );
    expect(map.get('svara-agenter')).toEqual({ role: 'AGENT', teams: ['Kundtjänst', 'Bygglov'] });
    expect(map.get('svara-admin')).toEqual({ role: 'ADMIN', teams: [] });
    expect(map.get('bygglov-team')).toEqual({ teams: ['Bygglov'] });
  });

  it('says what is wrong with JSON that does not parse', () => {
    expect(problemsOf('{"a": ')).toEqual([
      expect.stringMatching(/^OIDC_GROUP_MAP is not valid JSON/),
    ]);
    expect(problemsOf('["AGENT"]')).toEqual([expect.stringContaining('must be a JSON object')]);
    expect(problemsOf('{}')).toEqual([expect.stringContaining('names no group')]);
  });

  it('names the group whose entry is wrong, for every wrong entry', () => {
    const problems = problemsOf(
      JSON.stringify({
        chefer: { role: 'BOSS' },
        agenter: { role: 'AGENT', teams: 'Kundtjänst' },
        tomt: {},
        stavfel: { roles: 'AGENT' },
        lista: ['AGENT'],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'OIDC_GROUP_MAP["chefer"].role must be one of ADMIN, LEAD, AGENT',
        'OIDC_GROUP_MAP["agenter"].teams must be a list of team names',
        'OIDC_GROUP_MAP["tomt"] grants nothing: give it a role, teams, or both',
        'OIDC_GROUP_MAP["stavfel"] has unknown keys: roles (allowed: role, teams)',
        expect.stringMatching(/^OIDC_GROUP_MAP\["lista"\] must be an object/),
      ]),
    );
  });

  it('refuses empty team names', () => {
    expect(problemsOf(JSON.stringify({ g: { role: 'AGENT', teams: ['  '] } }))).toEqual([
      'OIDC_GROUP_MAP["g"].teams must be a list of team names',
    ]);
  });
});

describe('grantsFor', () => {
  const map = mapOf(
    JSON.stringify({
      agenter: { role: 'AGENT', teams: ['Kundtjänst'] },
      chefer: { role: 'LEAD', teams: ['Bygglov'] },
      bygglov: { teams: ['Bygglov', 'Miljö'] },
    }),
  );

  it('gives the highest role of the matched groups and all their teams', () => {
    expect(grantsFor(map, ['agenter', 'chefer', 'okänd'])).toEqual({
      role: 'LEAD',
      teams: ['Kundtjänst', 'Bygglov'],
    });
  });

  it('gives no role when no matched group carries one', () => {
    expect(grantsFor(map, ['bygglov'])).toEqual({ teams: ['Bygglov', 'Miljö'] });
    expect(grantsFor(map, ['okänd'])).toEqual({ teams: [] });
  });

  it('lists every team the map manages', () => {
    expect(mappedTeams(map).sort()).toEqual(['Bygglov', 'Kundtjänst', 'Miljö']);
  });
});

describe('single sign-on configuration', () => {
  const sso = {
    SECRETS_KEY: KEY,
    OIDC_ISSUER_URL: 'https://login.microsoftonline.com/tenant-id/v2.0',
    OIDC_CLIENT_ID: 'svara',
    OIDC_CLIENT_SECRET: 'hemligt',
    OIDC_GROUP_MAP: '{"agenter": {"role": "AGENT"}}',
  };
  const problemsOfEnv = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
  };

  it('is off, with password sign-in on, when nothing is set', () => {
    const config = loadConfig({ SECRETS_KEY: KEY });
    expect(config.oidc).toBeUndefined();
    expect(config.passwordLogin).toBe(true);
  });

  it('derives the callback from PUBLIC_URL and keeps the defaults', () => {
    const config = loadConfig({ ...sso, PUBLIC_URL: 'https://svara.kommun.se/' });
    expect(config.oidc).toMatchObject({
      redirectUrl: 'https://svara.kommun.se/api/v1/auth/oidc/callback',
      scopes: 'openid profile email',
      groupsClaim: 'groups',
      providerName: 'SSO',
      allowInsecureHttp: false,
    });
  });

  it('names what is missing when only part is set', () => {
    expect(problemsOfEnv({ SECRETS_KEY: KEY, OIDC_ISSUER_URL: sso.OIDC_ISSUER_URL })).toEqual([
      expect.stringContaining('OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_GROUP_MAP'),
    ]);
  });

  it('reports a bad group map at start', () => {
    expect(problemsOfEnv({ ...sso, OIDC_GROUP_MAP: '{"agenter": {"role": "KING"}}' })).toEqual([
      'OIDC_GROUP_MAP["agenter"].role must be one of ADMIN, LEAD, AGENT',
    ]);
  });

  it('accepts http only for a provider on this machine', () => {
    expect(problemsOfEnv({ ...sso, OIDC_ISSUER_URL: 'http://idp.kommun.se/realms/svara' })).toEqual(
      ['OIDC_ISSUER_URL must be https (http only for localhost)'],
    );
    const local = loadConfig({ ...sso, OIDC_ISSUER_URL: 'http://localhost:8080/realms/svara' });
    expect(local.oidc?.allowInsecureHttp).toBe(true);
  });

  it('refuses to switch password sign-in off without single sign-on', () => {
    expect(problemsOfEnv({ SECRETS_KEY: KEY, PASSWORD_LOGIN: 'false' })).toEqual([
      expect.stringContaining('PASSWORD_LOGIN=false needs single sign-on'),
    ]);
    expect(loadConfig({ ...sso, PASSWORD_LOGIN: 'false' }).passwordLogin).toBe(false);
    expect(problemsOfEnv({ SECRETS_KEY: KEY, PASSWORD_LOGIN: 'no' })).toEqual([
      'PASSWORD_LOGIN must be true or false',
    ]);
  });
});
