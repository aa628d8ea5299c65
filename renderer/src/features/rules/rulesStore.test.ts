import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import type { StoredRule } from '../../api/controlRoom';
import { updateRule } from '../../api/controlRoom';
import { useRules } from './rulesStore';

vi.mock('../../api/controlRoom', () => ({ updateRule: vi.fn() }));
const update = vi.mocked(updateRule);

const rule: StoredRule = {
  id: 'hot',
  owner: 'local',
  visibility: 'private',
  enabled: false,
  version: 1,
  updatedAt: '2026-11-25T00:00:00Z',
  document: { id: 'hot', enabled: false, name: 'Hot' },
};

describe('the enabled switch', () => {
  beforeEach(() => {
    update.mockReset();
    useRules.setState({ rules: [rule], toggleErrors: {}, selectedId: null });
  });

  it('PUTs the stored document with enabled changed, shown switched at once', async () => {
    let answer: (value: StoredRule) => void = () => undefined;
    update.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const done = useRules.getState().toggleEnabled(rule);
    expect(useRules.getState().rules[0]?.enabled).toBe(true);
    expect(update).toHaveBeenCalledWith('hot', { id: 'hot', enabled: true, name: 'Hot' });
    answer({ ...rule, enabled: true, version: 2 });
    await done;
    expect(useRules.getState().rules[0]).toMatchObject({ enabled: true, version: 2 });
  });

  it('switches back and says why when the server refuses', async () => {
    update.mockRejectedValue(new ApiError('rule: owner only', 403));
    await useRules.getState().toggleEnabled(rule);
    expect(useRules.getState().rules[0]?.enabled).toBe(false);
    expect(useRules.getState().toggleErrors).toEqual({ hot: 'rule: owner only' });
  });
});
