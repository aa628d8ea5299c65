import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { ControlRoom } from './ControlRoom';

export interface TrajectoryInput {
  station: string;
  releaseEnd: string;
  releaseHours: number;
  durationHours: number;
  particles: number;
  outputIntervalHours: number;
}

/** The Jobs page: the list, one job's detail and log, Cancel, footprints, runs by hand. */
export class JobsPage extends ControlRoom {
  readonly root: Locator;
  readonly detail: Locator;
  readonly cancel: Locator;
  readonly form: Locator;
  readonly footprint: Locator;
  readonly footprintPlot: Locator;
  readonly openLive: Locator;

  constructor(page: Page) {
    super(page);
    this.root = page.getByTestId('jobs-page');
    this.detail = page.getByTestId('job-detail');
    this.cancel = page.getByTestId('job-cancel');
    this.form = page.getByTestId('trajectory-form');
    this.footprint = page.getByTestId('footprint');
    this.footprintPlot = page.getByTestId('footprint-plot');
    this.openLive = page.getByTestId('job-open-live');
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

  /** Opens "Run a back-trajectory…" and fills it in (station and wind as proposed). */
  async fillTrajectory(input: TrajectoryInput): Promise<void> {
    await this.page.getByTestId('trajectory-open').click();
    await expect(this.form).toBeVisible();
    const field = (name: string) => this.page.getByTestId(`trajectory-${name}`);
    await field('station').selectOption(input.station);
    await expect(field('speed')).toHaveValue(`${input.station}.aws.wind_speed`);
    await field('release-end').fill(input.releaseEnd);
    await field('release-hours').fill(String(input.releaseHours));
    await field('duration').fill(String(input.durationHours));
    await field('particles').fill(String(input.particles));
    await field('interval').fill(String(input.outputIntervalHours));
  }

  async submitTrajectory(): Promise<void> {
    await this.page.getByTestId('trajectory-submit').click();
  }

  /** The map's background colour as drawn: it follows the theme. */
  async footprintBackground(): Promise<string | null> {
    return this.page.evaluate(() => {
      const svg = document.querySelector('[data-testid=footprint-plot] .main-svg');
      return svg ? getComputedStyle(svg).backgroundColor : null;
    });
  }

  /** What plotly holds in the footprint map: trace names and layout images. */
  async footprintFigure(): Promise<{ traces: string[]; images: number }> {
    return this.page.evaluate(() => {
      const graph = document.querySelector('[data-testid=footprint-plot] .js-plotly-plot') as
        (Element & { data?: { name: string }[]; layout?: { images?: unknown[] } }) | null;
      return {
        traces: (graph?.data ?? []).map((t) => t.name),
        images: graph?.layout?.images?.length ?? 0,
      };
    });
  }
}
