// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetCatalog, useCatalog } from '../../state/catalog';
import { airTemperature } from '../../testing/chartFixtures';
import { ReadoutStrip } from './ReadoutStrip';

const T0 = Date.parse('2026-11-25T12:00:00Z');

function Strip() {
  return <ReadoutStrip streams={useCatalog((s) => s.datastreams)} panel={0} />;
}

describe('ReadoutStrip', () => {
  afterEach(() => {
    cleanup();
    resetCatalog();
    vi.useRealTimers();
  });

  it('dates a fresh live value against a clock no older than the refresh that brought it', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(T0);
    const lastTime = new Date(T0 - 60_000).toISOString();
    useCatalog.setState({ status: 'ready', datastreams: [{ ...airTemperature, lastTime }] });
    render(<Strip />);
    const readout = screen.getByTestId(`readout-${airTemperature.key}`);
    expect(readout.textContent).toContain('1 min ago');
    // 5 s later, before the strip's clock ticks, the live service folds in a new sample.
    vi.setSystemTime(T0 + 5_000);
    act(() => {
      useCatalog.getState().applyLatest(new Map([[airTemperature.key, { t: T0 + 4_800, v: 4 }]]));
    });
    expect(readout.textContent).toContain('4.00');
    expect(readout.textContent).toContain('0 s ago');
    expect(readout.textContent).not.toContain('in the future');
  });
});
