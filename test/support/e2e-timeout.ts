// A browser scenario waits for the real app, the worker and SLA clocks.
jest.setTimeout(180_000);
