import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { SettingsPage } from './SettingsPage';

export interface ScheduleFormInput {
  name: string;
  at: string;
  timeZone?: string;
  /** Weekdays (`mon` … `sun`); daily when left out. */
  days?: string[];
}

/** The Schedules section of the Settings page: recurring jobs such as the daily report. */
export class SchedulesSection extends SettingsPage {
  readonly section: Locator;
  readonly scheduleForm: Locator;

  constructor(page: Page) {
    super(page);
    this.section = page.getByTestId('schedules');
    this.scheduleForm = page.getByTestId('schedule-form');
  }

  async gotoSchedules(): Promise<void> {
    await this.goto();
    await expect(this.section).toHaveAttribute('data-phase', 'ready');
  }

  scheduleField(name: string): Locator {
    return this.page.getByTestId(`schedule-${name}`);
  }

  /** The row of the schedule of that name. */
  row(name: string): Locator {
    return this.section.locator(`tr[data-name="${name}"]`);
  }

  rowPart(
    name: string,
    part: 'run' | 'toggle' | 'edit' | 'delete' | 'next-run' | 'last-run' | 'last-job',
  ) {
    return this.row(name).locator(`[data-testid^="schedule-${part}-"]`);
  }

  async create(input: ScheduleFormInput): Promise<void> {
    await this.scheduleField('add').click();
    await expect(this.scheduleForm).toBeVisible();
    await this.scheduleField('name').fill(input.name);
    if (input.days) {
      await this.scheduleField('kind').selectOption('weekly');
      for (const day of ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']) {
        await this.scheduleField(`day-${day}`).setChecked(input.days.includes(day));
      }
    }
    await this.scheduleField('at').fill(input.at);
    if (input.timeZone) await this.scheduleField('time-zone').fill(input.timeZone);
    await this.scheduleField('save').click();
    await expect(this.scheduleForm).toHaveCount(0);
    await expect(this.row(input.name)).toBeVisible();
  }
}
