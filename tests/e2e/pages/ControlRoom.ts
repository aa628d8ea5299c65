import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect } from '@playwright/test';

export type PageName =
  | 'live'
  | 'stations'
  | 'rules'
  | 'alerts'
  | 'jobs'
  | 'reports'
  | 'operations'
  | 'uploads'
  | 'settings';

/** The page navigation shared by every page object. */
export class ControlRoom {
  constructor(readonly page: Page) {}

  navLink(name: PageName): Locator {
    return this.page.getByTestId(`nav-link-${name}`);
  }

  /** Opens the app straight at a page (`#/rules`). */
  async open(name: PageName): Promise<void> {
    await this.page.goto(`/#/${name}`);
    await expect(this.navLink(name)).toHaveAttribute('aria-current', 'page');
  }

  async go(name: PageName): Promise<void> {
    await this.navLink(name).click();
    await expect(this.navLink(name)).toHaveAttribute('aria-current', 'page');
  }

  /** Saves a screenshot of the page into the test's output folder and attaches it. */
  async screenshot(testInfo: TestInfo, name: string): Promise<void> {
    const path = testInfo.outputPath(`${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  }
}
