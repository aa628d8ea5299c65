import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stationDataDir } from './data-dir';

describe('station data folder', () => {
  it('is FIRN_DATA_DIR when set, else the XDG data folder, else ~/.local/share/firn', () => {
    const home = path.resolve('/home/op');
    expect(stationDataDir({ FIRN_DATA_DIR: '/srv/firn' }, home)).toBe(path.resolve('/srv/firn'));
    expect(stationDataDir({ XDG_DATA_HOME: '/data' }, home)).toBe(path.resolve('/data/firn'));
    expect(stationDataDir({}, home)).toBe(path.join(home, '.local', 'share', 'firn'));
    // An empty variable counts as unset, as in infra/config.ts.
    expect(stationDataDir({ FIRN_DATA_DIR: '', XDG_DATA_HOME: '' }, home)).toBe(
      path.join(home, '.local', 'share', 'firn'),
    );
  });
});
