import { describe, expect, it } from 'vitest';
import { isKnownPlaceholder, placeholdersOf, renderTemplate } from './template';

const fields = {
  'trigger.start': '2017-03-03T08:50:00.000Z',
  'trigger.startMs': 1488531000000,
  'values.wind': 14.2,
  'values.rh': null,
  backfill: false,
};

describe('action templates', () => {
  it('keep the type of a value when the string is exactly one placeholder', () => {
    expect(
      renderTemplate(
        {
          releaseTime: '{{trigger.start}}',
          at: '{{ trigger.startMs }}',
          wind: '{{values.wind}}',
          rh: '{{values.rh}}',
          late: '{{backfill}}',
        },
        fields,
      ),
    ).toEqual({
      releaseTime: '2017-03-03T08:50:00.000Z',
      at: 1488531000000,
      wind: 14.2,
      rh: null,
      late: false,
    });
  });

  it('interpolate placeholders inside text, in nested objects and arrays, leaving the rest', () => {
    const template = {
      text: 'wind {{values.wind}} m/s, rh {{values.rh}}',
      box: [1, { lat: 47.19, t: '{{trigger.start}}' }],
      on: true,
    };
    expect(renderTemplate(template, fields)).toEqual({
      text: 'wind 14.2 m/s, rh ',
      box: [1, { lat: 47.19, t: '2017-03-03T08:50:00.000Z' }],
      on: true,
    });
  });

  it('list placeholders with their paths and know which exist for a rule', () => {
    expect(placeholdersOf({ a: ['x {{values.t}}', { b: '{{alert.id}}{{rule.name}}' }] })).toEqual([
      { name: 'values.t', path: ['a', 0] },
      { name: 'alert.id', path: ['a', 1, 'b'] },
      { name: 'rule.name', path: ['a', 1, 'b'] },
    ]);
    expect(isKnownPlaceholder('values.t', ['t'])).toBe(true);
    expect(isKnownPlaceholder('scope.t', ['t'])).toBe(true);
    expect(isKnownPlaceholder('values.rh', ['t'])).toBe(false);
    expect(isKnownPlaceholder('trigger.end', ['t'])).toBe(true);
    expect(isKnownPlaceholder('values.<input>', ['t'])).toBe(false);
    expect(isKnownPlaceholder('constructor', ['t'])).toBe(false);
  });
});
