import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/TextField';

/**
 * A write-only setting: once stored it shows as "set" with a button to
 * replace it, never its value. A new value is typed in a password field.
 */
export function SecretField({
  label,
  hint,
  isStored,
  isReplacing,
  masked = true,
  value,
  errorMessage,
  onChange,
  onReplacing,
}: {
  label: string;
  hint?: string;
  isStored: boolean;
  isReplacing: boolean;
  masked?: boolean;
  value: string;
  errorMessage?: string;
  onChange: (value: string) => void;
  onReplacing: (replacing: boolean) => void;
}) {
  const { t } = useTranslation();
  if (isStored && !isReplacing) {
    return (
      <div className="field secret-field" role="group" aria-label={label}>
        <span className="secret-label">{label}</span>
        <div className="secret-state">
          <span className="secret-set">
            <span aria-hidden="true">●●●● </span>
            {t('channels.secret.set')}
          </span>
          <Button
            className="button small"
            aria-label={t('channels.secret.replaceFor', { label })}
            onPress={() => onReplacing(true)}
          >
            {t('channels.secret.replace')}
          </Button>
        </div>
        {errorMessage && <p className="form-error">{errorMessage}</p>}
      </div>
    );
  }
  return (
    <div className="secret-field">
      <TextField
        label={label}
        type={masked ? 'password' : 'text'}
        autoComplete={masked ? 'new-password' : 'off'}
        spellCheck="false"
        value={value}
        onChange={onChange}
        description={[hint, isStored ? t('channels.secret.writeOnly') : '']
          .filter(Boolean)
          .join(' ')}
        errorMessage={errorMessage}
        autoFocus={isReplacing}
      />
      {isStored && (
        <Button
          className="button small subtle"
          aria-label={t('channels.secret.keepFor', { label })}
          onPress={() => {
            onChange('');
            onReplacing(false);
          }}
        >
          {t('channels.secret.keep')}
        </Button>
      )}
    </div>
  );
}
