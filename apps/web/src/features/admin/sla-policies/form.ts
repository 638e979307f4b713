import type { EscalationLevel, SlaPolicy, SlaPolicyInput, Target, TargetName } from './types';
import { TARGET_NAMES } from './types';

export type Unit = 'minutes' | 'workingDays';
export type CountFrom = 'arrivalDay' | 'nextOpening';
export type Warning = 'none' | 'before' | 'percent';

export interface TargetForm {
  enabled: boolean;
  unit: Unit;
  amount: string;
  countFrom: CountFrom;
  warning: Warning;
  warningAmount: string;
}

export interface LevelForm {
  on: 'WARNING' | 'BREACH';
  afterMinutes: string;
  threadTeamLeads: boolean;
  teamIds: string[];
  addresses: string;
}

export interface PolicyForm {
  name: string;
  calendarId: string;
  locale: 'sv' | 'en';
  targets: Record<TargetName, TargetForm>;
  levels: LevelForm[];
}

const offTarget = (): TargetForm => ({
  enabled: false,
  unit: 'minutes',
  amount: '',
  countFrom: 'arrivalDay',
  warning: 'none',
  warningAmount: '',
});

export const newLevel = (on: LevelForm['on'] = 'BREACH'): LevelForm => ({
  on,
  afterMinutes: '',
  threadTeamLeads: true,
  teamIds: [],
  addresses: '',
});

export function emptyPolicyForm(calendarId = ''): PolicyForm {
  return {
    name: '',
    calendarId,
    locale: 'sv',
    targets: {
      firstResponse: {
        ...offTarget(),
        enabled: true,
        unit: 'workingDays',
        amount: '1',
        warning: 'before',
        warningAmount: '60',
      },
      nextResponse: offTarget(),
      resolution: offTarget(),
    },
    levels: [newLevel('WARNING'), newLevel('BREACH')],
  };
}

function targetForm(target: Target | null): TargetForm {
  if (!target) return offTarget();
  const workingDays = target.workingDays !== undefined && target.workingDays !== null;
  return {
    enabled: true,
    unit: workingDays ? 'workingDays' : 'minutes',
    amount: String(workingDays ? target.workingDays : (target.minutes ?? '')),
    countFrom: target.countFrom ?? 'arrivalDay',
    warning:
      target.warnBeforeMinutes !== undefined
        ? 'before'
        : target.warnAtPercent !== undefined
          ? 'percent'
          : 'none',
    warningAmount: String(target.warnBeforeMinutes ?? target.warnAtPercent ?? ''),
  };
}

export function policyForm(policy: SlaPolicy): PolicyForm {
  return {
    name: policy.name,
    calendarId: policy.calendarId,
    locale: policy.locale,
    targets: {
      firstResponse: targetForm(policy.firstResponse),
      nextResponse: targetForm(policy.nextResponse),
      resolution: targetForm(policy.resolution),
    },
    levels: policy.escalationLevels.map((level) => ({
      on: level.on,
      afterMinutes: level.afterMinutes ? String(level.afterMinutes) : '',
      threadTeamLeads: level.recipients.threadTeamLeads ?? false,
      teamIds: level.recipients.teamIds ?? [],
      addresses: (level.recipients.addresses ?? []).join(', '),
    })),
  };
}

const number = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The target as the API takes it; undefined when switched off. */
export function targetOf(form: TargetForm): Target | undefined {
  if (!form.enabled) return undefined;
  const target: Record<string, unknown> =
    form.unit === 'minutes'
      ? { minutes: number(form.amount) }
      : { workingDays: number(form.amount), countFrom: form.countFrom };
  if (form.warning === 'before') target.warnBeforeMinutes = number(form.warningAmount);
  if (form.warning === 'percent') target.warnAtPercent = number(form.warningAmount);
  return target as Target;
}

export function inputOf(form: PolicyForm, isNew: boolean): SlaPolicyInput {
  const targets = Object.fromEntries(
    TARGET_NAMES.map((name) => {
      const target = targetOf(form.targets[name]);
      // A saved policy loses a target that was switched off; a new one leaves it out.
      return [name, target ?? (isNew ? undefined : null)];
    }),
  );
  return {
    name: form.name.trim(),
    calendarId: form.calendarId,
    locale: form.locale,
    ...targets,
    escalationLevels: form.levels.map((level, index): EscalationLevel => ({
      level: index + 1,
      on: level.on,
      ...(number(level.afterMinutes) !== undefined
        ? { afterMinutes: number(level.afterMinutes) }
        : {}),
      recipients: {
        threadTeamLeads: level.threadTeamLeads,
        teamIds: level.teamIds,
        addresses: level.addresses
          .split(/[\s,;]+/)
          .map((address) => address.trim())
          .filter(Boolean),
      },
    })),
  } as SlaPolicyInput;
}
