import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { ControlRoom } from './ControlRoom';

/** The Upload page: the drop zone's file input, each file's result, and the quarantine. */
export class UploadsPage extends ControlRoom {
  readonly root: Locator;
  readonly quarantine: Locator;

  constructor(page: Page) {
    super(page);
    this.root = page.getByTestId('uploads-page');
    this.quarantine = page.getByTestId('quarantine');
  }

  async goto(): Promise<void> {
    await this.open('uploads');
    await expect(this.quarantine).toHaveAttribute('data-phase', 'ready');
  }

  /** Hands a file to the drop zone's input, as a drop or the file button would. */
  async upload(name: string, text: string): Promise<Locator> {
    await this.page
      .getByTestId('upload-drop-zone')
      .getByTestId('upload-input')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    return this.item(name);
  }

  item(name: string): Locator {
    return this.page.locator(`[data-testid="upload-item"][data-file="${name}"]`);
  }

  /** Waits for a file's import to finish and returns its counts. */
  async result(name: string): Promise<{ accepted: number; duplicates: number; rejected: number }> {
    const item = this.item(name);
    await expect(item).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
    const count = async (id: string) => Number(await item.getByTestId(id).textContent());
    return {
      accepted: await count('upload-accepted'),
      duplicates: await count('upload-duplicates'),
      rejected: await count('upload-rejected'),
    };
  }

  quarantinedRow(errorText: string): Locator {
    return this.quarantine.getByTestId('quarantine-row').filter({ hasText: errorText });
  }

  /** Opens a row's fix, replaces its text and ingests it again. */
  async fix(row: Locator, text: string): Promise<void> {
    await row.getByTestId('quarantine-fix').click();
    await row.getByTestId('quarantine-fix-text').fill(text);
    await row.getByTestId('quarantine-fix-submit').click();
  }
}
