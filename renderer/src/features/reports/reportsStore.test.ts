import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobDetail } from '../../api/controlRoom';
import { reportFixture } from './reportFixture';
import { fetchEvaluationJob, fetchReport, fetchReports, submitEvaluation } from './reportsApi';
import { useReports } from './reportsStore';

vi.mock('./reportsApi', () => ({
  fetchReports: vi.fn(),
  fetchReport: vi.fn(),
  submitEvaluation: vi.fn(),
  fetchEvaluationJob: vi.fn(),
}));

const jobIn = (
  state: JobDetail['job']['state'],
  progress: number,
  result: JobDetail['job']['result'] = null,
): JobDetail => ({
  job: {
    id: 'manual-1',
    queue: 'jobs.sod',
    type: 'evaluation',
    state,
    progress,
    message: 'sattelberg.aws.wind_speed evaluated',
    error: null,
    attempts: 1,
    origin: { user: 'local' },
    params: {},
    result,
  },
  logs: [],
});

describe('running an evaluation from the Reports page', () => {
  beforeEach(() => {
    vi.mocked(fetchReports).mockResolvedValue([]);
    useReports.setState({ run: null, runError: null, selectedId: null, report: null, station: '' });
  });

  it('follows the job’s progress and opens its report when it has succeeded', async () => {
    vi.mocked(submitEvaluation).mockResolvedValue('manual-1');
    await useReports.getState().start({ stations: ['sattelberg'], fromMs: 0, toMs: 86_400_000 });
    expect(useReports.getState().run).toMatchObject({ jobId: 'manual-1', state: 'queued' });

    vi.mocked(fetchEvaluationJob).mockResolvedValue(jobIn('running', 0.4));
    await useReports.getState().follow();
    expect(useReports.getState().run).toMatchObject({
      state: 'running',
      progress: 0.4,
      message: 'sattelberg.aws.wind_speed evaluated',
    });
    expect(fetchReport).not.toHaveBeenCalled();

    vi.mocked(fetchReport).mockResolvedValue(reportFixture);
    vi.mocked(fetchEvaluationJob).mockResolvedValue(
      jobIn('succeeded', 1, { reportId: reportFixture.id }),
    );
    await useReports.getState().follow();
    expect(fetchReport).toHaveBeenCalledWith(reportFixture.id);
    expect(useReports.getState()).toMatchObject({
      selectedId: reportFixture.id,
      report: reportFixture,
    });

    vi.mocked(fetchEvaluationJob).mockClear();
    await useReports.getState().follow(); // finished: nothing more to ask
    expect(fetchEvaluationJob).not.toHaveBeenCalled();
  });

  it('says why the job could not be started', async () => {
    vi.mocked(submitEvaluation).mockRejectedValue(new Error('params: name the stations'));
    await useReports.getState().start({ stations: [], fromMs: 0, toMs: 1 });
    expect(useReports.getState()).toMatchObject({
      run: null,
      runError: 'params: name the stations',
    });
  });

  it('filters the list by station', async () => {
    await useReports.getState().filter('ellboegen');
    expect(fetchReports).toHaveBeenLastCalledWith('ellboegen');
    expect(useReports.getState().status).toBe('ready');
  });
});
