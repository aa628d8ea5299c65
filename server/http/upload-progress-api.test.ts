import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadProgressSchema, type UploadProgress } from '../../core/contracts/uploads';
import { backends } from '../../tests/support/backends';
import { sharedData, startTestStation, type TestStation } from '../../tests/support/server';

const pglite = backends.find((b) => b.name === 'pglite');
if (!pglite) throw new Error('no pglite backend');

/** 3,000 lines of the real Sattelberg file: several import batches of 5,000 rows. */
const file = fs
  .readFileSync(path.join(sharedData, 'sattelberg/sattelberg_10min_2017.csv'), 'utf8')
  .split('\n')
  .slice(0, 3001)
  .join('\n');

describe('upload progress over HTTP', () => {
  let station: TestStation;
  const as = (user: string) => ({ 'X-Firn-User': user });
  const progressOf = (id: string, user = 'sara') =>
    fetch(`${station.server.url}/api/v1/uploads/${id}/progress`, { headers: as(user) });
  const upload = (id: string) =>
    fetch(`${station.server.url}/api/v1/uploads?name=sattelberg_10min_2017.csv&progress=${id}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', ...as('sara') },
      body: file,
    });

  beforeAll(async () => {
    station = await startTestStation(pglite);
  });
  afterAll(() => station?.close());

  it("reports the upload's rows while it is stored, then its totals, to its sender only", async () => {
    const id = randomUUID();
    const answer = upload(id).then((res) => res.json());
    const seen: UploadProgress[] = [];
    let finished = false;
    void answer.finally(() => (finished = true));
    while (!finished) {
      const res = await progressOf(id);
      if (res.status === 200) seen.push(uploadProgressSchema.parse(await res.json()));
      else expect(res.status).toBe(404); // not begun: the body is still being spooled
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const totals = (await answer) as { rows: number; stored: number; bytes: number };
    expect(totals.stored).toBeGreaterThan(10_000);

    const last = uploadProgressSchema.parse(await (await progressOf(id)).json());
    expect(last).toMatchObject({ done: true, rows: totals.rows, stored: totals.stored });
    expect(last.read).toBe(last.bytes);
    expect(last.bytes).toBe(totals.bytes);
    // Whatever was seen on the way never ran ahead of the end, nor backwards.
    for (const [i, p] of seen.entries()) {
      expect(p.stored).toBeLessThanOrEqual(totals.stored);
      expect(p.rows).toBeGreaterThanOrEqual(seen[i - 1]?.rows ?? 0);
    }

    expect((await progressOf(id, 'otto')).status).toBe(404);
    expect((await progressOf(randomUUID())).status).toBe(404);
    const again = await upload(id);
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toContain(id);
  });

  it('refuses a progress id that is not a UUID, and stores nothing of that upload', async () => {
    const res = await upload('not-a-uuid');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain('progress');
  });
});
