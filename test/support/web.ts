import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PrismaClient } from '@svara/database';
import { exited, spawnApp } from './apps';
import { launchBrowser } from './browser';
import { eventually } from './eventually';
import { SmtpReceiver } from './smtp-receiver';
import { stackDatabase } from './stack-database';
import { testEnv } from './test-env';

const ROOT = path.resolve(__dirname, '../..');
export { launchBrowser };

export const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

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

export interface WebStack {
  /** Where the browser goes: the api serving the built app (`dist/web`). */
  url: string;
  port: number;
  prisma: PrismaClient;
  smtp: SmtpReceiver;
  /** The environment the three processes run with. */
  env: Record<string, string>;
  /** Kills the api (SIGKILL, no goodbye to its clients); the worker and scheduler go on. */
  killApi(): Promise<void>;
  /** Starts the api again on the same port and waits until it answers. */
  startApi(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The built api, worker and scheduler as their own processes on a free port,
 * against the run's database, with an SMTP receiver as SMTP_URL.
 */
export async function startWebStack(
  overrides: Record<string, string> | ((url: string) => Promise<Record<string, string>>) = {},
): Promise<WebStack> {
  if (!existsSync(path.join(ROOT, 'dist/web/index.html'))) {
    throw new Error('dist/web/index.html is missing: run npm run build first');
  }
  const database = await stackDatabase();
  const smtp = await SmtpReceiver.start();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    PUBLIC_URL: url,
    WEB_ROOT: path.join(ROOT, 'dist/web'),
    SMTP_URL: smtp.url,
    MAIL_FROM: 'kontakt@kommun.test',
    SLA_SCAN_INTERVAL_SECONDS: '2',
    // Each stack has its own data and queues: other files' teams, threads and
    // jobs never appear in its pages.
    DATABASE_URL: database.url,
    REDIS_PREFIX: `${testEnv().REDIS_PREFIX}-stack-${randomBytes(3).toString('hex')}`,
    // A function sees the stack's address first (e.g. for an OIDC redirect URL).
    ...(typeof overrides === 'function' ? await overrides(url) : overrides),
  };
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: database.url }),
  });
  const others: ChildProcess[] = [spawnApp('worker', env), spawnApp('scheduler', env)];
  let api: ChildProcess | undefined;

  const startApi = async () => {
    api = spawnApp('api', env);
    const child = api;
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`the api exited with ${child.exitCode}`);
        const ok = await fetch(`${url}/api/v1/health`).then(
          (response) => response.ok,
          () => false,
        );
        return ok ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: 'the api to answer' },
    );
  };
  const stop = async (child: ChildProcess | undefined, signal: NodeJS.Signals) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited(child);
  };
  await startApi();
  return {
    url,
    port,
    prisma,
    smtp,
    env,
    startApi,
    killApi: () => stop(api, 'SIGKILL'),
    async close() {
      await Promise.all([stop(api, 'SIGTERM'), ...others.map((child) => stop(child, 'SIGTERM'))]);
      await smtp.stop();
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe (WCAG 2.1 A and AA) on what the page shows now and fails on
 * serious or critical violations, listing each rule with the elements it found.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(AXE_TAGS)
    // react-aria's off-screen live region keeps its past announcements; a
    // pending button's is a role=img labelled by the button, which is gone
    // once the log-in page is. It is not part of the page people see.
    .exclude('[data-live-announcer]')
    .analyze();
  const blocking = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  if (blocking.length === 0) return;
  const list = blocking
    .map(
      (violation) =>
        `- ${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes
          .slice(0, 5)
          .map(
            (node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ')}`,
          )
          .join('\n'),
    )
    .join('\n');
  throw new Error(`Accessibility violations on ${where} (${page.url()}):\n${list}`);
}

/** Saves a screenshot of the page's viewport to docs/screenshots/<name>. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

export type Language = 'sv' | 'en';

/** A browser context as a person whose browser speaks `language`, at the stack's address. */
export function newPerson(
  browser: Browser,
  stack: WebStack,
  language: Language,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: stack.url,
    locale: language === 'sv' ? 'sv-SE' : 'en-GB',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
  });
}
