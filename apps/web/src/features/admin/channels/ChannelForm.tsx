import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { announce } from '../../../ui/announce';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { useDirectory } from '../../inbox/queries';
import { ConnectionResult } from './ConnectionResult';
import {
  configOf,
  FIELD_GROUPS,
  fieldOfError,
  type FieldSpec,
  type FormValues,
  secretKeysOf,
  valuesOf,
} from './fields';
import { errorText, isPolled } from './health';
import { SecretField } from './SecretField';
import {
  useCreateChannel,
  useEmailChannels,
  useSlaPolicyNames,
  useTestConnection,
  useUpdateChannel,
} from './queries';
import { CHANNEL_TYPES, type Channel, type ChannelInput, type ChannelType } from './types';

const NONE = 'none';
const GENERAL_FIELDS = ['name', 'teamId', 'slaPolicyId', 'pollIntervalSeconds'];

/** A channel's settings, fitted to its type: creates one, or edits `channel`. */
export function ChannelForm({
  channel,
  onSaved,
}: {
  channel?: Channel;
  onSaved: (channel: Channel) => void;
}) {
  const { t, i18n } = useTranslation();
  const [type, setType] = useState<ChannelType>(channel?.type ?? 'EMAIL');
  const [name, setName] = useState(channel?.name ?? '');
  const [teamId, setTeamId] = useState(channel?.teamId ?? NONE);
  const [slaPolicyId, setSlaPolicyId] = useState(channel?.slaPolicyId ?? NONE);
  const [pollInterval, setPollInterval] = useState(String(channel?.pollIntervalSeconds ?? 60));
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);
  const [values, setValues] = useState<FormValues>(() => valuesOf(type, channel?.config));
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [replacing, setReplacing] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const directory = useDirectory();
  const policies = useSlaPolicyNames();
  const mailboxes = useEmailChannels();
  const create = useCreateChannel();
  const update = useUpdateChannel(channel?.id ?? '');
  const test = useTestConnection(channel?.id);
  const stored = new Set(channel?.secretsSet ?? []);

  const changeType = (next: ChannelType) => {
    setType(next);
    setValues(valuesOf(next));
    setSecrets({});
    setErrors({});
    test.reset();
  };
  const setValue = (key: string, value: string | boolean) =>
    setValues((current) => ({ ...current, [key]: value }));

  /** The secrets typed in: all of a new channel's, only the replaced ones of a stored one. */
  const typedSecrets = () =>
    Object.fromEntries(
      secretKeysOf(type)
        .filter((key) => secrets[key] && (!stored.has(key) || replacing.has(key)))
        .map((key) => [key, secrets[key]]),
    );

  const body = (): ChannelInput => ({
    type,
    name: name.trim(),
    ...(teamId !== NONE ? { teamId } : {}),
    ...(slaPolicyId !== NONE ? { slaPolicyId } : {}),
    ...(isPolled({ type }) ? { pollIntervalSeconds: Number(pollInterval) } : {}),
    enabled,
    config: configOf(type, values),
    secrets: typedSecrets(),
  });

  const labelOf = (key: string) =>
    GENERAL_FIELDS.includes(key)
      ? t(
          `channels.form.${key === 'pollIntervalSeconds' ? 'pollInterval' : key.replace(/Id$/, '')}`,
        )
      : t(`channels.field.${key}`);

  /** Puts an API refusal at the field it names, and says it aloud either way. */
  const showError = (error: unknown) => {
    const message = error instanceof ApiError ? error.message : String(error);
    const known = [
      ...GENERAL_FIELDS,
      ...FIELD_GROUPS[type].flatMap((g) => g.fields.map((f) => f.key)),
    ];
    const field =
      error instanceof ApiError && error.status === 400 ? fieldOfError(message, known) : null;
    if (field) {
      const text = errorText(t, message);
      setErrors({ [field]: text });
      setFormError(`${labelOf(field)}: ${text}`);
    } else {
      setErrors({});
      setFormError(t('channels.form.error', { message }));
    }
  };

  const runTest = () => {
    setErrors({});
    setFormError(null);
    const { config, secrets: typed } = body();
    test.mutate(channel ? { config, secrets: typed } : body(), {
      onSuccess: (result) =>
        announce(
          result.ok
            ? t('channels.form.testOk')
            : t('channels.form.testFailed', {
                problem: t(`channels.problem.${result.problem ?? 'UNKNOWN'}`),
              }),
        ),
      onError: showError,
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const { type: _type, ...changes } = body();
    if (channel) {
      update.mutate(
        {
          ...changes,
          // null takes the team or policy away (the API's schema calls it optional).
          teamId: (teamId !== NONE ? teamId : null) as string | undefined,
          slaPolicyId: (slaPolicyId !== NONE ? slaPolicyId : null) as string | undefined,
        },
        { onSuccess: onSaved, onError: showError },
      );
    } else {
      create.mutate(body(), { onSuccess: onSaved, onError: showError });
    }
  };

  const renderField = (spec: FieldSpec) => {
    const label = t(`channels.field.${spec.key}`);
    const hintKey = `channels.field.${spec.key}Hint`;
    const hint = i18n.exists(hintKey) ? t(hintKey) : undefined;
    const error = errors[spec.key];
    if (spec.kind === 'secret') {
      return (
        <SecretField
          key={spec.key}
          label={label}
          hint={hint}
          masked={spec.masked ?? true}
          isStored={stored.has(spec.key)}
          isReplacing={replacing.has(spec.key)}
          value={secrets[spec.key] ?? ''}
          errorMessage={error}
          onChange={(value) => setSecrets((current) => ({ ...current, [spec.key]: value }))}
          onReplacing={(on) =>
            setReplacing((current) => {
              const next = new Set(current);
              if (on) next.add(spec.key);
              else next.delete(spec.key);
              return next;
            })
          }
        />
      );
    }
    if (spec.kind === 'mailbox') {
      return (
        <SelectField
          key={spec.key}
          label={label}
          description={hint}
          errorMessage={error}
          value={String(values[spec.key] || NONE)}
          options={[
            { id: NONE, name: t('channels.field.replyChannelNone') },
            ...(mailboxes.data ?? []),
          ]}
          onChange={(id) => setValue(spec.key, id === NONE ? '' : id)}
          className="wide"
        />
      );
    }
    if (spec.kind === 'switch') {
      return (
        <Checkbox
          key={spec.key}
          className="checkbox labelled-checkbox"
          isSelected={Boolean(values[spec.key])}
          onChange={(on) => setValue(spec.key, on)}
        >
          <span className="checkbox-box" aria-hidden="true" />
          {label}
        </Checkbox>
      );
    }
    return (
      <TextField
        key={spec.key}
        label={label}
        description={hint || undefined}
        value={String(values[spec.key] ?? '')}
        onChange={(value) => setValue(spec.key, value)}
        errorMessage={error}
        multiline={spec.kind === 'lines'}
        rows={3}
        inputMode={spec.kind === 'port' ? 'numeric' : undefined}
        type={spec.kind === 'text' && spec.inputType === 'email' ? 'email' : 'text'}
        isRequired={
          spec.kind === 'text' || spec.kind === 'port'
            ? !('optional' in spec && spec.optional)
            : false
        }
        className={spec.kind === 'lines' ? 'wide' : ''}
      />
    );
  };

  const teamOptions = [
    { id: NONE, name: t('channels.form.noTeam') },
    ...(directory.data?.teams ?? []),
  ];
  const policyOptions = [
    { id: NONE, name: t('channels.form.noSlaPolicy') },
    ...(policies.data ?? []),
  ];

  return (
    <Form className="channel-form" onSubmit={submit} validationBehavior="aria">
      <fieldset className="form-section">
        <legend>{t('channels.groups.general')}</legend>
        <div className="form-grid">
          {!channel && (
            <SelectField
              label={t('channels.new.type')}
              value={type}
              options={CHANNEL_TYPES.map((id) => ({ id, name: t(`channel.${id}`) }))}
              onChange={(id) => changeType(id as ChannelType)}
            />
          )}
          <TextField
            label={t('channels.form.name')}
            description={t('channels.form.nameHint')}
            value={name}
            onChange={setName}
            isRequired
            errorMessage={errors.name}
          />
          <SelectField
            label={t('channels.form.team')}
            value={teamId}
            options={teamOptions}
            onChange={setTeamId}
          />
          <SelectField
            label={t('channels.form.slaPolicy')}
            value={slaPolicyId}
            options={policyOptions}
            onChange={setSlaPolicyId}
          />
          {isPolled({ type }) && (
            <TextField
              label={t('channels.form.pollInterval')}
              description={t('channels.form.pollIntervalHint')}
              value={pollInterval}
              onChange={setPollInterval}
              inputMode="numeric"
              errorMessage={errors.pollIntervalSeconds}
            />
          )}
          <Checkbox
            className="checkbox labelled-checkbox"
            isSelected={enabled}
            onChange={setEnabled}
          >
            <span className="checkbox-box" aria-hidden="true" />
            {t('channels.form.enabled')}
          </Checkbox>
        </div>
      </fieldset>
      {FIELD_GROUPS[type].map((group) => (
        <fieldset key={group.legend} className="form-section">
          <legend>{t(`channels.groups.${group.legend}`)}</legend>
          <div className="form-grid">
            {group.fields.filter((spec) => spec.kind !== 'switch').map(renderField)}
            {group.fields.some((spec) => spec.kind === 'switch') && (
              <div className="switch-row wide">
                {group.fields.filter((spec) => spec.kind === 'switch').map(renderField)}
              </div>
            )}
          </div>
        </fieldset>
      ))}
      <p className="form-error" role="alert">
        {formError}
      </p>
      <ConnectionResult result={test.data} isPending={test.isPending} />
      <div className="form-actions">
        <Button
          type="submit"
          className="button primary"
          isPending={create.isPending || update.isPending}
        >
          {t(channel ? 'channels.form.save' : 'channels.form.create')}
        </Button>
        {isPolled({ type }) && (
          <Button className="button" onPress={runTest} isPending={test.isPending}>
            {t('channels.form.test')}
          </Button>
        )}
      </div>
    </Form>
  );
}
