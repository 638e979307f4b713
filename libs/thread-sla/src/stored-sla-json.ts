import type { JSONSchemaType } from 'ajv';
import { jsonDecoder } from '@svara/common';
import {
  type Deadline,
  type HalfDay,
  type OpeningRange,
  type Target,
  TARGETS,
  WORKING_DAYS_FROM,
  type WorkingDaysFrom,
} from '@svara/sla';
import type { EscalationLevelSetting } from './sla-settings';

// Readers of the SLA settings and deadlines stored as JSON: checked against
// the shape the API writes, so a row written wrong fails loudly where it is
// read instead of as a wrong due time later. Extra keys are ignored.
// (Ajv's typed schemas mark optional keys `nullable`.)

const strings = { type: 'array', items: { type: 'string' }, nullable: true } as const;

const openingRanges: JSONSchemaType<OpeningRange[]> = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      weekday: { type: 'integer' },
      open: { type: 'string' },
      close: { type: 'string' },
    },
    required: ['weekday', 'open', 'close'],
  },
};

const halfDays: JSONSchemaType<HalfDay[]> = {
  type: 'array',
  items: {
    type: 'object',
    properties: { date: { type: 'string' }, close: { type: 'string' } },
    required: ['date', 'close'],
  },
};

const escalationLevels: JSONSchemaType<EscalationLevelSetting[]> = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      level: { type: 'integer' },
      on: { type: 'string', enum: ['WARNING', 'BREACH'] },
      afterMinutes: { type: 'number', nullable: true },
      recipients: {
        type: 'object',
        properties: {
          userIds: strings,
          teamIds: strings,
          threadTeamLeads: { type: 'boolean', nullable: true },
          addresses: strings,
        },
      },
    },
    required: ['level', 'on', 'recipients'],
  },
};

const deadlines: JSONSchemaType<Deadline[]> = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      target: { type: 'string', enum: TARGETS },
      startedAt: { type: 'string' },
      dueAt: { type: 'string' },
      warnAt: { type: 'string', nullable: true },
    },
    required: ['target', 'startedAt', 'dueAt'],
  },
};

/** A target as stored: minutes or working days, with an optional warning. */
interface StoredTarget {
  minutes?: number;
  workingDays?: number;
  countFrom?: WorkingDaysFrom;
  warnBeforeMinutes?: number;
  warnAtPercent?: number;
}

const target: JSONSchemaType<StoredTarget> = {
  type: 'object',
  properties: {
    minutes: { type: 'number', nullable: true },
    workingDays: { type: 'integer', nullable: true },
    countFrom: { type: 'string', enum: WORKING_DAYS_FROM, nullable: true },
    warnBeforeMinutes: { type: 'number', nullable: true },
    warnAtPercent: { type: 'number', nullable: true },
  },
  oneOf: [
    { properties: { minutes: { type: 'number' } }, required: ['minutes'] },
    { properties: { workingDays: { type: 'integer' } }, required: ['workingDays'] },
  ],
};

export const decodeOpeningRanges = jsonDecoder("a calendar's weekly hours", openingRanges);
export const decodeHalfDays = jsonDecoder("a calendar's half days", halfDays);
export const decodeEscalationLevels = jsonDecoder("a policy's escalation levels", escalationLevels);
export const decodeDeadlines = jsonDecoder("a thread's SLA deadlines", deadlines);

const decodeStoredTarget = jsonDecoder('an SLA target', target);

export function decodeTarget(value: unknown): Target {
  const { minutes, workingDays, countFrom, warnBeforeMinutes, warnAtPercent } =
    decodeStoredTarget(value);
  const warning = {
    ...(warnBeforeMinutes != null && { warnBeforeMinutes }),
    ...(warnAtPercent != null && { warnAtPercent }),
  };
  if (minutes != null) return { minutes, ...warning };
  // The schema holds one of the two.
  return { workingDays: workingDays!, ...(countFrom != null && { countFrom }), ...warning };
}
