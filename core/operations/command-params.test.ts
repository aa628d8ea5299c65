import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandSpecSchema } from '../contracts/operations';
import { checkParams } from './command-params';

const setExposure = commandSpecSchema.parse({
  name: 'set-exposure',
  params: {
    seconds: { type: 'number', minimum: 1, maximum: 600 },
    frames: { type: 'number', integer: true, minimum: 1 },
    filter: { type: 'string', enum: ['oh', 'o2'] },
    label: { type: 'string', maxLength: 20 },
    dark: { type: 'boolean' },
  },
  required: ['seconds'],
  risk: 'approval',
});

describe('checkParams', () => {
  it('accepts every combination of valid parameters', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            seconds: fc.double({ min: 1, max: 600, noNaN: true }),
            frames: fc.integer({ min: 1, max: 1e6 }),
            filter: fc.constantFrom('oh', 'o2'),
            label: fc.string({ maxLength: 20 }),
            dark: fc.boolean(),
          },
          { requiredKeys: ['seconds'] },
        ),
        (params) => {
          expect(checkParams(setExposure, params)).toEqual({ ok: true, params });
        },
      ),
    );
  });

  it('refuses out-of-range numbers and names the parameter', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ max: 0.999, noNaN: true }), fc.double({ min: 600.001, noNaN: true })),
        (seconds) => {
          const result = checkParams(setExposure, { seconds });
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error).toMatch(/^set-exposure: seconds: /);
        },
      ),
    );
  });

  it('refuses unknown names, wrong types, missing required ones and non-objects', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ seconds: fc.constant(10), extra: fc.anything() }),
          fc.record({ seconds: fc.string() }),
          fc.record({ frames: fc.integer({ min: 1 }) }),
          fc.record({ seconds: fc.constant(10), frames: fc.double({ min: 1.01, max: 1.99 }) }),
          fc.record({
            seconds: fc.constant(10),
            filter: fc.string().filter((s) => s !== 'oh' && s !== 'o2'),
          }),
          fc.anything().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
        ),
        (params) => {
          expect(checkParams(setExposure, params).ok).toBe(false);
        },
      ),
    );
  });
});
