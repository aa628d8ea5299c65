// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatastreamSummary } from '../../../../core/contracts/http';
import { resetCatalog, useCatalog } from '../../state/catalog';
import { resetSelection, useSelection } from '../../state/selection';
import { DatastreamPicker } from './DatastreamPicker';

function summary(key: string, unit: string, last: [string, number] | null): DatastreamSummary {
  const [station = '', instrument = '', variable = ''] = key.split('.');
  return {
    key,
    station,
    instrument,
    variable,
    unit,
    cadenceSeconds: 600,
    description: null,
    lastTime: last ? last[0] : null,
    lastValue: last ? last[1] : null,
    count: last ? 1 : 0,
  };
}

describe('DatastreamPicker', () => {
  beforeEach(() => {
    localStorage.clear();
    resetSelection();
    resetCatalog();
    useCatalog.setState({
      status: 'ready',
      stations: [
        { id: 'sattelberg', name: 'Sattelberg', latitude: 47, longitude: 11.5, altitude: 2107 },
        { id: 'ellboegen', name: 'Ellbögen', latitude: 47.2, longitude: 11.4, altitude: 1080 },
      ],
      datastreams: [
        summary('sattelberg.aws.air_temperature', 'degC', ['2019-06-30T23:50:00Z', -1.25]),
        summary('sattelberg.aws.wind_speed', 'm/s', null),
        summary('ellboegen.aws.air_pressure', 'hPa', ['2019-06-30T23:50:00Z', 901.5]),
      ],
    });
  });
  afterEach(cleanup);

  it('groups datastreams by station with unit and last value', () => {
    render(<DatastreamPicker />);
    const sattelberg = screen.getByTestId('station-sattelberg');
    expect(within(sattelberg).getByText('Sattelberg')).toBeTruthy();
    expect(within(sattelberg).getByText('2107 m')).toBeTruthy();
    const option = screen.getByTestId('datastream-option-sattelberg.aws.air_temperature');
    expect(option.textContent).toContain('air temperature');
    expect(option.textContent).toContain('°C');
    expect(screen.getByTestId('datastream-last-sattelberg.aws.air_temperature').textContent).toBe(
      '-1.25 °C',
    );
    expect(screen.getByTestId('datastream-last-sattelberg.aws.wind_speed').textContent).toBe('—');
    expect(within(screen.getByTestId('station-ellboegen')).getByText('901.5 hPa')).toBeTruthy();
  });

  it('adds and removes datastreams from the panel', () => {
    render(<DatastreamPicker />);
    const option = screen.getByTestId('datastream-option-sattelberg.aws.wind_speed');
    fireEvent.click(within(option).getByRole('checkbox'));
    expect(useSelection.getState().panels).toEqual([['sattelberg.aws.wind_speed']]);
    expect(option.dataset.selected).toBe('true');
    expect(screen.getByTestId('selection-count').textContent).toBe('1/8');
    fireEvent.click(within(option).getByRole('checkbox'));
    expect(useSelection.getState().panels).toEqual([[]]);
  });

  it('filters by every word typed', () => {
    render(<DatastreamPicker />);
    fireEvent.change(screen.getByTestId('datastream-filter'), { target: { value: 'sattel wind' } });
    expect(screen.queryByTestId('datastream-option-sattelberg.aws.air_temperature')).toBeNull();
    expect(screen.getByTestId('datastream-option-sattelberg.aws.wind_speed')).toBeTruthy();
    fireEvent.change(screen.getByTestId('datastream-filter'), {
      target: { value: 'nothing-like-this' },
    });
    expect(screen.getByTestId('datastream-picker-empty').textContent).toMatch(/nothing matches/i);
  });
});
