import { DateTime } from 'luxon';
import { calendarSpec } from './calendar';
import {
  applyEvent,
  deadlinesOf,
  emptyRecord,
  escalationSteps,
  type SlaEvent,
  type SlaRecord,
  snapshot,
} from './clocks';
import type { PolicySpec } from './policy';

const calendar = calendarSpec({
  weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '16:00' })),
  holidayCountries: ['SE'],
});
const at = (local: string) =>
  DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: 'Europe/Stockholm' }).toJSDate();
const local = (iso: string | Date | null | undefined) =>
  iso == null
    ? null
    : DateTime.fromJSDate(new Date(iso), { zone: 'Europe/Stockholm' }).toFormat('yyyy-MM-dd HH:mm');

const policy: PolicySpec = {
  firstResponse: { minutes: 120, warnBeforeMinutes: 30 },
  nextResponse: { workingDays: 1 },
  resolution: { workingDays: 5 },
  escalationLevels: [
    { level: 1, on: 'WARNING' },
    { level: 2, on: 'BREACH' },
    { level: 3, on: 'BREACH', afterMinutes: 180 },
  ],
};

function run(events: SlaEvent[], record: SlaRecord = emptyRecord()): SlaRecord {
  return events.reduce((current, event) => applyEvent(current, event).record, record);
}
const citizen = (when: string): SlaEvent => ({ type: 'citizenMessage', at: at(when) });
const response = (when: string): SlaEvent => ({ type: 'response', at: at(when) });
const status = (from: 'OPEN' | 'PENDING' | 'CLOSED', to: typeof from, when: string): SlaEvent => ({
  type: 'status',
  from,
  to,
  at: at(when),
});
const dueOf = (record: SlaRecord) =>
  Object.fromEntries(deadlinesOf(record, policy, calendar).map((d) => [d.target, local(d.dueAt)]));

describe('SLA clocks of a thread', () => {
  it('starts first-response and resolution clocks at the citizen’s own timestamp', () => {
    const record = run([citizen('2026-11-23 09:00')]);
    expect(dueOf(record)).toEqual({
      firstResponse: '2026-11-23 11:00',
      resolution: '2026-11-30 16:00',
    });
  });

  it('keeps the first clock when the citizen writes again before an answer', () => {
    const record = run([citizen('2026-11-23 09:00'), citizen('2026-11-23 10:00')]);
    expect(dueOf(record).firstResponse).toBe('2026-11-23 11:00');
  });

  it('stops the first-response clock on a response; the next message starts next response', () => {
    const answered = run([citizen('2026-11-23 09:00'), response('2026-11-23 09:30')]);
    expect(answered.answered).toBe(true);
    expect(dueOf(answered)).toEqual({ resolution: '2026-11-30 16:00' });
    const again = run([citizen('2026-11-24 10:00')], answered);
    expect(dueOf(again)).toEqual({
      nextResponse: '2026-11-25 16:00',
      resolution: '2026-11-30 16:00',
    });
  });

  it('reports which clock a response stopped', () => {
    const started = run([citizen('2026-11-23 09:00')]);
    const { stopped } = applyEvent(started, response('2026-11-23 09:30'));
    expect(stopped.map((s) => s.target)).toEqual(['firstResponse']);
  });

  it('does not count a response older than the message that started the clock', () => {
    const record = run([citizen('2026-11-23 09:00'), response('2026-11-23 08:00')]);
    expect(dueOf(record).firstResponse).toBe('2026-11-23 11:00');
  });

  it('pauses while PENDING and resumes on the citizen’s next message', () => {
    const paused = run([
      citizen('2026-11-23 09:00'),
      response('2026-11-23 09:10'),
      citizen('2026-11-23 10:00'),
      status('OPEN', 'PENDING', '2026-11-23 15:00'),
    ]);
    expect(dueOf(paused)).toEqual({});
    expect(snapshot(paused, [], [], at('2026-11-23 15:30'), { pendingSteps: true }).slaState).toBe(
      'OK',
    );
    const resumed = run([citizen('2026-11-24 10:00')], paused);
    // Next response: 1 working day from Monday 10:00 = Tuesday 16:00, plus the 3 h paused.
    expect(dueOf(resumed).nextResponse).toBe('2026-11-25 11:00');
    expect(dueOf(resumed).resolution).toBe('2026-12-01 11:00');
  });

  it('resumes when an agent sets the thread OPEN again', () => {
    const record = run([
      citizen('2026-11-23 09:00'),
      status('OPEN', 'PENDING', '2026-11-23 10:00'),
      status('PENDING', 'OPEN', '2026-11-23 11:00'),
    ]);
    expect(dueOf(record).firstResponse).toBe('2026-11-23 12:00');
  });

  it('stops every clock when CLOSED, and reopening starts a next-response clock', () => {
    const closed = run([
      citizen('2026-11-23 09:00'),
      response('2026-11-23 09:30'),
      status('OPEN', 'CLOSED', '2026-11-23 10:00'),
    ]);
    expect(closed.clocks).toEqual({});
    expect(snapshot(closed, [], [], at('2026-11-23 11:00'), { pendingSteps: true }).slaState).toBe(
      'NONE',
    );
    const reopened = run([status('CLOSED', 'OPEN', '2026-11-24 09:00')], closed);
    expect(dueOf(reopened)).toEqual({
      nextResponse: '2026-11-25 16:00',
      resolution: '2026-12-01 16:00',
    });
  });

  it('reopening a thread never answered starts a first-response clock', () => {
    const reopened = run([
      citizen('2026-11-23 09:00'),
      status('OPEN', 'CLOSED', '2026-11-23 10:00'),
      status('CLOSED', 'OPEN', '2026-11-24 09:00'),
    ]);
    expect(dueOf(reopened).firstResponse).toBe('2026-11-24 11:00');
  });
});

