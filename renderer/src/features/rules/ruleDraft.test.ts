import { describe, expect, it } from 'vitest';
import { ruleSchema } from '../../../../core/rules/rule-schema';
import { aliasFor, documentOf, draftOf, parseDocument, suggestedId } from './ruleDraft';
import type { ThresholdDraft } from './ruleDraft';

const draft: ThresholdDraft = {
  id: 'hot',
  name: 'Hot at Sattelberg',
  datastream: 'sattelberg.aws.air_temperature',
  op: 'above',
  value: 25,
  severity: 'critical',
  minDuration: '10m',
};

describe('the threshold form and its rule document', () => {
  it('fills a document the rule schema accepts, disabled until enabled', () => {
    const document = documentOf(draft, 'clara');
    expect(ruleSchema.safeParse(document).success).toBe(true);
    expect(document).toMatchObject({
      owner: 'clara',
      enabled: false,
      scope: { air_temperature: 'sattelberg.aws.air_temperature' },
      condition: { kind: 'threshold', of: 'air_temperature', compare: { op: 'above', value: 25 } },
      noise: { minDuration: '10m' },
    });
  });

  it('reads its own documents back, and keeps what the form does not show', () => {
    const base = { ...documentOf(draft, 'clara'), enabled: true, horizon: '2h' };
    expect(draftOf(base)).toEqual(draft);
    const changed = documentOf({ ...draft, value: 30 }, 'someone-else', base);
    expect(changed).toMatchObject({ enabled: true, horizon: '2h', owner: 'clara' });
  });

  it('says when a document is beyond the form', () => {
    const any = { ...documentOf(draft, 'c'), condition: { kind: 'any', conditions: [] } };
    expect(draftOf(any)).toBeNull();
    expect(draftOf({ ...documentOf(draft, 'c'), scope: { a: 'x.y.z', b: 'x.y.w' } })).toBeNull();
    expect(draftOf('text')).toBeNull();
  });

  it('makes valid input names and ids', () => {
    expect(aliasFor('zugspitze.dwd.2m_temp')).toBe('x_2m_temp');
    expect(aliasFor('a.b.and')).toBe('and_');
    expect(aliasFor('a.b.wind-speed')).toBe('wind_speed');
    expect(
      suggestedId({ datastream: 'sattelberg.aws.air_temperature', op: 'below', value: -5 }),
    ).toBe('sattelberg-air_temperature-below--5');
  });

  it('parses the editor text, naming a syntax error', () => {
    expect(parseDocument('{"id":"a"}')).toEqual({ ok: true, document: { id: 'a' } });
    expect(parseDocument('{"id":')).toMatchObject({ ok: false, error: /not valid JSON/ });
    expect(parseDocument('[1]')).toMatchObject({ ok: false, error: /JSON object/ });
  });
});
