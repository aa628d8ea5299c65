import { beforeEach, describe, expect, it } from 'vitest';
import { useRoute } from '../../state/route';
import { resetSelection, useSelection } from '../../state/selection';
import { liveViewOf, openLiveAt } from './liveLink';

const HOUR = 3_600_000;
const wind = { speed: 'sattelberg.aws.wind_speed', direction: 'sattelberg.aws.wind_direction' };
const release = { releaseStart: Date.UTC(2017, 2, 4, 12), releaseEnd: Date.UTC(2017, 2, 4, 13) };

describe('a job on the Live page', () => {
  beforeEach(() => resetSelection());

  it('shows the trigger window of a rule job, with room around it, on its datastreams', () => {
    const startMs = Date.UTC(2017, 2, 4, 10);
    const atMs = startMs + 4 * HOUR;
    const view = liveViewOf(
      { origin: { ruleId: 'foehn', trigger: { startMs, atMs } }, params: { model: release, wind } },
      { wind: wind.speed, t: 'ellboegen.aws.air_temperature', window: '1h' },
    );
    expect(view).toEqual({
      keys: [wind.speed, wind.direction, 'ellboegen.aws.air_temperature'],
      range: { from: startMs - 2 * HOUR, to: atMs + 2 * HOUR },
    });
  });

  it('shows the release window of a run asked for by hand, an hour either side', () => {
    const view = liveViewOf({ origin: { user: 'clara' }, params: { model: release, wind } });
    expect(view?.range).toEqual({
      from: release.releaseStart - HOUR,
      to: release.releaseEnd + HOUR,
    });
  });

  it('has nothing to show without a window or datastreams', () => {
    expect(liveViewOf({ origin: {}, params: { wind } })).toBeNull();
    expect(liveViewOf({ origin: {}, params: { model: release } })).toBeNull();
  });

  it('opens the Live page fixed on the range, replacing the selection', () => {
    useSelection.getState().toggle('other.aws.x');
    openLiveAt({ keys: [wind.speed], range: { from: 1, to: 2 } });
    expect(useSelection.getState()).toMatchObject({
      panels: [[wind.speed]],
      customRange: { from: 1, to: 2 },
      follow: false,
    });
    expect(useRoute.getState().page).toBe('live');
    expect(location.hash).toBe('#/live');
  });
});
