import type { Page } from 'playwright-core';
import { baseUrl, snapshot } from './browser';

// Steps of the H5 self-test journey shared by the e2e files. Taro H5 keeps visited pages in the DOM, hidden, so
// every selector is scoped to the visible page.

export const exactly = (text: string) => new RegExp(`^\\s*${text}\\s*$`);

export const visiblePage = (page: Page, name: string) => page.locator(`.page.${name}:visible`);

/** Screenshot once the page's slide-in has finished. */
export async function picture(page: Page, name: string) {
  await page.waitForTimeout(600);
  await snapshot(page, name);
}

/** From the 自测 tab to the scale's intro page, with the definition loaded. */
export async function openIntro(page: Page, code: string, listPicture?: string) {
  await page.goto(`${baseUrl()}/app/#/pages/tests/index`);
  const list = visiblePage(page, 'tests');
  await list.locator(`#selftest-item-${code}`).waitFor();
  if (listPicture) await picture(page, listPicture);
  await list.locator(`#selftest-item-${code}`).click();
  await visiblePage(page, 'selftest-intro').locator('.selftest-start').waitFor();
}

/** Starts the test and answers every question by its option label; leaves the last answer on screen. */
export async function answerAll(page: Page, labels: string[]) {
  await visiblePage(page, 'selftest-intro').locator('.selftest-start').click();
  const question = visiblePage(page, 'selftest-question');
  for (const [i, label] of labels.entries()) {
    await question.locator('.selftest-progress__text').filter({ hasText: `第 ${i + 1} / ${labels.length} 题` }).waitFor();
    await question.locator('.selftest-option__label').filter({ hasText: exactly(label) }).click();
  }
  await question.locator('.selftest-option--selected .selftest-option__label').filter({ hasText: exactly(labels[labels.length - 1]!) }).waitFor();
}

export async function submit(page: Page) {
  await visiblePage(page, 'selftest-question').locator('.selftest-submit').click();
  await visiblePage(page, 'selftest-result').waitFor();
}
