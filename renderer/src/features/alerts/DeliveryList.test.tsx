// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlertDetailPanel } from './AlertDetailPanel';
import { useAlertDetail } from './alertDetailStore';
import { alertIdFromHash, hashOfAlert } from './alertSelection';
import { DeliveryList } from './DeliveryList';
import type { Delivery } from './deliveriesApi';

const sent: Delivery = {
  jobId: 'job-1',
  channel: 'email:clara@uni.example',
  state: 'sent',
  attempts: 1,
  detail: 'accepted by SMTP: 1 recipient(s)',
  at: '2026-11-25T06:00:00.000Z',
};
const failed: Delivery = {
  ...sent,
  channel: 'webhook:https://chat.example/hook',
  state: 'failed',
  attempts: 3,
  detail: 'webhook answered 503',
};

describe('DeliveryList', () => {
  afterEach(cleanup);

  it('shows channel, state in words, attempts, the last error and the time', () => {
    render(<DeliveryList deliveries={[sent, failed]} testId="list" />);
    const row = screen.getByTestId(`delivery-${failed.channel}`);
    expect(row.dataset.state).toBe('failed');
    expect(row.textContent).toContain('failed');
    expect(row.textContent).toContain('webhook answered 503');
    expect(screen.getByTestId(`delivery-attempts-${failed.channel}`).textContent).toBe('3');
    expect(screen.getByTestId(`delivery-${sent.channel}`).textContent).toContain(
      '2026-11-25 06:00 UTC',
    );
  });

  it('says when nothing was delivered', () => {
    render(<DeliveryList deliveries={[]} testId="list" />);
    expect(screen.getByTestId('list-empty').textContent).toMatch(/No deliveries/);
  });
});

describe('the alert in the address', () => {
  it('round-trips any alert id through the hash', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (id) => {
        expect(alertIdFromHash(hashOfAlert(id))).toBe(id);
      }),
    );
    expect(alertIdFromHash('#/alerts')).toBeNull();
    expect(alertIdFromHash('#/alerts/')).toBeNull();
    expect(alertIdFromHash('#/alerts/%E0%A4%A')).toBeNull();
    expect(alertIdFromHash('#/rules/x')).toBeNull();
  });
});

describe('AlertDetailPanel', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("loads the selected alert and lists its notifications' deliveries", async () => {
    const alert = {
      id: 'a-1',
      ruleId: 'south-foehn',
      severity: 'warning',
      status: 'firing',
      startMs: 0,
      firingMs: 60_000,
      resolvedMs: null,
      flapping: false,
      backfill: false,
      acknowledged: null,
      shelvedUntilMs: null,
      values: { wind: 14 },
    };
    const notifications = [
      {
        jobId: 'job-1',
        state: 'failed',
        recipient: 'clara',
        message: 'delivery failed',
        createdAt: sent.at,
        deliveries: [sent, failed],
      },
    ];
    const fetchMock = vi.fn(async (url: string) => {
      const body = url.endsWith('/deliveries') ? { jobs: notifications } : { alert, events: [] };
      return new Response(JSON.stringify(body), { status: 200 });
    });
    vi.stubGlobal('fetch', fetchMock);
    render(<AlertDetailPanel />);
    await useAlertDetail.getState().select('a-1');
    await waitFor(() => expect(screen.getByTestId('alert-detail').dataset.phase).toBe('ready'));
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/alerts/a-1/deliveries', expect.anything());
    expect(screen.getByTestId('alert-detail-status').textContent).toBe('firing');
    expect(screen.getByTestId('alert-notification-job-1').textContent).toContain('to clara');
    expect(screen.getByTestId(`delivery-${failed.channel}`).dataset.state).toBe('failed');
  });

  it('shows the error and a retry when the alert cannot be loaded', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({ error: { code: 'not_found', message: 'alert "x" not found' } }),
            { status: 404 },
          ),
      ),
    );
    render(<AlertDetailPanel />);
    await useAlertDetail.getState().select('x');
    await waitFor(() =>
      expect(screen.getByTestId('alert-detail-error').textContent).toContain('not found'),
    );
    expect(screen.getByTestId('alert-detail-error-retry')).toBeTruthy();
  });
});
