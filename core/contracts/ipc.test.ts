import { describe, expect, it } from 'vitest';
import { ipcChannels, ipcEvents, routeHashSchema } from './ipc';

describe('IPC contract', () => {
  it('takes a notification with or without the alert it is about', () => {
    const notify = ipcChannels['firn:notify'];
    expect(notify.parse({ title: 'Foehn', body: 'gusts 31 m/s' })).toEqual({
      title: 'Foehn',
      body: 'gusts 31 m/s',
    });
    expect(notify.parse({ title: 'Foehn', body: '', alertId: 'a-42' }).alertId).toBe('a-42');
    expect(notify.safeParse({ title: 'Foehn', body: '', alertId: '' }).success).toBe(false);
    expect(notify.safeParse({ title: 'Foehn', body: '', alertId: 42 }).success).toBe(false);
    expect(notify.safeParse({ title: 'x'.repeat(201), body: '' }).success).toBe(false);
  });

  it('lets only control-room routes through to the page', () => {
    const ok = [
      '#/live',
      '#/alerts',
      '#/alerts/a-42',
      '#/alerts/st%C3%B6rung%2F1',
      "#/jobs/(x)*!~'",
    ];
    for (const hash of ok) expect(routeHashSchema.safeParse(hash).success, hash).toBe(true);
    const refused = [
      '',
      '#/',
      'live',
      '#live',
      '#/Live',
      'javascript:alert(1)',
      'https://example.org/#/live',
      '#/alerts/a b',
      '#/alerts/<img src=x>',
      '#/alerts/a/b',
      '#/alerts/a?x=1',
      `#/alerts/${'a'.repeat(4000)}`,
    ];
    for (const hash of refused) expect(routeHashSchema.safeParse(hash).success, hash).toBe(false);
    expect(ipcEvents['firn:open-route'].safeParse({ hash: '#/rules' }).success).toBe(true);
    expect(ipcEvents['firn:open-route'].safeParse({ hash: '#/rules', extra: 1 }).data).toEqual({
      hash: '#/rules',
    });
  });
});
