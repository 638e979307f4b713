import type { Locator, Page } from 'playwright-core';
import type { Strings } from './web-strings';

/** The settings an admin types for a mailbox on the test Dovecot and SMTP receiver. */
export interface MailboxForm {
  name: string;
  address: string;
  imapPort: number;
  imapUser: string;
  imapPassword: string;
  smtpPort: number;
}

/** A fieldset of the channel form, by its legend. */
export const formSection = (page: Page, t: Strings, legend: string) =>
  page.getByRole('group', { name: t(`channels.groups.${legend}`), exact: true });

/** Turns a checkbox off by clicking its label, as a person does. */
async function switchOff(scope: Locator, label: string): Promise<void> {
  const box = scope.getByRole('checkbox', { name: label, exact: true });
  if (await box.isChecked()) await scope.getByText(label, { exact: true }).click();
  if (await box.isChecked()) throw new Error(`${label} is still on`);
}

/** Fills in the new-channel form for an e-mail channel (the type it starts with). */
export async function fillMailboxForm(page: Page, t: Strings, form: MailboxForm): Promise<void> {
  await page.getByLabel(t('channels.form.name'), { exact: true }).fill(form.name);
  await page.getByLabel(t('channels.field.address'), { exact: true }).fill(form.address);
  const imap = formSection(page, t, 'imap');
  await imap.getByLabel(t('channels.field.imapHost'), { exact: true }).fill('127.0.0.1');
  await imap.getByLabel(t('channels.field.imapPort'), { exact: true }).fill(String(form.imapPort));
  await imap.getByLabel(t('channels.field.imapUser'), { exact: true }).fill(form.imapUser);
  await imap.getByLabel(t('channels.field.imapPassword'), { exact: true }).fill(form.imapPassword);
  // The test Dovecot speaks plain IMAP, without STARTTLS.
  await switchOff(imap, t('channels.field.imapSecure'));
  await switchOff(imap, t('channels.field.imapRequireTls'));
  const smtp = formSection(page, t, 'smtp');
  await smtp.getByLabel(t('channels.field.smtpHost'), { exact: true }).fill('127.0.0.1');
  await smtp.getByLabel(t('channels.field.smtpPort'), { exact: true }).fill(String(form.smtpPort));
  await switchOff(smtp, t('channels.field.smtpRequireTls'));
}

/** The list's row of a channel. */
export const channelRow = (page: Page, t: Strings, name: string) =>
  page
    .getByRole('table', { name: t('channels.list.label') })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name }) });

/** Everything the page holds, markup and form values, to look for a secret in. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate<string>(
    `document.documentElement.outerHTML + ' ' +
      [...document.querySelectorAll('input, textarea')].map((field) => field.value).join(' ')`,
  );
}
