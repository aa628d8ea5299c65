import fs from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { ControlRoom } from './ControlRoom';

/** The Reports page: the run form and its progress, the list, one report and its downloads. */
export class ReportsPage extends ControlRoom {
  readonly root: Locator;
  readonly progress: Locator;
  readonly view: Locator;

  constructor(page: Page) {
    super(page);
    this.root = page.getByTestId('reports-page');
    this.progress = page.getByTestId('run-progress');
    this.view = page.getByTestId('report-view');
  }

  async goto(): Promise<void> {
    await this.open('reports');
    await expect(this.root).toHaveAttribute('data-phase', 'ready');
  }

  /** Fills the form (whole UTC days, the last included) and submits the evaluation. */
  async runEvaluation(stations: string[], firstDay: string, lastDay: string): Promise<void> {
    for (const station of stations) await this.page.getByTestId(`run-station-${station}`).check();
    await this.page.getByTestId('run-first-day').fill(firstDay);
    await this.page.getByTestId('run-last-day').fill(lastDay);
    await this.page.getByTestId('run-submit').click();
  }

  findings(check: string): Locator {
    return this.view.locator(`[data-testid="finding-row"][data-check="${check}"]`);
  }

  /** Downloads the open report's CSV and returns its text. */
  async downloadCsv(): Promise<{ name: string; text: string }> {
    const [download]: [Download, void] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('report-download-csv').click(),
    ]);
    const file = await download.path();
    return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
  }

  /** Opens the printable report in its own tab. */
  async openPrintable(): Promise<Page> {
    const [popup]: [Page, void] = await Promise.all([
      this.page.waitForEvent('popup'),
      this.page.getByTestId('report-open-html').click(),
    ]);
    await popup.waitForLoadState();
    return popup;
  }
}
