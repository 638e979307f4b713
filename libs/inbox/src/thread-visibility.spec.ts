import type { AuthenticatedUser } from '@svara/http';
import { canSee } from './thread-visibility';

const agent: AuthenticatedUser = {
  id: 'u1',
  email: 'agent@kommun.se',
  name: 'Agent',
  role: 'AGENT',
  teamIds: ['bygg'],
};
const thread = { teamId: null, assigneeId: null, channelTeamId: null };

describe('canSee', () => {
  it("shows an agent their team's threads and no other team's", () => {
    expect(canSee(agent, { ...thread, teamId: 'bygg' })).toBe(true);
    expect(canSee(agent, { ...thread, teamId: 'skola', channelTeamId: 'bygg' })).toBe(false);
  });

  it('shows a thread with no team to the team of its channel', () => {
    expect(canSee(agent, { ...thread, channelTeamId: 'bygg' })).toBe(true);
    expect(canSee(agent, { ...thread, channelTeamId: 'skola' })).toBe(false);
    expect(canSee(agent, thread)).toBe(false);
  });

  it('shows a thread to whoever it is assigned to, and everything to admins', () => {
    expect(canSee(agent, { ...thread, teamId: 'skola', assigneeId: 'u1' })).toBe(true);
    expect(canSee({ ...agent, role: 'ADMIN', teamIds: [] }, { ...thread, teamId: 'skola' })).toBe(
      true,
    );
  });
});
