import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { type OidcProviderHandle, startOidcProvider } from '../support/oidc';
import { inboxList } from '../support/web-people';
import {
  expectAccessible,
  launchBrowser,
  newPerson,
  saveScreenshot,
  startWebStack,
  type WebStack,
} from '../support/web';
import { webStrings } from '../support/web-strings';

describe('single sign-on in the browser', () => {
  const run = randomUUID().slice(0, 8);
  const agents = `svara-handlaggare-${run}`;
  const team = `Medborgarservice ${run}`;
  const people = [
    { id: `maria-${run}`, email: `maria.${run}@kommun.test`, name: 'Maria Ek', groups: [agents] },
    { id: `sven-${run}`, email: `sven.${run}@kommun.test`, name: 'Sven Ås', groups: ['alla'] },
  ];
  let provider: OidcProviderHandle;
  let stack: WebStack;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    stack = await startWebStack(async (url) => {
      const client = {
        client_id: 'svara',
        client_secret: randomUUID(),
        redirect_uris: [`${url}/api/v1/auth/oidc/callback`],
      };
      provider = await startOidcProvider(client, people);
      return {
        OIDC_ISSUER_URL: provider.issuer,
        OIDC_CLIENT_ID: client.client_id,
        OIDC_CLIENT_SECRET: client.client_secret,
        OIDC_SCOPES: 'openid profile email groups',
        OIDC_GROUP_MAP: JSON.stringify({ [agents]: { role: 'AGENT', teams: [team] } }),
        OIDC_PROVIDER_NAME: 'Sundsvalls kommun',
      };
    });
    await stack.prisma.team.create({ data: { name: team } });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await provider?.close();
  });

  /** The provider's own login form (test scaffolding, not Svara's page: no axe there). */
  async function signInAtProvider(page: Page, login: string): Promise<void> {
    await page.getByLabel('Användare').fill(login);
    await page.getByRole('button', { name: 'Logga in' }).click();
  }

  it('signs a person in through the provider and lands them in the inbox with their team', async () => {
    const t = await webStrings('sv');
    const context = await newPerson(browser, stack, 'sv');
    const page = await context.newPage();
    await page.goto('/');
    const button = page.getByRole('link', {
      name: t('sso.signInWith', { name: 'Sundsvalls kommun' }),
    });
    await button.waitFor();
    expect(await page.getByText(t('sso.or'), { exact: true }).isVisible()).toBe(true);
    expect(await page.getByLabel(t('auth.password')).isVisible()).toBe(true);
    await expectAccessible(page, 'the log-in page with single sign-on');
    await saveScreenshot(page, 'login-sso.png');

    await button.click();
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await signInAtProvider(page, people[0]!.id);
    await inboxList(page, t).waitFor();
    expect(new URL(page.url()).origin).toBe(stack.url);
    await expectAccessible(page, 'the inbox after single sign-on');

    const session = await page.evaluate(
      () =>
        fetch('/api/v1/auth/session').then((response) => response.json()) as Promise<{
          user: unknown;
        }>,
    );
    const teamRow = await stack.prisma.team.findUniqueOrThrow({ where: { name: team } });
    expect(session.user).toMatchObject({ name: 'Maria Ek', role: 'AGENT', teamIds: [teamRow.id] });
    await context.close();
  });

  it('tells a person without a mapped group, in words, why they got no access', async () => {
    for (const language of ['sv', 'en'] as const) {
      const t = await webStrings(language);
      const context = await newPerson(browser, stack, language);
      const page = await context.newPage();
      await page.goto('/login');
      await page
        .getByRole('link', { name: t('sso.signInWith', { name: 'Sundsvalls kommun' }) })
        .click();
      await signInAtProvider(page, people[1]!.id);
      await page.waitForURL((url) => url.pathname === '/login');
      const alert = page.getByRole('alert').filter({ hasText: t('sso.failure.no_access') });
      await alert.waitFor();
      await expectAccessible(page, `the log-in page after a refused sign-in (${language})`);
      if (language === 'sv') await saveScreenshot(page, 'login-sso-refused.png');
      await context.close();
    }
  });
});
