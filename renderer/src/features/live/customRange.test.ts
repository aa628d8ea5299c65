import { describe, expect, it } from 'vitest';
import { customRangeOf, toUtcInput } from './customRange';

describe('custom range input', () => {
  it('reads two UTC datetime-local values as a range, and writes one back', () => {
    const range = customRangeOf('2017-03-04T06:00', '2017-03-05T18:30');
    expect(range).toEqual({
      from: Date.parse('2017-03-04T06:00:00Z'),
      to: Date.parse('2017-03-05T18:30:00Z'),
    });
    expect(toUtcInput(Date.parse('2017-03-04T06:00:59.999Z'))).toBe('2017-03-04T06:00');
  });

  it('says why a range is not one', () => {
    expect(customRangeOf('2017-02-30T25:00', '2017-03-05T18:30')).toEqual({
      error: 'give both times, as date and time (UTC)',
    });
    expect(customRangeOf('', '2017-03-05T18:30')).toEqual({
      error: 'give both times, as date and time (UTC)',
    });
    expect(customRangeOf('2017-03-05T18:30', '2017-03-05T18:30')).toEqual({
      error: 'the start must come before the end',
    });
  });
});
