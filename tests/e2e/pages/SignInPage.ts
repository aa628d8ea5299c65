import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { ControlRoom } from './ControlRoom';

/** The sign-in screen of a station in required mode, and the header's who-am-I. */
export class SignInPage extends ControlRoom {
  readonly screen: Locator;
  readonly error: Locator;
  readonly user: Locator;
  readonly role: Locator;
  readonly signOutButton: Locator;

  constructor(page: Page) {
    super(page);
    this.screen = page.getByTestId('sign-in-screen');
    this.error = page.getByTestId('sign-in-error');
    this.user = page.getByTestId('session-user');
    this.role = page.getByTestId('session-role');
    this.signOutButton = page.getByTestId('sign-out');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.screen).toBeVisible();
  }

  async signIn(name: string, password: string): Promise<void> {
    await this.page.getByTestId('sign-in-name').fill(name);
    await this.page.getByTestId('sign-in-password').fill(password);
    await this.page.getByTestId('sign-in-submit').click();
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await expect(this.screen).toBeVisible();
  }
}
