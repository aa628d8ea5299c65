import type { Locator, Page } from '@playwright/test';

/** One outbox state the header showed, `ms` after recording started. */
export interface OutboxState {
  ms: number;
  phase: string;
  text: string;
  /** aria-valuenow of the drain's progress bar, when one is shown. */
  progress: number | null;
}

type OutboxWindow = Window & { outboxStates?: OutboxState[] };

/** The header's health chips, including the outbox states of a hut whose bus comes and goes. */
export class HealthBar {
  readonly panel: Locator;
  readonly bus: Locator;
  readonly outbox: Locator;
  readonly offline: Locator;
  readonly drain: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('health-panel');
    this.bus = page.getByTestId('health-bus');
    this.outbox = page.getByTestId('health-outbox');
    this.offline = page.getByTestId('bus-offline');
    this.drain = page.getByTestId('outbox-drain');
  }

  /** The count the offline chip says, read from its text as an operator reads it. */
  async bufferedCount(): Promise<number | null> {
    const text = (await this.offline.textContent()) ?? '';
    const match = /offline:\s*([\d,]+)\s*buffered/.exec(text);
    return match ? Number(match[1]!.replaceAll(',', '')) : null;
  }

  /**
   * Starts recording every outbox state the header passes through, in the page itself: a
   * fast drain can come and go between two of the test's own looks at the page.
   */
  async recordOutboxStates(): Promise<void> {
    await this.page.evaluate(() => {
      const seen: OutboxState[] = [];
      (window as OutboxWindow).outboxStates = seen;
      const start = performance.now();
      const note = () => {
        const panel = document.querySelector('[data-testid=health-panel]');
        const bar = document.querySelector('[data-testid=outbox-drain] [role=progressbar]');
        const text = panel?.lastElementChild?.textContent ?? '';
        const phase = panel?.getAttribute('data-outbox') ?? 'none';
        const last = seen.at(-1);
        if (last && last.phase === phase && last.text === text) return;
        const progress = bar ? Number(bar.getAttribute('aria-valuenow')) : null;
        seen.push({ ms: Math.round(performance.now() - start), phase, text, progress });
      };
      const options = { subtree: true, childList: true, characterData: true, attributes: true };
      new MutationObserver(note).observe(document.body, options);
      note();
    });
  }

  /** What recordOutboxStates saw so far, oldest first. */
  outboxStates(): Promise<OutboxState[]> {
    return this.page.evaluate(() => (window as OutboxWindow).outboxStates ?? []);
  }
}
