import request from 'supertest';
import { createUser, login, startApi, type RunningApi } from '@svara/testing';

const weekdays = (open: string, close: string) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open, close }));

describe("a calendar's year and the due-time preview over HTTP", () => {
  let api: RunningApi;
  let admin: string;
  let agent: string;
  let calendarId: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await login(api, (await createUser(api.prisma, { role: 'ADMIN' })).email);
    agent = await login(api, (await createUser(api.prisma, { role: 'AGENT' })).email);
    const calendar = await request(api.server)
      .post('/api/v1/calendars')
      .set('authorization', admin)
      .send({
        name: 'Medborgarservice',
        weeklyHours: [...weekdays('08:00', '12:00'), ...weekdays('13:00', '16:30')],
        holidayCountries: ['SE'],
        eveDays: 'HALF_DAY',
        halfDayClose: '12:00',
        halfDays: [{ date: '2027-04-30', close: '11:00' }],
        closedDates: ['2027-12-27'],
        openDates: ['2027-01-05'],
      })
      .expect(201);
    calendarId = calendar.body.id;
  });
  afterAll(() => api?.close());

  const year = (query: string, token = admin) =>
    request(api.server)
      .get(`/api/v1/calendars/${calendarId}/year?${query}`)
      .set('authorization', token);
  const preview = (body: object, token = admin) =>
    request(api.server)
      .post('/api/v1/sla-policies/due-preview')
      .set('authorization', token)
      .send(body);

  it("lists the year's holidays and eves by name with the hours kept, and the calendar's own days", async () => {
    const { body } = await year('year=2027').expect(200);
    const day = (date: string) => body.days.find((d: { date: string }) => d.date === date);
    expect(body).toMatchObject({ year: 2027, timeZone: 'Europe/Stockholm' });
    expect(day('2027-06-25')).toEqual({
      date: '2027-06-25',
      weekday: 5,
      kind: 'EVE',
      holidays: [{ country: 'SE', kind: 'eve', name: 'midsommarafton' }],
      hours: [{ open: '08:00', close: '12:00' }],
    });
    expect(day('2027-06-06')).toMatchObject({ kind: 'HOLIDAY', hours: [] });
    expect(day('2027-04-30')).toMatchObject({
      kind: 'HALF_DAY',
      hours: [{ open: '08:00', close: '11:00' }],
    });
    expect(day('2027-12-27')).toMatchObject({ kind: 'CLOSED', holidays: [], hours: [] });
    expect(day('2027-01-05')).toMatchObject({
      kind: 'OPEN',
      hours: [
        { open: '08:00', close: '12:00' },
        { open: '13:00', close: '16:30' },
      ],
    });
    // An ordinary day is not listed.
    expect(day('2027-06-07')).toBeUndefined();

    const english = await year('year=2027&language=en').expect(200);
    expect(
      english.body.days.find((d: { date: string }) => d.date === '2027-12-24').holidays[0].name,
    ).toBe('Christmas Eve');
  });

  it('refuses a year that is not one, and agents', async () => {
    expect((await year('year=soon').expect(400)).body.message).toMatch(
      /year must be a year such as 2027/,
    );
    expect((await year('year=1066').expect(400)).body.message).toMatch(
      /year must not be less than 2000/,
    );
    await year('').expect(400);
    await year('year=2027', agent).expect(403);
  });

  it('previews a Friday-afternoon message under "by the end of the next working day" as Monday’s closing', async () => {
    const { body } = await preview({
      calendarId,
      target: { workingDays: 1 },
      arrivedAt: '2027-03-05T15:30:00+01:00',
    }).expect(200);
    expect(body).toEqual({
      arrivedAt: '2027-03-05T14:30:00.000Z',
      dueAt: '2027-03-08T15:30:00.000Z',
      warnAt: null,
      timeZone: 'Europe/Stockholm',
    });

    // Counted from the next opening, Friday evening is Monday's, so due Tuesday.
    const fromOpening = await preview({
      calendarId,
      target: { workingDays: 1, countFrom: 'nextOpening', warnBeforeMinutes: 60 },
      arrivedAt: '2027-03-05T17:00:00+01:00',
    }).expect(200);
    expect(fromOpening.body).toMatchObject({
      dueAt: '2027-03-09T15:30:00.000Z',
      warnAt: '2027-03-09T14:30:00.000Z',
    });
  });

  it("previews a saved policy's target, skipping lunch and Midsummer", async () => {
    const policy = await request(api.server)
      .post('/api/v1/sla-policies')
      .set('authorization', admin)
      .send({ name: 'Fyra timmar', calendarId, resolution: { minutes: 240 } })
      .expect(201);
    // Thursday 24 June 15:00: 1.5 h that day, then Midsummer Eve's 4 h morning.
    const { body } = await preview({
      calendarId,
      policyId: policy.body.id,
      targetName: 'resolution',
      arrivedAt: '2027-06-24T15:00:00+02:00',
    }).expect(200);
    expect(body.dueAt).toBe('2027-06-25T08:30:00.000Z');

    const missing = await preview({
      calendarId,
      policyId: policy.body.id,
      arrivedAt: '2027-06-24T15:00:00+02:00',
    }).expect(400);
    expect(missing.body.message).toMatch(/no firstResponse target/);
  });

  it('names what is wrong with a preview request', async () => {
    const cases: [object, RegExp][] = [
      [{ calendarId, arrivedAt: '2027-03-05T15:30:00Z' }, /Give policyId or target/],
      [
        { calendarId, target: { workingDays: 1 }, arrivedAt: 'fredag' },
        /arrivedAt must be a date and time/,
      ],
      [
        { calendarId, target: { minutes: 10, workingDays: 1 }, arrivedAt: '2027-03-05T15:30:00Z' },
        /target must have either minutes or workingDays/,
      ],
      [
        {
          calendarId: '00000000-0000-4000-8000-000000000000',
          target: { minutes: 10 },
          arrivedAt: '2027-03-05T15:30:00Z',
        },
        /calendarId names no calendar/,
      ],
    ];
    for (const [body, message] of cases) {
      const response = await preview(body).expect(400);
      expect(JSON.stringify(response.body.message)).toMatch(message);
    }
    await preview(
      { calendarId, target: { minutes: 10 }, arrivedAt: '2027-03-05T15:30:00Z' },
      agent,
    ).expect(403);
  });
});
