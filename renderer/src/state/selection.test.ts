// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  activeKeys,
  allKeys,
  layoutOf,
  MAX_PANELS,
  MAX_SELECTED,
  resetSelection,
  useSelection,
} from './selection';

const state = () => useSelection.getState();

describe('selection store', () => {
  beforeEach(() => {
    localStorage.clear();
    resetSelection();
  });

  it('toggles datastreams in pick order', () => {
    state().toggle('a.b.c');
    state().toggle('a.b.d');
    expect(activeKeys(state())).toEqual(['a.b.c', 'a.b.d']);
    state().toggle('a.b.c');
    expect(state().panels).toEqual([['a.b.d']]);
  });

  it('refuses more than MAX_SELECTED datastreams on a panel', () => {
    for (let i = 0; i < MAX_SELECTED + 2; i += 1) state().toggle(`s.i.v${i}`);
    expect(activeKeys(state())).toHaveLength(MAX_SELECTED);
  });

  it('adds panels (the picker then adds to the new one), up to MAX_PANELS, and removes them', () => {
    state().toggle('a.b.c');
    state().addPanel();
    expect(state().active).toBe(1);
    state().toggle('a.b.d');
    state().toggle('a.b.c');
    expect(state().panels).toEqual([['a.b.c'], ['a.b.d', 'a.b.c']]);
    expect(allKeys(state().panels)).toEqual(['a.b.c', 'a.b.d']);
    state().toggle('a.b.c', 0); // a readout's remove button names its panel
    expect(state().panels).toEqual([[], ['a.b.d', 'a.b.c']]);

    for (let i = 0; i < MAX_PANELS + 1; i += 1) state().addPanel();
    expect(state().panels).toHaveLength(MAX_PANELS);
    state().setActive(2);
    state().removePanel(0);
    expect(state().panels).toHaveLength(MAX_PANELS - 1);
    expect(state().active).toBe(1); // the same panel, one place up
    expect(state().panels[0]).toEqual(['a.b.d', 'a.b.c']);
    while (state().panels.length > 1) state().removePanel(0);
    state().removePanel(0);
    expect(state().panels).toEqual([[]]); // never fewer than one panel
  });

  it('a zoom stops following; a preset or follow again drops the zoom', () => {
    const range = { from: 1000, to: 2000 };
    state().setCustomRange(range);
    expect(state()).toMatchObject({ customRange: range, follow: false });

    state().setPreset('7d');
    expect(state()).toMatchObject({ preset: '7d', customRange: null, follow: false });

    state().setCustomRange(range);
    state().setFollow(true);
    expect(state()).toMatchObject({ customRange: null, follow: true });
  });

  it('opens a saved layout, following the clock, and saves the page as one', () => {
    state().setCustomRange({ from: 1, to: 2 });
    state().applyLayout({ panels: [{ keys: ['a.b.c'] }, { keys: ['x.y.z'] }], preset: '7d' });
    expect(state()).toMatchObject({
      panels: [['a.b.c'], ['x.y.z']],
      active: 0,
      preset: '7d',
      follow: true,
      customRange: null,
    });
    expect(layoutOf(state())).toEqual({
      panels: [{ keys: ['a.b.c'] }, { keys: ['x.y.z'] }],
      preset: '7d',
    });
    state().showOnly(['q.r.s'], { from: 5, to: 6 });
    expect(state()).toMatchObject({ panels: [['q.r.s']], follow: false });
  });

  it('keeps only datastreams the catalog knows', () => {
    useSelection.setState({ panels: [['x.y.z', 'a.b.c'], ['x.y.z']] });
    state().retain(new Set(['a.b.c']));
    expect(state().panels).toEqual([['a.b.c'], []]);
  });

  it('persists the panels but not the zoom', () => {
    state().toggle('a.b.c');
    state().setCustomRange({ from: 1, to: 2 });
    const stored = JSON.parse(localStorage.getItem('firn.selection') ?? '{}') as {
      state: object;
      version: number;
    };
    expect(stored).toMatchObject({ version: 1 });
    expect(stored.state).toEqual({ panels: [['a.b.c']], active: 0, preset: '24h', follow: false });
  });

  it('restores a one-panel selection of the earlier format, and only what fits', async () => {
    const v0 = { state: { keys: ['a.b.c'], preset: '7d', follow: false }, version: 0 };
    localStorage.setItem('firn.selection', JSON.stringify(v0));
    await useSelection.persist.rehydrate();
    expect(state()).toMatchObject({ panels: [['a.b.c']], active: 0, preset: '7d', follow: false });

    const odd = { panels: [['a.b.c', 7], 'x', ...Array(6).fill([])], active: 9, preset: '2h' };
    localStorage.setItem('firn.selection', JSON.stringify({ state: odd, version: 1 }));
    await useSelection.persist.rehydrate();
    expect(state().panels).toEqual([['a.b.c'], [], [], []]);
    expect(state()).toMatchObject({ active: 3, preset: '7d' });
  });
});
