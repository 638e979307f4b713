import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../ui/CheckboxField';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import type { CountFrom, TargetForm, Unit, Warning } from './form';
import type { TargetName } from './types';

/** One promise of a policy: minutes or working days (with where counting starts), and its warning. */
export function TargetFields({
  name,
  value,
  onChange,
}: {
  name: TargetName;
  value: TargetForm;
  onChange: (value: TargetForm) => void;
}) {
  const { t } = useTranslation();
  const set = (change: Partial<TargetForm>) => onChange({ ...value, ...change });
  const title = t(`slaPolicies.target.${name}`);
  return (
    <fieldset className="target">
      <legend>{title}</legend>
      <CheckboxField isSelected={value.enabled} onChange={(enabled) => set({ enabled })}>
        {t('slaPolicies.target.enabled')}
      </CheckboxField>
      {value.enabled && (
        <div className="form-grid">
          <SelectField
            label={t('slaPolicies.target.unit')}
            value={value.unit}
            options={(['workingDays', 'minutes'] as const).map((unit) => ({
              id: unit,
              name: t(`slaPolicies.unit.${unit}`),
            }))}
            onChange={(unit) => set({ unit: unit as Unit })}
          />
          <TextField
            label={t(`slaPolicies.amount.${value.unit}`)}
            description={t(`slaPolicies.amountHint.${value.unit}`)}
            inputMode="numeric"
            value={value.amount}
            onChange={(amount) => set({ amount })}
            isRequired
          />
          {value.unit === 'workingDays' && (
            <SelectField
              label={t('slaPolicies.target.countFrom')}
              value={value.countFrom}
              options={(['arrivalDay', 'nextOpening'] as const).map((from) => ({
                id: from,
                name: t(`slaPolicies.countFrom.${from}`),
              }))}
              onChange={(countFrom) => set({ countFrom: countFrom as CountFrom })}
            />
          )}
          <SelectField
            label={t('slaPolicies.target.warning')}
            value={value.warning}
            options={(['none', 'before', 'percent'] as const).map((warning) => ({
              id: warning,
              name: t(`slaPolicies.warning.${warning}`),
            }))}
            onChange={(warning) => set({ warning: warning as Warning })}
          />
          {value.warning !== 'none' && (
            <TextField
              label={t(`slaPolicies.warningAmount.${value.warning}`)}
              inputMode="numeric"
              value={value.warningAmount}
              onChange={(warningAmount) => set({ warningAmount })}
              isRequired
            />
          )}
        </div>
      )}
    </fieldset>
  );
}
