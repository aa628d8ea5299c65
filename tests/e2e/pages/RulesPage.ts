import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { ControlRoom } from './ControlRoom';

export interface ThresholdRule {
  datastream: string;
  op: 'above' | 'below';
  value: number;
  minDuration: string;
  severity: 'info' | 'warning' | 'critical';
  id: string;
  name: string;
}

/** The Rules page: list with enable switches, form and JSON editor, backtest, versions. */
export class RulesPage extends ControlRoom {
  readonly root: Locator;
  readonly json: Locator;
  readonly editorError: Locator;
  readonly notice: Locator;
  readonly backtestCount: Locator;
  readonly backtestWindows: Locator;
  /** The figure of the last backtest: the inputs' history with the alerts shaded over it. */
  readonly backtestPlot: Locator;
  /** plotly's own drawing of that figure: one group per trace, one path per shaded window. */
  readonly backtestTraces: Locator;
  readonly backtestShading: Locator;

  constructor(page: Page) {
    super(page);
    this.root = page.getByTestId('rules-page');
    this.json = page.getByTestId('rule-json');
    this.editorError = page.getByTestId('rule-editor-error');
    this.notice = page.getByTestId('rule-editor-notice');
    this.backtestCount = page.getByTestId('backtest-count');
    this.backtestWindows = page.getByTestId('backtest-window');
    this.backtestPlot = page.getByTestId('backtest-plot');
    this.backtestTraces = this.backtestPlot.locator('.scatterlayer .trace');
    this.backtestShading = this.backtestPlot.locator('.shapelayer path');
  }

  async goto(): Promise<void> {
    await this.open('rules');
    await expect(this.root).toHaveAttribute('data-phase', 'ready');
  }

  item(id: string): Locator {
    return this.page.getByTestId(`rule-item-${id}`);
  }

  enabledSwitch(id: string): Locator {
    return this.page.getByTestId(`rule-enabled-${id}`);
  }

  async fillForm(rule: ThresholdRule): Promise<void> {
    const field = (name: string) => this.page.getByTestId(`rule-form-${name}`);
    await field('datastream').selectOption(rule.datastream);
    await field('op').selectOption(rule.op);
    await field('value').fill(String(rule.value));
    await field('duration').fill(rule.minDuration);
    await field('severity').selectOption(rule.severity);
    await field('id').fill(rule.id);
    await field('name').fill(rule.name);
  }

  async create(): Promise<void> {
    await this.page.getByTestId('rule-create').click();
  }

  async backtest(from: string, to: string): Promise<void> {
    await this.page.getByTestId('backtest-from').fill(from);
    await this.page.getByTestId('backtest-to').fill(to);
    await this.page.getByTestId('backtest-run').click();
    await expect(this.page.getByTestId('backtest')).toHaveAttribute('data-status', /done|error/);
  }
}
