import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { ControlRoom } from './ControlRoom';

/** The Jobs page: the list, one job's detail and log, Cancel. */
export class JobsPage extends ControlRoom {
  readonly root: Locator;
  readonly detail: Locator;
  readonly cancel: Locator;

  constructor(page: Page) {
    super(page);
    this.root = page.getByTestId('jobs-page');
    this.detail = page.getByTestId('job-detail');
    this.cancel = page.getByTestId('job-cancel');
  }

  async goto(): Promise<void> {
    await this.open('jobs');
    await expect(this.root).toHaveAttribute('data-phase', 'ready');
  }

  row(id: string): Locator {
    return this.page.getByTestId(`job-row-${id}`);
  }

  async openJob(id: string): Promise<void> {
    await this.page.getByTestId(`job-open-${id}`).click();
    await expect(this.detail).toBeVisible();
  }
}
