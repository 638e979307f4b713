/** The roles a group may grant, highest first (the names of the database's UserRole). */
export const GRANTABLE_ROLES = ['ADMIN', 'LEAD', 'AGENT'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/** What membership of one identity-provider group gives in Svara. */
export interface GroupGrant {
  role?: GrantableRole;
  /** Team names, as the teams are called in Svara. */
  teams: string[];
}

export type GroupMap = ReadonlyMap<string, GroupGrant>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads OIDC_GROUP_MAP: a JSON object from group (as the provider's groups
 * claim carries it: a name, a path or an object id) to `{ role?, teams? }`.
 * Returns the map, or the problems found, each naming the group it is about.
 */
export function parseGroupMap(raw: string): { map: GroupMap } | { problems: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return { problems: [`OIDC_GROUP_MAP is not valid JSON: ${(error as Error).message}`] };
  }
  if (!isPlainObject(parsed)) {
    return {
      problems: [
        'OIDC_GROUP_MAP must be a JSON object from group to {"role": ..., "teams": [...]}',
      ],
    };
  }
  const problems: string[] = [];
  const map = new Map<string, GroupGrant>();
  const entries = Object.entries(parsed);
  if (entries.length === 0) problems.push('OIDC_GROUP_MAP names no group: nobody could sign in');
  for (const [group, value] of entries) {
    const where = `OIDC_GROUP_MAP["${group}"]`;
    if (group.trim() === '') {
      problems.push('OIDC_GROUP_MAP has an empty group name');
      continue;
    }
    if (!isPlainObject(value)) {
      problems.push(
        `${where} must be an object such as {"role": "AGENT", "teams": ["Kundtjänst"]}`,
      );
      continue;
    }
    const unknownKeys = Object.keys(value).filter((key) => key !== 'role' && key !== 'teams');
    if (unknownKeys.length > 0) {
      problems.push(`${where} has unknown keys: ${unknownKeys.join(', ')} (allowed: role, teams)`);
    }
    const { role, teams = [] } = value;
    if (role !== undefined && !GRANTABLE_ROLES.includes(role as GrantableRole)) {
      problems.push(`${where}.role must be one of ${GRANTABLE_ROLES.join(', ')}`);
    }
    const teamList = Array.isArray(teams) ? teams : undefined;
    if (!teamList || teamList.some((team) => typeof team !== 'string' || team.trim() === '')) {
      problems.push(`${where}.teams must be a list of team names`);
    }
    if (role === undefined && teamList?.length === 0) {
      problems.push(`${where} grants nothing: give it a role, teams, or both`);
    }
    map.set(group, {
      ...(role === undefined ? {} : { role: role as GrantableRole }),
      teams: [...new Set((teamList ?? []).map((team) => String(team).trim()))],
    });
  }
  return problems.length > 0 ? { problems } : { map };
}

/** What a person's groups give together: the highest role of any, and every team of all. */
export function grantsFor(
  map: GroupMap,
  groups: readonly string[],
): { role?: GrantableRole; teams: string[] } {
  const matched = groups.flatMap((group) => map.get(group) ?? []);
  const role = GRANTABLE_ROLES.find((candidate) =>
    matched.some((grant) => grant.role === candidate),
  );
  const teams = [...new Set(matched.flatMap((grant) => grant.teams))];
  return role ? { role, teams } : { teams };
}

/** Every team the map names: memberships of these follow the provider's groups. */
export function mappedTeams(map: GroupMap): string[] {
  return [...new Set([...map.values()].flatMap((grant) => grant.teams))];
}
