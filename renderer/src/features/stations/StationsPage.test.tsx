// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StationsStatusResponse } from '../../../../core/contracts/stations';
import { ApiError } from '../../api/client';
import { useRoute } from '../../state/route';
import { useSelection } from '../../state/selection';
import * as api from './stationsApi';
import { StationsPage } from './StationsPage';
import { useStations } from './stationsStore';

vi.mock('./stationsApi', () => ({ fetchStationsStatus: vi.fn() }));
const mocked = vi.mocked(api);

const NOW = Date.now();
const answer: StationsStatusResponse = {
  generatedAt: new Date(NOW).toISOString(),
  windowHours: 24,
  lateFactor: 3,
  silentFactor: 10,
  quarantine: { open: 4, unattributed: 1, capped: false },
  stations: [
    {
      id: 'sattelberg',
      name: 'Sattelberg',
      state: 'late',
      quarantinedOpen: 3,
      instruments: [
        {
          id: 'aws',
          name: 'Automatic weather station',
          datastreams: [
            {
              key: 'sattelberg.aws.air_temperature',
              variable: 'air_temperature',
              unit: 'degC',
              cadenceSeconds: 600,
              cadenceSource: 'metadata',
              lastTime: new Date(NOW - 5 * 60_000).toISOString(),
              lastValue: -3.9,
              ageSeconds: 300,
              state: 'ok',
              ratePerHour: 6,
              gaps: { count: 1, longestSeconds: 4800 },
              examined: 143,
              windowStart: new Date(NOW - 86_400_000).toISOString(),
            },
            {
              key: 'sattelberg.aws.air_pressure',
              variable: 'air_pressure',
              unit: 'hPa',
              cadenceSeconds: 600,
              cadenceSource: 'metadata',
              lastTime: new Date(NOW - 55 * 60_000).toISOString(),
              lastValue: 778.8,
              ageSeconds: 3300,
              state: 'late',
              ratePerHour: 0,
              gaps: { count: 0, longestSeconds: null },
              examined: 138,
              windowStart: new Date(NOW - 86_400_000).toISOString(),
            },
          ],
        },
      ],
    },
  ],
};

beforeEach(() => {
  useStations.setState({ status: 'idle', error: null, data: null });
  mocked.fetchStationsStatus.mockReset();
});
afterEach(cleanup);

describe('StationsPage', () => {
  it('shows loading, then each datastream with its state in words', async () => {
    let resolve: (value: StationsStatusResponse) => void = () => {};
    mocked.fetchStationsStatus.mockReturnValue(new Promise((r) => (resolve = r)));
    render(<StationsPage />);
    expect(screen.getByTestId('stations-loading')).toBeTruthy();
    resolve(answer);
    const late = await screen.findByTestId('ds-state-sattelberg.aws.air_pressure');
    expect(late.textContent).toContain('late');
    expect(late.getAttribute('data-tone')).toBe('warn');
    expect(screen.getByTestId('ds-state-sattelberg.aws.air_temperature').textContent).toContain(
      'on time',
    );
    expect(screen.getByTestId('ds-value-sattelberg.aws.air_temperature').textContent).toBe(
      '-3.90 °C',
    );
    expect(screen.getByTestId('ds-gaps-sattelberg.aws.air_temperature').textContent).toBe(
      '1 · longest 1 h 20 min',
    );
    expect(screen.getByTestId('station-quarantine-sattelberg').textContent).toContain(
      '3 quarantined',
    );
    expect(screen.getByTestId('stations-quarantine').textContent).toContain(
      '4 quarantined rows open (1 without a station)',
    );
    expect(screen.getByTestId('stations-summary').textContent).toContain('1 late');
  });

  it('says so when no station is registered', async () => {
    mocked.fetchStationsStatus.mockResolvedValue({ ...answer, stations: [] });
    render(<StationsPage />);
    expect((await screen.findByTestId('stations-empty')).textContent).toContain('No stations');
  });

  it('shows the error with a retry that loads again', async () => {
    mocked.fetchStationsStatus.mockRejectedValueOnce(new ApiError('server unreachable', 0));
    mocked.fetchStationsStatus.mockResolvedValue(answer);
    render(<StationsPage />);
    expect((await screen.findByTestId('stations-error')).textContent).toContain(
      'server unreachable',
    );
    fireEvent.click(screen.getByTestId('stations-error-retry'));
    await screen.findByTestId('station-sattelberg');
    await waitFor(() => expect(screen.queryByTestId('stations-error')).toBeNull());
  });

  it('opens a datastream on the Live page', async () => {
    mocked.fetchStationsStatus.mockResolvedValue(answer);
    render(<StationsPage />);
    fireEvent.click(await screen.findByTestId('ds-open-sattelberg.aws.air_pressure'));
    expect(useRoute.getState().page).toBe('live');
    expect(useSelection.getState().panels).toEqual([['sattelberg.aws.air_pressure']]);
    expect(useSelection.getState().follow).toBe(true);
  });
});
