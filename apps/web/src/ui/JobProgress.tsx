import { Label, ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/**
 * A long job's progress as a labelled progress bar with the figures in words
 * ("120 of 400"); without a total it shows an indeterminate bar.
 */
export function JobProgress({
  label,
  done,
  total,
}: {
  label: string;
  done: number;
  total?: number | null;
}) {
  const { t } = useTranslation();
  const known = total !== undefined && total !== null && total > 0;
  return (
    <ProgressBar
      className="job-progress"
      value={known ? done : undefined}
      maxValue={known ? total : undefined}
      isIndeterminate={!known}
      valueLabel={known ? t('common.progressOf', { done, total }) : t('common.progressStarted')}
    >
      {({ percentage, valueText }) => (
        <>
          <div className="job-progress-head">
            <Label>{label}</Label>
            <span className="muted">{valueText}</span>
          </div>
          <div className="job-progress-track">
            <div
              className="job-progress-fill"
              style={{ width: `${known ? (percentage ?? 0) : 100}%` }}
            />
          </div>
        </>
      )}
    </ProgressBar>
  );
}
