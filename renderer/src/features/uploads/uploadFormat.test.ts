import { describe, expect, it } from 'vitest';
import type { UploadResponse } from '../../../../core/contracts/uploads';
import {
  FIX_TEMPLATE,
  fixDraft,
  percentSent,
  resultSummary,
  sourceLabel,
  storingSummary,
} from './uploadFormat';

const result: UploadResponse = {
  file: 'sattelberg_10min_2017.csv',
  format: 'sattelberg',
  target: 'sattelberg.aws',
  bytes: 1000,
  rows: 12,
  accepted: 10,
  stored: 7,
  duplicates: 3,
  missing: 2,
  rejected: 2,
  firstRejections: [],
  quarantinedIds: [4, 5],
};

describe('upload wording', () => {
  it('gives whole percents, bounded, and 100 for an empty file', () => {
    expect(percentSent(0, 200)).toBe(0);
    expect(percentSent(199, 200)).toBe(99);
    expect(percentSent(500, 200)).toBe(100);
    expect(percentSent(0, 0)).toBe(100);
  });

  it('says what became of the rows in words', () => {
    expect(resultSummary(result)).toBe(
      'sattelberg → sattelberg.aws: 10 accepted · 3 already stored · 2 rejected · 2 missing (not stored)',
    );
    expect(resultSummary({ ...result, missing: 0 })).not.toContain('missing');
  });

  it('starts a fix from the row when it is a JSON object, else from the template', () => {
    const row =
      '{"datastream":"sattelberg.aws.air_temperature","time":"2018-01-01T00:00:00Z","value":"warm"}';
    expect(fixDraft({ raw: row })).toBe(row);
    expect(fixDraft({ raw: 'line 17' })).toBe(FIX_TEMPLATE);
    expect(fixDraft({ raw: '' })).toBe(FIX_TEMPLATE);
    expect(fixDraft({ raw: '[1,2]' })).toBe(FIX_TEMPLATE);
    expect(fixDraft({ raw: 'null' })).toBe(FIX_TEMPLATE);
  });

  it('names where a row came from', () => {
    expect(sourceLabel('upload:0b6e-uuid:sara:bad.csv')).toBe('upload bad.csv');
    expect(sourceLabel('upload:0b6e-uuid:sara:a:b.csv')).toBe('upload a:b.csv');
    expect(sourceLabel('http:token:3')).toBe('API token 3');
    expect(sourceLabel('import:/data/x.csv')).toBe('import:/data/x.csv');
    expect(sourceLabel(null)).toBe('unknown');
  });

  it('says how far storing has got, in words', () => {
    const progress = { read: 450, bytes: 1000, rows: 15000, stored: 14990, done: false };
    expect(storingSummary({ ...progress, duplicates: 0, rejected: 0 })).toBe(
      '45% read: 15,000 rows checked · 14,990 stored',
    );
    expect(storingSummary({ ...progress, duplicates: 7, rejected: 3 })).toBe(
      '45% read: 15,000 rows checked · 14,990 stored · 7 already stored · 3 rejected',
    );
  });
});
