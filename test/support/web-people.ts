import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { UserRole } from '@svara/database';
import { eventually } from './eventually';
import { DEFAULT_PASSWORD } from './factories';
import { PasswordHasher } from '@svara/auth';
import { expectAccessible, newPerson, type Language, type WebStack } from './web';
import { webStrings, type Strings } from './web-strings';

export interface Person {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** A user with a real-looking Swedish name, in the given teams. */
export async function createPerson(
  stack: WebStack,
  { role = 'AGENT' as UserRole, name = 'Karin Lindqvist', teamIds = [] as string[] } = {},
): Promise<Person> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${randomUUID().slice(0, 6)}@kommun.test`;
  const user = await stack.prisma.user.create({
    data: {
      email,
      name,
      role,
      passwordHash: await new PasswordHasher().hash(DEFAULT_PASSWORD),
      memberships: { create: teamIds.map((teamId) => ({ teamId })) },
    },
  });
  return { id: user.id, email, name, role };
}

/** An API client's token for `person` (POST /auth/login), for setting things up. */
export async function apiToken(stack: WebStack, person: Person): Promise<string> {
  const response = await fetch(`${stack.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: person.email, password: DEFAULT_PASSWORD }),
  });
  if (!response.ok) throw new Error(`POST /auth/login answered ${response.status}`);
  return `Bearer ${((await response.json()) as { accessToken: string }).accessToken}`;
}

export async function apiCall<T = unknown>(
  stack: WebStack,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${stack.url}/api/v1${path}`, {
    method,
    headers: { authorization: token, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A citizen writing through the public web form (POST /forms/:id/submissions). */
export async function submitWebForm(
  stack: WebStack,
  channelId: string,
  form: { name: string; email: string; subject?: string; message: string },
): Promise<string> {
  const response = await fetch(`${stack.url}/api/v1/forms/${channelId}/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(form),
  });
  if (response.status !== 202) throw new Error(`the form answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

/** The thread a web-form submission became, once the worker has ingested it. */
export function ingestedThread(stack: WebStack, submissionId: string) {
  return eventually(
    () =>
      stack.prisma.thread
        .findFirst({ where: { externalId: submissionId } })
        .then((thread) => thread ?? undefined),
    { timeoutMs: 20_000, intervalMs: 100, what: `the thread of submission ${submissionId}` },
  );
}

export interface SignedIn {
  context: BrowserContext;
  page: Page;
  t: Strings;
  person: Person;
}

/** Fills in the log-in form (the page's or the expired-session dialog's) and sends it. */
export async function fillLogin(
  scope: Page | ReturnType<Page['getByRole']>,
  t: Strings,
  person: Person,
) {
  await scope.getByLabel(t('auth.email')).fill(person.email);
  await scope.getByLabel(t('auth.password')).fill(DEFAULT_PASSWORD);
  await scope.getByRole('button', { name: t('auth.signIn') }).click();
}

/** A new browser context in `language`, signed in through the log-in page, on the inbox. */
export async function signIn(
  browser: Browser,
  stack: WebStack,
  person: Person,
  language: Language,
  options: { colorScheme?: 'light' | 'dark'; checkLoginPage?: boolean } = {},
): Promise<SignedIn> {
  const t = await webStrings(language);
  const context = await newPerson(browser, stack, language, options);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: t('auth.signIn') }).waitFor();
  if (options.checkLoginPage) await expectAccessible(page, 'the log-in page');
  await fillLogin(page, t, person);
  await inboxList(page, t).waitFor();
  return { context, page, t, person };
}

/** The inbox's thread list (a grid). */
export const inboxList = (page: Page, t: Strings) =>
  page.getByRole('grid', { name: t('inbox.list.label') });

/** The row of the thread with this subject in the inbox list. */
export const threadRow = (page: Page, t: Strings, subject: string) =>
  inboxList(page, t).getByRole('row').filter({ hasText: subject });