describe('SLA state and escalation steps', () => {
  const record = run([citizen('2026-11-23 09:00')]);
  const deadlines = deadlinesOf(record, policy, calendar);
  const steps = escalationSteps(deadlines, policy.escalationLevels);
  const firstResponseSteps = steps.filter((s) => s.target === 'firstResponse');

  it('has one step per level: warning, breach, breach + 3 h', () => {
    expect(firstResponseSteps.map((s) => [s.level, local(s.at)])).toEqual([
      [1, '2026-11-23 10:30'],
      [2, '2026-11-23 11:00'],
      [3, '2026-11-23 14:00'],
    ]);
  });

  it.each([
    ['2026-11-23 10:00', 'OK', 0, '2026-11-23 10:30'],
    ['2026-11-23 10:30', 'WARNING', 1, '2026-11-23 11:00'],
    ['2026-11-23 11:05', 'BREACHED', 2, '2026-11-23 14:00'],
    ['2026-11-23 14:00', 'BREACHED', 3, '2026-11-30 16:00'],
  ])('at %s the thread is %s at level %i, next looked at %s', (now, state, level, next) => {
    const view = snapshot(record, deadlines, steps, at(now), { pendingSteps: false });
    expect(view.slaState).toBe(state);
    expect(view.escalationLevel).toBe(level);
    expect(local(view.nextEscalationAt)).toBe(next);
    expect(local(view.nextSlaCheckAt)).toBe('2026-11-23 11:00');
  });

  it('keeps passed steps due for the scan when a thread is written late', () => {
    const view = snapshot(record, deadlines, steps, at('2026-11-23 12:00'), { pendingSteps: true });
    expect(local(view.nextEscalationAt)).toBe('2026-11-23 10:30');
  });

  it('marks steps of deadlines that passed before the channel existed as silent', () => {
    const imported = escalationSteps(deadlines, policy.escalationLevels, at('2026-11-23 12:00'));
    expect(
      imported.filter((s) => s.target === 'firstResponse').map((s) => [s.level, s.silent]),
    ).toEqual([
      [1, true],
      [2, true],
      [3, true],
    ]);
    expect(imported.filter((s) => s.target === 'resolution').every((s) => !s.silent)).toBe(true);
  });
});
