// The web app's first inbox page on the database bench/seed-inbox.ts fills
// (1,000,000 threads, 5,000,000 messages): Chromium signs in once through the
// log-in page, then loads the inbox cold (a new browser context each time: no
// cache, only the session cookie) and the time from navigation start to the
// first thread row on screen is taken in the page. Prints p50/p95.
//
//   npm run bench:web     (BENCH_DATABASE_URL, BENCH_LOADS=10)

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { launchBrowser } from '../test/support/browser';
import { BENCH_ADMIN, BENCH_AGENT, BENCH_DATABASE_URL } from './bench-env';
import {
  benchEnv,
  machine,
  percentile,
  report,
  ROOT,
  startApp,
  stopApp,
  apiAnswering,
} from './support';

const LOADS = Number(process.env.BENCH_LOADS ?? 10);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A text of the web app (apps/web/src/i18n/locales/sv.json) by its dotted key. */
function webText(key: string): string {
  const messages = JSON.parse(
    readFileSync(path.join(ROOT, 'apps/web/src/i18n/locales/sv.json'), 'utf8'),
  ) as Record<string, unknown>;
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
  if (typeof value !== 'string') throw new Error(`sv.json has no text ${key}`);
  return value;
}

// Runs in the page before its own scripts: notes when the first row of the
// inbox list is laid out, in milliseconds since navigation start.
const FIRST_ROW_OBSERVER = `
  (() => {
    const seen = () => {
      const row = document.querySelector('[role="grid"] [role="row"]');
      if (!row || row.getBoundingClientRect().height === 0) return false;
      window.__firstRowAt = performance.now();
      return true;
    };
    new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
      .observe(document, { childList: true, subtree: true });
  })();
`;

// The end of each step of a load, from the Navigation and Resource Timing entries.
const PHASES = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const end = (test) => {
    const entry = resources.find((r) => test(r.name));
    return entry ? Math.round(entry.responseEnd) : -1;
  };
  return {
    'index.html': Math.round(nav.responseEnd),
    'entry script': end((name) => /\\/assets\\/index-[^/]*\\.js$/.test(name)),
    'app script': end((name) => /\\/assets\\/app-[^/]*\\.js$/.test(name)),
    'app running': Math.round(
      performance.getEntriesByName('svara:app-running')[0]?.startTime ?? -1,
    ),
    'GET /auth/session': end((name) => name.includes('/api/v1/auth/session')),
    'GET /threads': end((name) => /\\/api\\/v1\\/threads(\\?|$)/.test(name)),
    'first row': Math.round(window.__firstRowAt),
  };
})()`;

async function main(): Promise<void> {
  console.log(`# Web app: first inbox page, ${new Date().toISOString()}\n${machine()}`);
  if (!existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    throw new Error('dist/web is missing: npm run build builds the web app');
  }
  // Migrations that came after the seed (the seed takes minutes; this takes a moment).
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'dist/libs/database/src/migrations/cli.js'), 'deploy'],
    { env: { ...process.env, ...benchEnv(BENCH_DATABASE_URL) }, stdio: 'inherit' },
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = startApp(
    'api',
    benchEnv(BENCH_DATABASE_URL, {
      PORT: String(port),
      PUBLIC_URL: url,
      WEB_ROOT: path.join(ROOT, 'dist/web'),
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    }),
  );
  const browser = await launchBrowser();
  try {
    await apiAnswering(url, 60_000);
    const figures = [];
    for (const [who, account] of [
      ['admin, every thread', BENCH_ADMIN],
      ['agent, own teams', BENCH_AGENT],
    ] as const) {
      // Signed in once, through the log-in page, as a person would.
      const first = await browser.newContext({ baseURL: url, locale: 'sv-SE' });
      const login = await first.newPage();
      await login.goto('/');
      await login.getByLabel(webText('auth.email')).fill(account.email);
      await login.getByLabel(webText('auth.password')).fill(account.password);
      await login.getByRole('button', { name: webText('auth.signIn') }).click();
      await login.getByRole('grid').getByRole('row').first().waitFor({ timeout: 60_000 });
      const state = await first.storageState();
      await first.close();

      const times: number[] = [];
      const phases: Record<string, number[]> = {};
      for (let i = 0; i < LOADS; i += 1) {
        const context = await browser.newContext({
          baseURL: url,
          locale: 'sv-SE',
          storageState: state,
          viewport: { width: 1280, height: 800 },
        });
        await context.addInitScript(FIRST_ROW_OBSERVER);
        const page = await context.newPage();
        await page.goto('/', { waitUntil: 'commit' });
        await page.getByRole('grid').getByRole('row').first().waitFor({ timeout: 60_000 });
        // A function, not a string: the app's Content-Security-Policy forbids eval.
        await page.waitForFunction(
          () => (globalThis as { __firstRowAt?: number }).__firstRowAt !== undefined,
        );
        times.push(await page.evaluate<number>('window.__firstRowAt'));
        // Where the time went: the page's own timings, in ms since navigation start.
        const marks = await page.evaluate<Record<string, number>>(PHASES);
        for (const [name, at] of Object.entries(marks)) (phases[name] ??= []).push(at);
        await context.close();
      }
      times.sort((a, b) => a - b);
      console.log(`${who}: ${times.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      console.log(
        `  medians: ${Object.entries(phases)
          .map(
            ([name, values]) =>
              `${name} ${Math.round(
                percentile(
                  values.sort((a, b) => a - b),
                  50,
                ),
              )}`,
          )
          .join(', ')} ms`,
      );
      figures.push(
        {
          name: `first row visible, p50 (${who})`,
          value: Math.round(percentile(times, 50)),
          unit: 'ms',
        },
        {
          name: `first row visible, p95 (${who})`,
          value: Math.round(percentile(times, 95)),
          unit: 'ms',
          note: `${LOADS} cold loads`,
        },
      );
    }
    report('Web app: navigation to the first inbox row', figures);
  } finally {
    await browser.close();
    await stopApp(api);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
