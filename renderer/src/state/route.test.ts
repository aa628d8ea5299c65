import { describe, expect, it } from 'vitest';
import { detailFromHash, hashOf, pageFromHash, shortcutStep } from './route';

describe('hash routes', () => {
  it('maps hashes to pages, Live by default', () => {
    expect(pageFromHash('')).toBe('live');
    expect(pageFromHash('#/rules')).toBe('rules');
    expect(pageFromHash('#/alerts?open=true')).toBe('alerts');
    expect(pageFromHash('#jobs')).toBe('jobs');
    expect(pageFromHash('#/nowhere')).toBe('live');
  });

  it('goes to a page on g then a letter, within the time window only', () => {
    let state = shortcutStep({ gAt: null }, 'g', 1000);
    expect(state).toEqual({ gAt: 1000, page: null });
    expect(shortcutStep(state, 'r', 1500).page).toBe('rules');
    expect(shortcutStep(state, 'a', 5000).page).toBeNull();
    expect(shortcutStep(state, 'x', 1200)).toEqual({ gAt: null, page: null });
    state = shortcutStep(state, 'g', 1200);
    expect(shortcutStep(state, 'j', 1300).page).toBe('jobs');
    expect(shortcutStep({ gAt: null }, 'l', 0).page).toBeNull();
  });

  it('reads the item of a page from the address, and writes it back', () => {
    expect(detailFromHash('#/jobs/j-42')).toBe('j-42');
    expect(detailFromHash('#/jobs')).toBeNull();
    expect(detailFromHash('#/jobs/')).toBeNull();
    expect(detailFromHash('#/jobs/a%2Fb?x=1')).toBe('a/b');
    expect(detailFromHash('#/jobs/%E0%A4%A')).toBe('%E0%A4%A');
    expect(pageFromHash(hashOf('jobs', 'a/b'))).toBe('jobs');
    expect(detailFromHash(hashOf('jobs', 'a/b'))).toBe('a/b');
    expect(hashOf('jobs')).toBe('#/jobs');
  });
});
