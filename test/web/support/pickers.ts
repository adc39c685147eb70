import { Locator, Page } from 'playwright-core';

/** Chooses an option of a Mantine Select or MultiSelect by its label (typing narrows searchable ones). */
export async function pickOption(
  page: Page,
  label: string,
  option: string,
  within: Page | Locator = page,
): Promise<void> {
  // By accessible name: a required field's label text also holds its (aria-hidden) asterisk.
  const input = within.getByRole('textbox', { name: label, exact: true });
  await input.click();
  if (await input.isEditable()) await input.fill(option);
  await page.getByRole('option', { name: option }).first().click();
  await page.keyboard.press('Escape');
}

/** Types part of a name into a people picker and chooses the first person found. */
export async function pickPerson(page: Page, input: Locator, name: string): Promise<void> {
  await input.click();
  await input.fill(name);
  await page
    .getByRole('option', { name: new RegExp(name) })
    .first()
    .click();
  await page.keyboard.press('Escape');
}
