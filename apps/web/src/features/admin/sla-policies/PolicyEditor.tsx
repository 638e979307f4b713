import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { useCalendars } from '../calendars/queries';
import { useTeams } from '../teams/queries';
import { DuePreviewPanel } from './DuePreviewPanel';
import { emptyPolicyForm, inputOf, newLevel, type PolicyForm, policyForm } from './form';
import { LevelFields } from './LevelFields';
import { usePolicies, useSavePolicy } from './queries';
import { RecomputationProgress } from './RecomputationProgress';
import { TargetFields } from './TargetFields';
import { type SlaPolicy, TARGET_NAMES } from './types';

const MAX_LEVELS = 9;

/** Creates a policy or changes one; a change shows the recomputation of open threads live. */
export function PolicyEditor({
  policy,
  onSaved,
  onCancel,
}: {
  policy?: SlaPolicy;
  onSaved: (policy: SlaPolicy) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const calendars = useCalendars().data ?? [];
  const teams = useTeams().data ?? [];
  usePolicies();
  const [form, setForm] = useState<PolicyForm>(() =>
    policy ? policyForm(policy) : emptyPolicyForm(calendars[0]?.id),
  );
  const [recomputationId, setRecomputationId] = useState<string | null>(null);
  const save = useSavePolicy();
  const set = (change: Partial<PolicyForm>) => setForm((current) => ({ ...current, ...change }));
  const calendarId = form.calendarId || calendars[0]?.id || '';
  const current = { ...form, calendarId };
  const title = policy ? t('slaPolicies.editTitle', { name: policy.name }) : t('slaPolicies.new');

  return (
    <div className="policy-editor">
      <Form
        className="admin-panel"
        aria-label={title}
        onSubmit={(event) => {
          event.preventDefault();
          setRecomputationId(null);
          save.mutate(
            { id: policy?.id, body: inputOf(current, !policy) },
            {
              onSuccess: (saved) => {
                setRecomputationId(
                  (saved as { recomputationId?: string | null }).recomputationId ?? null,
                );
                onSaved(saved);
              },
            },
          );
        }}
      >
        <h2>{title}</h2>
        <div className="form-grid">
          <TextField
            label={t('slaPolicies.name')}
            value={form.name}
            onChange={(name) => set({ name })}
            isRequired
          />
          <SelectField
            label={t('slaPolicies.calendar')}
            value={calendarId}
            options={calendars.map((calendar) => ({ id: calendar.id, name: calendar.name }))}
            onChange={(id) => set({ calendarId: id })}
          />
          <SelectField
            label={t('slaPolicies.locale')}
            value={form.locale}
            options={[
              { id: 'sv', name: t('slaPolicies.localeName.sv') },
              { id: 'en', name: t('slaPolicies.localeName.en') },
            ]}
            onChange={(locale) => set({ locale: locale as PolicyForm['locale'] })}
          />
        </div>
        <h3>{t('slaPolicies.targets')}</h3>
        {TARGET_NAMES.map((name) => (
          <TargetFields
            key={name}
            name={name}
            value={form.targets[name]}
            onChange={(target) => set({ targets: { ...form.targets, [name]: target } })}
          />
        ))}
        <h3>{t('slaPolicies.levels')}</h3>
        {form.levels.length === 0 && <p className="muted">{t('slaPolicies.noLevels')}</p>}
        {form.levels.map((level, index) => (
          <LevelFields
            key={index}
            index={index}
            value={level}
            teams={teams}
            onChange={(changed) =>
              set({ levels: form.levels.map((l, i) => (i === index ? changed : l)) })
            }
            onRemove={() => set({ levels: form.levels.filter((_, i) => i !== index) })}
          />
        ))}
        {form.levels.length < MAX_LEVELS && (
          <Button
            className="button small"
            onPress={() => set({ levels: [...form.levels, newLevel()] })}
          >
            {t('slaPolicies.addLevel')}
          </Button>
        )}
        <p className="form-error" role="alert">
          {save.error?.message}
        </p>
        {recomputationId && <RecomputationProgress id={recomputationId} />}
        <div className="form-actions">
          <Button type="submit" className="button primary" isPending={save.isPending}>
            {t('slaPolicies.save')}
          </Button>
          <Button className="button" onPress={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </Form>
      <DuePreviewPanel
        form={current}
        timeZone={calendars.find((c) => c.id === calendarId)?.timeZone}
      />
    </div>
  );
}
