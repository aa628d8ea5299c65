// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_SELECTED, resetSelection, useSelection } from './selection';

describe('selection store', () => {
  beforeEach(() => {
    localStorage.clear();
    resetSelection();
  });

  it('toggles datastreams in pick order', () => {
    const { toggle } = useSelection.getState();
    toggle('a.b.c');
    toggle('a.b.d');
    expect(useSelection.getState().keys).toEqual(['a.b.c', 'a.b.d']);
    toggle('a.b.c');
    expect(useSelection.getState().keys).toEqual(['a.b.d']);
  });

  it('refuses more than MAX_SELECTED datastreams', () => {
    for (let i = 0; i < MAX_SELECTED + 2; i += 1) useSelection.getState().toggle(`s.i.v${i}`);
    expect(useSelection.getState().keys).toHaveLength(MAX_SELECTED);
  });

  it('a zoom stops following; a preset or follow again drops the zoom', () => {
    const range = { from: 1000, to: 2000 };
    useSelection.getState().setCustomRange(range);
    expect(useSelection.getState()).toMatchObject({ customRange: range, follow: false });

    useSelection.getState().setPreset('7d');
    expect(useSelection.getState()).toMatchObject({
      preset: '7d',
      customRange: null,
      follow: false,
    });

    useSelection.getState().setCustomRange(range);
    useSelection.getState().setFollow(true);
    expect(useSelection.getState()).toMatchObject({ customRange: null, follow: true });
  });

  it('keeps only datastreams the catalog knows', () => {
    useSelection.setState({ keys: ['x.y.z', 'a.b.c'] });
    useSelection.getState().retain(new Set(['a.b.c']));
    expect(useSelection.getState().keys).toEqual(['a.b.c']);
  });

  it('persists the panel but not the zoom', () => {
    useSelection.getState().toggle('a.b.c');
    useSelection.getState().setCustomRange({ from: 1, to: 2 });
    const stored = JSON.parse(localStorage.getItem('firn.selection') ?? '{}') as { state: object };
    expect(stored.state).toEqual({ keys: ['a.b.c'], preset: '24h', follow: false });
  });
});
