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

  /**
   * The name field's colours, and what the theme's variables resolve to on the page now:
   * the fields of the sign-in screen must look like those of every other form.
   */
  async fieldColours(): Promise<{ field: string[]; theme: string[] }> {
    return this.page.getByTestId('sign-in-name').evaluate((field) => {
      const probe = document.createElement('div');
      probe.style.backgroundColor = 'var(--panel-raised)';
      probe.style.color = 'var(--text)';
      document.body.append(probe);
      const colours = (element: Element) => {
        const style = getComputedStyle(element);
        return [style.backgroundColor, style.color];
      };
      const theme = colours(probe);
      probe.remove();
      return { field: colours(field), theme };
    });
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await expect(this.screen).toBeVisible();
  }
}
