import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../ui/CheckboxField';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import type { Team } from '../teams/types';
import type { LevelForm } from './form';

/** One escalation level: when it fires and whom it mails. */
export function LevelFields({
  index,
  value,
  teams,
  onChange,
  onRemove,
}: {
  index: number;
  value: LevelForm;
  teams: Team[];
  onChange: (value: LevelForm) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const set = (change: Partial<LevelForm>) => onChange({ ...value, ...change });
  const title = t('slaPolicies.level.title', { level: index + 1 });
  return (
    <fieldset className="level">
      <legend>{title}</legend>
      <div className="form-grid">
        <SelectField
          label={t('slaPolicies.level.on')}
          value={value.on}
          options={(['WARNING', 'BREACH'] as const).map((on) => ({
            id: on,
            name: t(`slaPolicies.level.onKind.${on}`),
          }))}
          onChange={(on) => set({ on: on as LevelForm['on'] })}
        />
        <TextField
          label={t('slaPolicies.level.afterMinutes')}
          description={t('slaPolicies.level.afterMinutesHint')}
          inputMode="numeric"
          value={value.afterMinutes}
          onChange={(afterMinutes) => set({ afterMinutes })}
        />
      </div>
      <div
        className="recipients"
        role="group"
        aria-label={t('slaPolicies.level.recipients', { level: index + 1 })}
      >
        <p className="recipients-label">{t('slaPolicies.level.recipientsLabel')}</p>
        <CheckboxField
          isSelected={value.threadTeamLeads}
          onChange={(threadTeamLeads) => set({ threadTeamLeads })}
        >
          {t('slaPolicies.level.threadTeamLeads')}
        </CheckboxField>
        {teams.map((team) => (
          <CheckboxField
            key={team.id}
            isSelected={value.teamIds.includes(team.id)}
            onChange={(selected) =>
              set({
                teamIds: selected
                  ? [...value.teamIds, team.id]
                  : value.teamIds.filter((id) => id !== team.id),
              })
            }
          >
            {t('slaPolicies.level.leadsOf', { team: team.name })}
          </CheckboxField>
        ))}
        <TextField
          label={t('slaPolicies.level.addresses')}
          description={t('slaPolicies.level.addressesHint')}
          value={value.addresses}
          onChange={(addresses) => set({ addresses })}
        />
      </div>
      <Button className="button small subtle" onPress={onRemove}>
        {t('slaPolicies.level.remove', { level: index + 1 })}
      </Button>
    </fieldset>
  );
}
