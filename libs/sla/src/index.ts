// Svara's SLA arithmetic: business calendars, due times and escalation steps.
// Pure functions of their arguments (no I/O, no framework), so they can be
// tested exhaustively and run anywhere: ingest, the scheduler, reports.
export * from './business-time';
export * from './calendar';
export * from './clocks';
export * from './holidays';
export * from './policy';
