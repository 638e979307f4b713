import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../ui/CheckboxField';
import { SelectField } from '../../../ui/SelectField';
import { RecomputationProgress } from '../sla-policies/RecomputationProgress';
import type { SlaPolicy } from '../sla-policies/types';
import type { User } from '../users/types';
import { useRemoveMember, useSetMember, useSetTeamPolicy } from './queries';
import type { Team } from './types';

const CHANNEL_POLICY = 'channel';

/** One team: its SLA policy, its members and who leads it. */
export function TeamPanel({
  team,
  users,
  policies,
}: {
  team: Team;
  users: User[];
  policies: SlaPolicy[];
}) {
  const { t } = useTranslation();
  const setPolicy = useSetTeamPolicy();
  const setMember = useSetMember();
  const removeMember = useRemoveMember();
  const [recomputation, setRecomputation] = useState<string | null>(null);
  const [newMember, setNewMember] = useState('');
  const [asLead, setAsLead] = useState(false);
  const headingId = `team-${team.id}`;
  const candidates = users.filter(
    (user) => user.active && !team.members.some((member) => member.userId === user.id),
  );
  const chosen = candidates.some((user) => user.id === newMember)
    ? newMember
    : (candidates[0]?.id ?? '');
  const error = setPolicy.error ?? setMember.error ?? removeMember.error;
  return (
    <section className="admin-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{team.name}</h2>
      <SelectField
        className="team-policy"
        label={t('teams.policy')}
        value={team.slaPolicyId ?? CHANNEL_POLICY}
        options={[
          { id: CHANNEL_POLICY, name: t('teams.channelPolicy') },
          ...policies.map((policy) => ({ id: policy.id, name: policy.name })),
        ]}
        onChange={(id) =>
          setPolicy.mutate(
            { id: team.id, slaPolicyId: id === CHANNEL_POLICY ? null : id },
            {
              onSuccess: (changed) =>
                setRecomputation(
                  (changed as { recomputation?: string | null }).recomputation ?? null,
                ),
            },
          )
        }
      />
      {recomputation && <RecomputationProgress id={recomputation} />}
      {team.members.length === 0 ? (
        <p className="muted">{t('teams.noMembers')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('teams.membersOf', { team: team.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('teams.member')}</th>
              <th scope="col">{t('teams.email')}</th>
              <th scope="col">{t('teams.lead')}</th>
              <th scope="col">{t('teams.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((member) => (
              <tr key={member.userId}>
                <th scope="row">{member.user.name}</th>
                <td>{member.user.email}</td>
                <td>
                  <CheckboxField
                    isSelected={member.isLead}
                    onChange={(isLead) =>
                      setMember.mutate({ id: team.id, userId: member.userId, isLead })
                    }
                  >
                    <span className="visually-hidden">
                      {t('teams.leadOf', { name: member.user.name })}
                    </span>
                    <span aria-hidden="true">{member.isLead ? t('teams.yes') : t('teams.no')}</span>
                  </CheckboxField>
                </td>
                <td>
                  <Button
                    className="button small subtle"
                    aria-label={t('teams.removeNamed', { name: member.user.name })}
                    onPress={() => removeMember.mutate({ id: team.id, userId: member.userId })}
                  >
                    {t('teams.remove')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {candidates.length > 0 && (
        <div className="inline-fields add-member">
          <SelectField
            label={t('teams.addWho', { team: team.name })}
            value={chosen}
            options={candidates.map((user) => ({
              id: user.id,
              name: `${user.name} (${user.email})`,
            }))}
            onChange={setNewMember}
          />
          <CheckboxField isSelected={asLead} onChange={setAsLead}>
            {t('teams.asLead')}
          </CheckboxField>
          <Button
            className="button"
            isPending={setMember.isPending}
            onPress={() =>
              setMember.mutate(
                { id: team.id, userId: chosen, isLead: asLead },
                { onSuccess: () => setAsLead(false) },
              )
            }
          >
            {t('teams.add')}
          </Button>
        </div>
      )}
      <p className="form-error" role="alert">
        {error?.message}
      </p>
    </section>
  );
}
