import { describe, expect, it } from 'vitest';
import { errorExcerpt, lastProgress, modelCommand } from './model-executor';

describe('what both executors share', () => {
  it('runs run-model.ts under node with the heap cap, the job file as a separate argument', () => {
    const [node, ...args] = modelCommand('/data/jobs/a b;$(x)/input.json', 512);
    expect(node).toBe(process.execPath);
    expect(args[0]).toBe('--max-old-space-size=512');
    expect(args.at(-2)).toMatch(/run-model\.ts$/);
    expect(args.at(-1)).toBe('/data/jobs/a b;$(x)/input.json');
  });

  it('reads the last progress line of the model output', () => {
    expect(lastProgress('')).toBeUndefined();
    expect(lastProgress('progress 0.050\nprogress 0.350\nnoise\n')).toBe(0.35);
  });

  it('keeps the error, not the stack frames, from a crashed model', () => {
    const stderr = [
      '/repo/workers/simulation/run-model.ts:19',
      'RangeError: Invalid array length',
      '    at runDispersion (/repo/core/simulation/dispersion.ts:40:3)',
      '',
      'Node.js v20.20.2',
    ].join('\n');
    expect(errorExcerpt(stderr)).toBe('RangeError: Invalid array length');
    expect(errorExcerpt('killed\n')).toBe('killed');
  });
});
