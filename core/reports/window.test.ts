import { describe, expect, it } from 'vitest';
import { evaluationParamsSchema } from '../contracts/evaluation';
import { windowOf } from './window';

const parse = (params: unknown) => evaluationParamsSchema.parse(params);

describe('the evaluation window', () => {
  it('is a UTC day by default and a local day with a time zone, 23 h when the clocks go forward', () => {
    expect(windowOf(parse({ stations: ['s'], day: '2017-03-04' }))).toEqual({
      fromMs: Date.UTC(2017, 2, 4),
      toMs: Date.UTC(2017, 2, 5),
    });
    expect(
      windowOf(parse({ stations: ['s'], day: '2017-01-10', timeZone: 'Europe/Vienna' })),
    ).toEqual({
      fromMs: Date.UTC(2017, 0, 9, 23),
      toMs: Date.UTC(2017, 0, 10, 23),
    });
    const spring = windowOf(
      parse({ stations: ['s'], day: '2017-03-26', timeZone: 'Europe/Vienna' }),
    );
    expect(spring).toEqual({ fromMs: Date.UTC(2017, 2, 25, 23), toMs: Date.UTC(2017, 2, 26, 22) });
  });

  it('takes fromMs/toMs as given', () => {
    expect(windowOf(parse({ datastreams: ['a.b.c'], fromMs: 5, toMs: 9 }))).toEqual({
      fromMs: 5,
      toMs: 9,
    });
  });
});

describe('evaluation parameters', () => {
  it('default to every check and refuse what cannot be evaluated, saying why', () => {
    expect(parse({ stations: ['sattelberg'], day: '2017-03-04' }).checks).toContain('stuck');
    const problems = (params: unknown) =>
      evaluationParamsSchema
        .safeParse(params)
        .error?.issues.map((i) => i.message)
        .join('; ') ?? '';
    expect(problems({ day: '2017-03-04' })).toContain('name the stations or the datastreams');
    expect(problems({ stations: ['s'] })).toContain('either a day');
    expect(problems({ stations: ['s'], day: '2017-03-04', fromMs: 1, toMs: 2 })).toContain(
      'either a day',
    );
    expect(problems({ stations: ['s'], fromMs: 1 })).toContain('go together');
    expect(problems({ stations: ['s'], fromMs: 9, toMs: 2 })).toContain('after fromMs');
    expect(problems({ stations: ['s'], fromMs: 0, toMs: 500 * 86_400_000 })).toContain('400 days');
    expect(problems({ stations: ['s'], day: '2017-03-04', timeZone: 'Mars/Olympus' })).toContain(
      'IANA',
    );
    expect(problems({ stations: ['s'], day: '2017-03-04', checks: ['vibes'] })).not.toBe('');
    expect(problems({ stations: ['Bad Id'], day: '2017-03-04' })).toContain('station id');
  });
});
