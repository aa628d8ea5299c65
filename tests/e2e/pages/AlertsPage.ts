import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { ControlRoom } from './ControlRoom';

/** The Alerts page: filters, and per alert acknowledge and shelve. */
export class AlertsPage extends ControlRoom {
  readonly root: Locator;
  readonly rows: Locator;
  readonly empty: Locator;

  constructor(page: Page) {
    super(page);
    this.root = page.getByTestId('alerts-page');
    this.rows = page.locator('[data-testid^="alert-row-"]');
    this.empty = page.getByTestId('alerts-empty');
  }

  async goto(): Promise<void> {
    await this.open('alerts');
    await expect(this.root).toHaveAttribute('data-phase', 'ready');
  }

  /** The first alert row of a rule. */
  rowOf(ruleId: string): Locator {
    return this.page.locator(`[data-testid^="alert-row-"][data-rule="${ruleId}"]`).first();
  }

  part(row: Locator, part: string): Locator {
    return row.locator(`[data-testid^="alert-${part}-"]`);
  }

  async acknowledge(row: Locator, comment: string): Promise<void> {
    await this.part(row, 'comment').fill(comment);
    await this.part(row, 'ack').click();
  }
}
