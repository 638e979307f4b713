import { useId, useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Form, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { announce } from '../../../ui/announce';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { DryRunResult } from './DryRunResult';
import { useDryRun, useSavePolicy } from './queries';
import {
  CHANNEL_TYPES,
  type RetentionAction,
  type RetentionChannelType,
  type RetentionPolicy,
  type RetentionRule,
  RETENTION_ACTIONS,
} from './types';

const MAX_DAYS = 36_500;

const tagsOf = (text: string) =>
  [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim().toLowerCase())
        .filter(Boolean),
    ),
  ].sort();

/**
 * Creates or edits a policy. The rule's dry run (what it would take today)
 * must be shown for the rule as it stands before it can be saved.
 */
export function PolicyEditor({
  policy,
  onSaved,
  onCancel,
}: {
  policy: RetentionPolicy | null;
  onSaved: (policy: RetentionPolicy) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [name, setName] = useState(policy?.name ?? '');
  const [action, setAction] = useState<RetentionAction>(policy?.action ?? 'DELETE');
  const [afterDays, setAfterDays] = useState(String(policy?.afterDays ?? 365));
  const [channelTypes, setChannelTypes] = useState<RetentionChannelType[]>(
    policy?.channelTypes ?? [],
  );
  const [tags, setTags] = useState(policy?.tags.join(', ') ?? '');
  const [enabled, setEnabled] = useState(policy?.enabled ?? true);
  const [nameError, setNameError] = useState<string>();
  const [previewedRule, setPreviewedRule] = useState<string | null>(null);
  const dryRun = useDryRun();
  const save = useSavePolicy(policy?.id ?? null);

  const days = Number(afterDays);
  const daysError =
    Number.isInteger(days) && days >= 1 && days <= MAX_DAYS
      ? undefined
      : t('records.retention.afterDaysError', { max: MAX_DAYS });
  const rule: RetentionRule = {
    action,
    afterDays: days,
    channelTypes: [...channelTypes].sort(),
    tags: tagsOf(tags),
  };
  const ruleKey = JSON.stringify(rule);
  const previewIsCurrent = dryRun.data !== undefined && previewedRule === ruleKey;

  const preview = () => {
    if (daysError) return;
    dryRun.mutate(rule, {
      onSuccess: (result) => {
        setPreviewedRule(ruleKey);
        announce(t('records.retention.dryRun.found', { count: result.total }));
      },
    });
  };
  const submit = () => {
    if (!name.trim()) {
      setNameError(t('records.retention.nameRequired'));
      return;
    }
    setNameError(undefined);
    if (!previewIsCurrent || daysError) return;
    save.mutate(
      { ...rule, name: name.trim(), enabled },
      {
        onSuccess: (saved) => {
          announce(t('records.retention.saved', { name: saved.name }));
          onSaved(saved);
        },
      },
    );
  };

  return (
    <section className="panel-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {policy
          ? t('records.retention.editTitle', { name: policy.name })
          : t('records.retention.new')}
      </h2>
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="form-grid">
          <TextField
            label={t('records.retention.name')}
            value={name}
            onChange={setName}
            errorMessage={nameError}
            isRequired
            maxLength={100}
          />
          <SelectField
            label={t('records.retention.action')}
            value={action}
            onChange={(id) => setAction(id as RetentionAction)}
            options={RETENTION_ACTIONS.map((id) => ({
              id,
              name: t(`records.retention.actions.${id}`),
            }))}
          />
          <TextField
            label={t('records.retention.afterDaysLabel')}
            description={t('records.retention.afterDaysHelp')}
            value={afterDays}
            onChange={setAfterDays}
            inputMode="numeric"
            errorMessage={daysError}
          />
          <TextField
            label={t('records.retention.tags')}
            description={t('records.retention.tagsHelp')}
            value={tags}
            onChange={setTags}
          />
        </div>
        <CheckboxGroup
          className="checkbox-group"
          value={channelTypes}
          onChange={(values) => setChannelTypes(values as RetentionChannelType[])}
        >
          <Label>{t('records.retention.channelTypes')}</Label>
          <p className="hint muted">{t('records.retention.channelTypesHelp')}</p>
          <div className="checkbox-row">
            {CHANNEL_TYPES.map((type) => (
              <Checkbox key={type} value={type} className="checkbox">
                <span className="checkbox-box" aria-hidden="true" />
                {t(`channel.${type}`)}
              </Checkbox>
            ))}
          </div>
        </CheckboxGroup>
        <Checkbox className="checkbox" isSelected={enabled} onChange={setEnabled}>
          <span className="checkbox-box" aria-hidden="true" />
          {t('records.retention.enabledLabel')}
        </Checkbox>
        {dryRun.isError && (
          <p className="form-error" role="alert">
            {dryRun.error.message}
          </p>
        )}
        {save.isError && (
          <p className="form-error" role="alert">
            {save.error.message}
          </p>
        )}
        {!previewIsCurrent && <p className="hint muted">{t('records.retention.previewFirst')}</p>}
        <div className="form-actions">
          <Button className="button" onPress={preview} isPending={dryRun.isPending}>
            {t('records.retention.dryRun.button')}
          </Button>
          <Button
            type="submit"
            className="button primary"
            isDisabled={!previewIsCurrent}
            isPending={save.isPending}
          >
            {t('records.retention.save')}
          </Button>
          <Button className="button" onPress={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </Form>
      {dryRun.data && <DryRunResult result={dryRun.data} stale={!previewIsCurrent} />}
    </section>
  );
}
