import { Focusable, Tooltip, TooltipTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SlaState } from '../../api/types';
import { formatFull, formatRelative, useLanguage } from '../../ui/format';

/**
 * The SLA state in words (never colour alone); the due time is in a tooltip
 * that opens on hover and on keyboard focus.
 */
export function SlaBadge({
  state,
  dueAt,
  now,
}: {
  state: SlaState;
  dueAt: string | null;
  now: number;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (state === 'NONE') return null;
  const label = t(`sla.state.${state}`);
  const due = dueAt
    ? t(state === 'BREACHED' ? 'sla.tooltip.wasDue' : 'sla.tooltip.due', {
        time: formatFull(dueAt, language),
        relative: formatRelative(dueAt, language, now),
      })
    : t('sla.tooltip.noDue');
  return (
    <TooltipTrigger delay={400} closeDelay={100}>
      <Focusable>
        {/* Focusable so that keyboard users get the due time too. */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <span className={`sla-badge sla-${state.toLowerCase()}`} tabIndex={0}>
          <span aria-hidden="true" className="sla-dot" />
          {label}
        </span>
      </Focusable>
      <Tooltip className="tooltip" offset={6}>
        {due}
      </Tooltip>
    </TooltipTrigger>
  );
}
