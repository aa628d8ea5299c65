import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../infra/config';
import { alertUrl, withAlertLink } from './alert-link';

const params = { subject: 's', text: 't', severity: 'info' as const, channels: [] };

describe('links to the alert in notifications', () => {
  it('point at the control room from the configuration, by default on its own port', () => {
    expect(loadConfig({ FIRN_PORT: '9000' }).publicUrl).toBe('http://127.0.0.1:9000');
    expect(loadConfig({ FIRN_PUBLIC_URL: 'https://firn.station.example/' }).publicUrl).toBe(
      'https://firn.station.example',
    );
    expect(() => loadConfig({ FIRN_PUBLIC_URL: 'ftp://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ FIRN_PUBLIC_URL: 'not a url' })).toThrow(/FIRN_PUBLIC_URL/);
  });

  it('open the alert of any id through the hash', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (id) => {
        const url = new URL(alertUrl('http://desk:8787', id));
        expect(url.hash.startsWith('#/alerts/')).toBe(true);
        expect(decodeURIComponent(url.hash.slice('#/alerts/'.length))).toBe(id);
      }),
    );
  });

  it('are added to rule notifications, and a link the rule wrote is kept', () => {
    const linked = withAlertLink(params, 'a-1', 'http://desk:8787');
    expect(linked.link).toBe('http://desk:8787/#/alerts/a-1');
    const own = { ...params, link: 'https://wiki.example/foehn' };
    expect(withAlertLink(own, 'a-1', 'http://desk:8787').link).toBe(own.link);
    expect(withAlertLink(params, undefined, 'http://desk:8787').link).toBeUndefined();
  });
});
