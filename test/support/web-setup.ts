import type { Page } from 'playwright-core';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Picks `option` in the react-aria select labelled `label` (within `scope`). */
export async function choose(
  scope: Page | ReturnType<Page['getByRole']>,
  page: Page,
  label: string,
  option: string,
): Promise<void> {
  // The select's button is named by its label and its current value.
  await scope.getByRole('button', { name: new RegExp(escaped(label)) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The admin page's main heading, once it shows. */
export const pageHeading = (page: Page, title: string) =>
  page.getByRole('heading', { level: 1, name: title });
