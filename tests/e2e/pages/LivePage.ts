import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

type Datum = number | string | null;

/** The Live view as a user and the tests see it. */
export class LivePage {
  readonly picker: Locator;
  readonly chart: Locator;
  readonly liveStatus: Locator;
  readonly followToggle: Locator;
  readonly panels: Locator;
  readonly layoutSelect: Locator;
  readonly layoutError: Locator;
  private picked = 0;

  constructor(readonly page: Page) {
    this.picker = page.getByTestId('datastream-picker');
    this.chart = page.getByTestId('live-chart');
    this.liveStatus = page.getByTestId('live-status');
    this.followToggle = page.getByTestId('follow-toggle');
    this.panels = page.getByTestId('live-panel');
    this.layoutSelect = page.getByTestId('layout-select');
    this.layoutError = page.getByTestId('layout-error');
  }

  panel(index: number): Locator {
    return this.panels.nth(index);
  }

  /** A new panel below the others; the picker then adds to it. */
  async addPanel(): Promise<void> {
    const before = await this.panels.count();
    await this.page.getByTestId('panel-add').click();
    await expect(this.panels).toHaveCount(before + 1);
    await expect(this.panel(before)).toHaveAttribute('data-active', 'true');
  }

  /** Saves the page's panels under `name` for the acting user. */
  async saveLayout(name: string): Promise<void> {
    await this.page.getByTestId('layout-name').fill(name);
    await this.page.getByTestId('layout-save').click();
    await expect(this.layoutSelect).toHaveValue(name);
  }

  async openLayout(name: string): Promise<void> {
    await this.layoutSelect.selectOption(name);
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.picker).toBeVisible();
    await expect(this.liveStatus).toHaveAttribute('data-state', 'open');
  }

  option(key: string): Locator {
    return this.page.getByTestId(`datastream-option-${key}`);
  }

  rangePreset(preset: string): Locator {
    return this.page.getByTestId(`range-preset-${preset}`);
  }

  /** Alert, job and command marks on the chart's time axis. */
  markers(kind: 'alert' | 'job' | 'command'): Locator {
    return this.chart.locator(`[data-testid=chart-marker][data-kind=${kind}]`);
  }

  marker(kind: 'alert' | 'job' | 'command', id: string): Locator {
    return this.chart.locator(`[data-testid=chart-marker][data-kind=${kind}][data-id="${id}"]`);
  }

  /** Lines with ink on screen: plotly's own, or the newest points on the live tail overlay. */
  async drawnLines(): Promise<number> {
    return this.page.evaluate(() => {
      const paths = document.querySelectorAll(
        '[data-testid=live-chart] .scatterlayer path.js-line, [data-testid=live-tail] path',
      );
      return [...paths].filter((path) => /[LV]/.test(path.getAttribute('d') ?? '')).length;
    });
  }

  health(part: 'database' | 'bus' | 'outbox'): Locator {
    return this.page.getByTestId(`health-${part}`);
  }

  /** Adds a datastream to the panel and waits until the server confirmed its subscription. */
  async pick(key: string): Promise<void> {
    await this.option(key).getByRole('checkbox').check();
    await expect(this.option(key)).toHaveAttribute('data-selected', 'true');
    this.picked += 1;
    // Only confirmed subscriptions get pushes: ingesting before that could miss the live path.
    await expect(this.liveStatus).toHaveAttribute('data-subscribed', String(this.picked));
    await this.waitForChart();
  }

  /** Waits until the history load settled (data or "no data in this range"). */
  async waitForChart(): Promise<void> {
    // Every panel's chart: a layout of several loads each one's history.
    for (const chart of await this.chart.all()) {
      await expect(chart).toHaveAttribute('data-phase', /^(ready|empty)$/);
    }
  }

  /** What plotly holds for one trace: the graph div exposes `data`. */
  async trace(index = 0): Promise<{ x: Datum[]; y: Datum[]; name: string } | null> {
    return this.page.evaluate((i) => {
      const graph = document.querySelector('[data-testid=live-chart] .js-plotly-plot') as
        (Element & { data?: { x: Datum[]; y: Datum[]; name: string }[] }) | null;
      const trace = graph?.data?.[i];
      return trace ? { x: [...trace.x], y: [...trace.y], name: trace.name } : null;
    }, index);
  }

  async plottedValues(index = 0): Promise<Datum[]> {
    return (await this.trace(index))?.y ?? [];
  }
}
