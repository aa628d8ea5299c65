// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuarantineRow } from '../../../../core/contracts/uploads';
import { ApiError } from '../../api/client';
import { useQuarantine } from './quarantineStore';
import * as api from './uploadsApi';
import { UploadsPage } from './UploadsPage';
import { useUploads } from './uploadsStore';

vi.mock('./uploadsApi', () => ({
  uploadFile: vi.fn(),
  fetchQuarantine: vi.fn(),
  fixQuarantined: vi.fn(),
  discardQuarantined: vi.fn(),
}));
const mocked = vi.mocked(api);

const row = (id: number, raw: string, error: string): QuarantineRow => ({
  id,
  batchId: 3,
  rowIndex: 1,
  error,
  raw,
  source: 'upload:uuid:sara:bad.csv',
  receivedAtMs: Date.UTC(2026, 0, 2, 3, 4, 5),
  resolvedAtMs: null,
  resolution: null,
});
const warm = row(
  7,
  '{"datastream":"sattelberg.aws.air_temperature","time":"2018-03-01T00:10:00Z","value":"warm"}',
  'value "warm" is not a number',
);
const stationLine = row(8, 'line 17', 'line 17: 5 cells, the header has 6');

describe('Upload page', () => {
  beforeEach(() => {
    useQuarantine.setState({
      status: 'idle',
      error: null,
      filter: '',
      rows: [],
      work: {},
      closed: [],
    });
    useUploads.setState({ items: [] });
  });
  afterEach(() => {
    cleanup();
    vi.clearAllMocks();
  });

  it('says when the quarantine is empty, and shows a load error with a retry', async () => {
    mocked.fetchQuarantine.mockRejectedValueOnce(new ApiError('server unreachable', 0));
    render(<UploadsPage />);
    expect(screen.getByTestId('quarantine-loading')).toBeTruthy();
    await screen.findByTestId('quarantine-error');
    mocked.fetchQuarantine.mockResolvedValueOnce({ rows: [], total: 0, nextBefore: null });
    fireEvent.click(screen.getByTestId('quarantine-error-retry'));
    expect((await screen.findByTestId('quarantine-empty')).textContent).toContain(
      'Nothing in quarantine',
    );
  });

  it('fixes a row: starts from its JSON, shows a refusal, closes it once accepted', async () => {
    mocked.fetchQuarantine.mockResolvedValue({
      rows: [warm, stationLine],
      total: 2,
      nextBefore: null,
    });
    render(<UploadsPage />);
    const item = (await screen.findAllByTestId('quarantine-row'))[0] as HTMLElement;
    expect(within(item).getByTestId('quarantine-row-error').textContent).toContain('"warm"');
    fireEvent.click(within(item).getByTestId('quarantine-fix'));
    const text = within(item).getByTestId('quarantine-fix-text') as HTMLTextAreaElement;
    expect(text.value).toBe(warm.raw);

    mocked.fixQuarantined.mockRejectedValueOnce(
      new ApiError('the fix is refused: value "hot" is not a number', 422),
    );
    fireEvent.change(text, { target: { value: warm.raw.replace('warm', 'hot') } });
    fireEvent.click(within(item).getByTestId('quarantine-fix-submit'));
    expect((await within(item).findByTestId('quarantine-row-problem')).textContent).toContain(
      'refused',
    );
    expect(mocked.fixQuarantined).toHaveBeenLastCalledWith(7, warm.raw.replace('warm', 'hot'));

    mocked.fixQuarantined.mockResolvedValueOnce({
      row: { ...warm, resolution: 'fixed', resolvedAtMs: 1 },
      accepted: 1,
      duplicates: 0,
    });
    fireEvent.change(text, { target: { value: warm.raw.replace('"warm"', '-3.6') } });
    fireEvent.click(within(item).getByTestId('quarantine-fix-submit'));
    await waitFor(() => expect(screen.getAllByTestId('quarantine-row')).toHaveLength(1));
    expect(screen.getByTestId('quarantine-closed').textContent).toBe('Row 7 fixed.');
    expect(screen.getByTestId('quarantine-total').textContent).toBe('1 open row');
  });

  it('offers the template for a station-file line and discards a row', async () => {
    mocked.fetchQuarantine.mockResolvedValue({ rows: [stationLine], total: 1, nextBefore: null });
    render(<UploadsPage />);
    const item = await screen.findByTestId('quarantine-row');
    fireEvent.click(within(item).getByTestId('quarantine-fix'));
    expect(
      (within(item).getByTestId('quarantine-fix-text') as HTMLTextAreaElement).value,
    ).toContain('"datastream"');
    fireEvent.click(within(item).getByTestId('quarantine-fix-cancel'));
    mocked.discardQuarantined.mockResolvedValueOnce({ ...stationLine, resolution: 'discarded' });
    fireEvent.click(within(item).getByTestId('quarantine-discard'));
    expect((await screen.findByTestId('quarantine-empty')).textContent).toContain('Nothing');
    expect(mocked.discardQuarantined).toHaveBeenCalledWith(8);
  });

  it('filters by error and pages to older rows', async () => {
    mocked.fetchQuarantine.mockResolvedValueOnce({ rows: [warm], total: 2, nextBefore: 7 });
    render(<UploadsPage />);
    await screen.findByTestId('quarantine-list');
    mocked.fetchQuarantine.mockResolvedValueOnce({
      rows: [stationLine],
      total: 2,
      nextBefore: null,
    });
    fireEvent.click(screen.getByTestId('quarantine-more'));
    await waitFor(() => expect(screen.getAllByTestId('quarantine-row')).toHaveLength(2));
    expect(mocked.fetchQuarantine).toHaveBeenLastCalledWith({ error: '', before: 7, limit: 50 });
    expect(screen.queryByTestId('quarantine-more')).toBeNull();

    mocked.fetchQuarantine.mockResolvedValueOnce({ rows: [], total: 0, nextBefore: null });
    fireEvent.change(screen.getByTestId('quarantine-filter'), {
      target: { value: 'nothing like it' },
    });
    expect((await screen.findByTestId('quarantine-empty')).textContent).toContain('No open row');
    expect(mocked.fetchQuarantine).toHaveBeenLastCalledWith({
      error: 'nothing like it',
      before: null,
      limit: 50,
    });
  });

  it('sends chosen files one by one and shows each result with its first rejected rows', async () => {
    mocked.fetchQuarantine.mockResolvedValue({ rows: [], total: 0, nextBefore: null });
    mocked.uploadFile.mockImplementation((file) => ({
      abort: () => undefined,
      progressId: '00000000-0000-4000-8000-000000000000',
      done: Promise.resolve({
        file: file.name,
        format: 'csv',
        target: 'datastreams named in the file',
        bytes: file.size,
        rows: 3,
        accepted: 2,
        stored: 2,
        duplicates: 0,
        missing: 0,
        rejected: 1,
        firstRejections: [{ row: 1, error: 'value "warm" is not a number' }],
        quarantinedIds: [9],
      }),
    }));
    render(<UploadsPage />);
    const input = screen.getByTestId('upload-input');
    fireEvent.change(input, { target: { files: [new File(['a'], 'bad.csv')] } });
    const result = await screen.findByTestId('upload-result');
    expect(within(result).getByTestId('upload-accepted').textContent).toBe('2');
    expect(within(result).getByTestId('upload-rejected').textContent).toBe('1');
    expect(within(result).getByTestId('upload-rejection').textContent).toContain('"warm"');
    expect(screen.getByTestId('upload-item').getAttribute('data-phase')).toBe('done');
    // The rejected row is in quarantine now: the list was asked again.
    await waitFor(() => expect(mocked.fetchQuarantine).toHaveBeenCalledTimes(2));
  });
});
