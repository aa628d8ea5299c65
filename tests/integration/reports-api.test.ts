import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportListSchema, storedReportSchema } from '../../core/contracts/report';
import type { JobRow } from '../../infra/jobs/job-store';
import { upsertReport } from '../../infra/reports/report-store';
import { backends } from '../support/backends';
import { startTestStation, type TestStation } from '../support/server';
import { evaluationHandler, reportIdOf } from '../../workers/report/evaluation-handler';

const TEMP = 'sattelberg.aws.air_temperature';
const day = Date.UTC(2017, 2, 4);
const context = {
  progress: async () => undefined,
  log: async () => undefined,
  signal: new AbortController().signal,
};
const hostile = `<img src=x onerror="alert('x')">, "quoted"\nline`;

describe.each(backends)('stored reports over HTTP on $name', (backend) => {
  let station: TestStation;
  const get = (path: string) => fetch(`${station.server.url}${path}`);
  beforeAll(async () => {
    station = await startTestStation(backend);
    // Half a day of 10-minute values: 8 h stuck at -3.5 °C, then a one-value spike.
    const observations = Array.from({ length: 72 }, (_, i) => ({
      datastream: TEMP,
      time: new Date(day + i * 600_000).toISOString(),
      value: i < 48 ? -3.5 : i === 60 ? 9 : -3 + i / 100,
    }));
    expect((await station.post(JSON.stringify({ observations }))).status).toBe(200);
    const job = {
      id: 'manual-eval',
      type: 'evaluation',
      params: { stations: ['sattelberg'], day: '2017-03-04' },
    };
    // Twice, as a redelivered job runs twice: still one report.
    for (let i = 0; i < 2; i++)
      await evaluationHandler(station.db).run(job as unknown as JobRow, context);
    const stored = storedReportSchema.parse(
      await (await get(`/api/v1/reports/${reportIdOf('manual-eval')}`)).json(),
    );
    await upsertReport(station.db, {
      ...stored,
      id: 'report-hostile',
      jobId: 'hostile',
      stations: ['ellboegen'],
      findings: [{ ...stored.findings[0]!, message: hostile }],
    });
  });
  afterAll(() => station.close());

  it('lists reports newest first, filtered by station, once per job', async () => {
    const all = reportListSchema.parse(await (await get('/api/v1/reports')).json()).reports;
    expect(all.map((r) => r.id)).toEqual(['report-hostile', 'report-manual-eval']);
    const sattelberg = reportListSchema.parse(
      await (await get('/api/v1/reports?station=sattelberg')).json(),
    );
    expect(sattelberg.reports).toEqual([
      expect.objectContaining({
        id: 'report-manual-eval',
        jobId: 'manual-eval',
        fromMs: day,
        stations: ['sattelberg'],
      }),
    ]);
    expect((await get('/api/v1/reports?station=Not%20A%20Station')).status).toBe(400);
    expect((await get('/api/v1/reports?limit=0')).status).toBe(400);
  });

  it('serves one report with its findings and statistics; 404 for an unknown id', async () => {
    const report = storedReportSchema.parse(
      await (await get('/api/v1/reports/report-manual-eval')).json(),
    );
    const temperature = report.summary.datastreams.find((d) => d.datastream === TEMP)!;
    expect(temperature.statistics).toMatchObject({ count: 72, min: -3.5, max: 9 });
    expect(temperature.completeness).toMatchObject({ expected: 144, present: 72 });
    expect(report.findings.map((f) => f.check).sort()).toEqual(['spike', 'stuck']);
    const missing = await get('/api/v1/reports/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('documents the routes in the OpenAPI document, with the file types', async () => {
    const { paths } = await (await get('/api/openapi.json')).json();
    expect(paths['/api/v1/reports'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'station',
      'limit',
    ]);
    expect(paths['/api/v1/reports/{id}'].get.responses['200'].content).toHaveProperty(
      'application/json',
    );
    expect(paths['/api/v1/reports/{id}/csv'].get.responses['200'].content).toHaveProperty([
      'text/csv',
    ]);
    expect(paths['/api/v1/reports/{id}/html'].get.responses['200'].content).toHaveProperty([
      'text/html',
    ]);
  });

  it('serves the report as CSV, quoted, as a download', async () => {
    const res = await get('/api/v1/reports/report-hostile/csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="report-hostile.csv"',
    );
    const text = await res.text();
    expect(text.split('\r\n')[0]).toMatch(/^type,datastream,check,from,to,count/);
    expect(text).toContain(`"<img src=x onerror=""alert('x')"">, ""quoted""\nline"`);
  });

  it('serves the printable HTML escaped, with a policy that allows no script', async () => {
    const res = await get('/api/v1/reports/report-hostile/html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;');
    expect((await get('/api/v1/reports/nope/html')).status).toBe(404);
  });
});
