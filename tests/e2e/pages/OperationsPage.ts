import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect } from '@playwright/test';
import { ControlRoom } from './ControlRoom';

/** The operations console: pending approvals, instruments, history with audit, bookings. */
export class OperationsPage extends ControlRoom {
  readonly root: Locator;
  readonly pending: Locator;
  readonly instruments: Locator;
  readonly history: Locator;
  readonly bookings: Locator;
  readonly auditExport: Locator;
  readonly bookingRefusal: Locator;
  readonly bookingConfirmed: Locator;
  readonly commandMade: Locator;
  readonly commandRefusal: Locator;

  constructor(page: Page) {
    super(page);
    this.root = page.getByTestId('operations-page');
    this.pending = page.getByTestId('ops-pending');
    this.instruments = page.getByTestId('ops-instruments');
    this.history = page.getByTestId('ops-history');
    this.bookings = page.getByTestId('ops-bookings');
    this.auditExport = page.getByTestId('ops-audit-export');
    this.bookingRefusal = page.getByTestId('ops-booking-refusal');
    this.bookingConfirmed = page.getByTestId('ops-booking-confirmed');
    this.commandMade = page.getByTestId('ops-request-made');
    this.commandRefusal = page.getByTestId('ops-request-refusal');
  }

  async goto(): Promise<void> {
    await this.open('operations');
    await expect(this.root).toHaveAttribute('data-phase', 'ready');
  }

  /** The pending rows of one command name (ids come from the rule's job, not the test). */
  pendingOf(command: string): Locator {
    return this.pending.locator(`[data-testid^="ops-pending-row-"][data-command="${command}"]`);
  }

  /** The command id of a pending row, read from its test id. */
  async commandIdOf(row: Locator): Promise<string> {
    const testId = (await row.getAttribute('data-testid')) ?? '';
    return testId.replace('ops-pending-row-', '');
  }

  async decide(id: string, decision: 'approve' | 'reject', reason: string): Promise<void> {
    await this.page.getByTestId(`ops-pending-reason-${id}`).fill(reason);
    await this.page.getByTestId(`ops-pending-${decision}-${id}`).click();
  }

  historyRow(id: string): Locator {
    return this.page.getByTestId(`ops-history-row-${id}`);
  }

  async openAudit(id: string): Promise<Locator> {
    await this.page.getByTestId(`ops-history-open-${id}`).click();
    const audit = this.page.getByTestId(`ops-audit-${id}`);
    await expect(audit).toBeVisible();
    return audit;
  }

  instrumentMode(instrument: string): Locator {
    return this.page.getByTestId(`ops-instrument-mode-${instrument}`);
  }

  value(datastream: string): Locator {
    return this.page.getByTestId(`ops-value-number-${datastream}`);
  }

  /** `YYYY-MM-DDTHH:mm` in station time for a day of the week shown (0 = Monday). */
  async weekDayInput(day: number, time: string): Promise<string> {
    const date = await this.page.getByTestId(`ops-day-${day}`).getAttribute('data-date');
    return `${date ?? ''}T${time}`;
  }

  /** Requests a parameterless command for a time (station time) in a booked slot. */
  async requestCommandAt(command: string, at: string): Promise<void> {
    await this.page.getByTestId('ops-request-command').selectOption(command);
    await this.page.getByTestId('ops-request-when-slot').check();
    await this.page.getByTestId('ops-request-at').fill(at);
    await this.page.getByTestId('ops-request-submit').click();
  }

  /** Fills the booking form in station time (`YYYY-MM-DDTHH:mm`) and submits it. */
  async requestSlot(start: string, end: string, purpose: string): Promise<void> {
    await this.page.getByTestId('ops-booking-start').fill(start);
    await this.page.getByTestId('ops-booking-end').fill(end);
    await this.page.getByTestId('ops-booking-purpose').fill(purpose);
    await this.page.getByTestId('ops-booking-submit').click();
  }

  /** A screenshot of one section of the console, attached to the report. */
  async screenshotSection(testInfo: TestInfo, section: Locator, name: string): Promise<void> {
    const path = testInfo.outputPath(`${name}.png`);
    await section.screenshot({ path });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  }
}
