import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect } from '@playwright/test';
import { ControlRoom } from './ControlRoom';

/** The Stations page: one table per station, a row per datastream with its state. */
export class StationsPage extends ControlRoom {
  readonly root: Locator;
  readonly bus: Locator;
  readonly summary: Locator;
  readonly quarantine: Locator;
  readonly refresh: Locator;

  constructor(page: Page) {
    super(page);
    this.root = page.getByTestId('stations-page');
    this.bus = page.getByTestId('stations-bus');
    this.summary = page.getByTestId('stations-summary');
    this.quarantine = page.getByTestId('stations-quarantine');
    this.refresh = page.getByTestId('stations-refresh');
  }

  async goto(): Promise<void> {
    await this.open('stations');
    await expect(this.root).toHaveAttribute('data-phase', 'ready');
  }

  /**
   * From any page with the keyboard: `g` then `t`. The two keys must come within 1.5 s, which
   * a loaded machine does not always manage between two driver calls: the pair is tried again.
   */
  async gotoByShortcut(): Promise<void> {
    await expect(async () => {
      await this.page.locator('body').press('g');
      await this.page.locator('body').press('t');
      await expect(this.navLink('stations')).toHaveAttribute('aria-current', 'page', {
        timeout: 2_000,
      });
    }).toPass({ timeout: 30_000 });
    await expect(this.root).toHaveAttribute('data-phase', 'ready');
  }

  station(id: string): Locator {
    return this.page.getByTestId(`station-${id}`);
  }

  stationState(id: string): Locator {
    return this.page.getByTestId(`station-state-${id}`);
  }

  stationQuarantine(id: string): Locator {
    return this.page.getByTestId(`station-quarantine-${id}`);
  }

  /** One cell of a datastream's row: state, value, age, rate or gaps. */
  cell(key: string, part: 'state' | 'value' | 'age' | 'rate' | 'gaps'): Locator {
    return this.page.getByTestId(`ds-${part}-${key}`);
  }

  async openOnLive(key: string): Promise<void> {
    await this.page.getByTestId(`ds-open-${key}`).click();
    await expect(this.navLink('live')).toHaveAttribute('aria-current', 'page');
  }

  async screenshotSection(testInfo: TestInfo, section: Locator, name: string): Promise<void> {
    const path = testInfo.outputPath(`${name}.png`);
    await section.screenshot({ path });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  }
}
