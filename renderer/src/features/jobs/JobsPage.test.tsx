// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchJob, fetchJobs, type Job } from '../../api/controlRoom';
import { Nav } from '../../shell/Nav';
import { useRoute } from '../../state/route';
import { JobsPage } from './JobsPage';
import { useJobs } from './jobsStore';

vi.mock('../../api/controlRoom', () => ({
  fetchJobs: vi.fn(),
  fetchJob: vi.fn(),
  cancelJob: vi.fn(),
}));

function job(id: string): Job {
  return {
    id,
    queue: 'jobs.sod',
    type: 'notify',
    state: 'succeeded',
    progress: null,
    message: null,
    error: null,
    attempts: 1,
    origin: { user: 'clara' },
    params: {},
    result: null,
  };
}

const JOBS = [job('j-1'), job('j-2'), job('j-3')];

describe('JobsPage and the address', () => {
  beforeEach(() => {
    vi.mocked(fetchJobs).mockResolvedValue(JOBS);
    vi.mocked(fetchJob).mockImplementation(async (id) => ({ job: job(id), logs: [] }));
    useJobs.setState({ status: 'idle', jobs: [], selectedId: null, detail: null });
  });
  afterEach(() => {
    cleanup();
    vi.clearAllMocks();
    history.replaceState(null, '', '#/live');
    useRoute.getState().sync('#/live');
  });

  const selectedRow = () => document.querySelector('tr[aria-selected="true"]');

  it('opens the job named in #/jobs/<id> on load and follows the hash when it changes', async () => {
    history.replaceState(null, '', '#/jobs/j-2');
    render(
      <>
        <Nav />
        <JobsPage />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId('job-detail').textContent).toContain('j-2'));
    expect(selectedRow()?.getAttribute('data-testid')).toBe('job-row-j-2');
    expect(fetchJob).toHaveBeenCalledWith('j-2');

    // A link elsewhere in the app (an alert's job, a schedule's last run) changes the hash.
    location.hash = '#/jobs/j-3';
    await waitFor(() => expect(selectedRow()?.getAttribute('data-testid')).toBe('job-row-j-3'));
    await waitFor(() => expect(screen.getByTestId('job-detail').textContent).toContain('j-3'));

    // Back to the list alone: nothing chosen.
    location.hash = '#/jobs';
    await waitFor(() => expect(selectedRow()).toBeNull());
  });

  it('puts the job chosen in the list into the address', async () => {
    history.replaceState(null, '', '#/jobs');
    useRoute.getState().sync(location.hash);
    render(
      <>
        <Nav />
        <JobsPage />
      </>,
    );
    (await screen.findByTestId('job-open-j-1')).click();
    await waitFor(() => expect(location.hash).toBe('#/jobs/j-1'));
    await waitFor(() => expect(screen.getByTestId('job-detail').textContent).toContain('j-1'));
  });
});
