import { describe, expect, it } from 'vitest';
import { escapeHtml, reportHtml } from './report-html';
import { sampleReport } from './sample-report.fixture';

describe('report as printable HTML', () => {
  it('escapes everything that came from data', () => {
    const html = reportHtml(sampleReport);
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt; &amp;');
    expect(escapeHtml(`<script>alert('x')</script>`)).toBe(
      '&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;',
    );
  });

  it('is self-contained and made for print: no scripts, links or remote assets', () => {
    const html = reportHtml(sampleReport);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    for (const section of [
      'Completeness against the cadence',
      'Findings',
      'Statistics',
      'Station comparison',
    ])
      expect(html).toContain(section);
    expect(html).toContain('2017-03-04 00:10Z');
  });
});
