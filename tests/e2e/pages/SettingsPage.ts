import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { ControlRoom } from './ControlRoom';

/** The Settings page: the user the app acts as, and their notification preferences. */
export class SettingsPage extends ControlRoom {
  readonly root: Locator;
  readonly form: Locator;
  readonly saveError: Locator;
  readonly saved: Locator;

  constructor(page: Page) {
    super(page);
    this.root = page.getByTestId('settings-page');
    this.form = page.getByTestId('prefs-form');
    this.saveError = page.getByTestId('prefs-save-error');
    this.saved = page.getByTestId('prefs-saved');
  }

  async goto(): Promise<void> {
    await this.open('settings');
    await expect(this.form).toBeVisible();
  }

  field(name: string): Locator {
    return this.page.getByTestId(`prefs-${name}`);
  }

  async actAs(user: string): Promise<void> {
    await this.page.getByTestId('user-name').fill(user);
    await this.page.getByTestId('user-save').click();
    await expect(this.page.getByTestId('user-current')).toHaveText(`now: ${user}`);
    await expect(this.form).toBeVisible();
  }

  async save(): Promise<void> {
    await this.field('save').click();
  }
}
