import { describe, expect, it } from 'vitest';
import { notificationPreferencesSchema } from '../../../../core/contracts/preferences';
import { formOf, preferencesOf } from './prefsForm';

describe('the preferences form', () => {
  const loaded = notificationPreferencesSchema.parse({
    channels: [
      { kind: 'email', to: ['a@example.org', 'b@example.org'] },
      { kind: 'webhook', url: 'https://hooks.example.org/x', format: 'slack' },
      { kind: 'desktop' },
    ],
    minSeverity: 'warning',
    quietHours: { from: '22:00', to: '06:30', timeZone: 'Europe/Vienna' },
  });

  it('round-trips preferences through the form', () => {
    const form = formOf(loaded);
    expect(form.channels[0]).toEqual({
      kind: 'email',
      target: 'a@example.org, b@example.org',
      format: 'json',
    });
    expect(form).toMatchObject({ quiet: true, quietFrom: '22:00', timeZone: 'Europe/Vienna' });
    expect(preferencesOf(form, loaded)).toEqual(loaded);
  });

  it('splits addresses, drops quiet hours when off, keeps unknown fields', () => {
    const form = {
      ...formOf(loaded),
      quiet: false,
      channels: [
        {
          kind: 'email' as const,
          target: ' x@example.org,,y@example.org ',
          format: 'json' as const,
        },
      ],
    };
    const base = { ...loaded, extra: 1 } as typeof loaded;
    const prefs = preferencesOf(form, base);
    expect(prefs.channels).toEqual([{ kind: 'email', to: ['x@example.org', 'y@example.org'] }]);
    expect(prefs.quietHours).toBeNull();
    expect(prefs).toMatchObject({ extra: 1 });
    expect(notificationPreferencesSchema.safeParse(prefs).success).toBe(true);
  });
});
