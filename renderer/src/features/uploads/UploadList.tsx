import type { UploadItem } from './uploadsStore';
import { formatBytes, percentSent, resultSummary, storingSummary } from './uploadFormat';

const PHASE_LABELS: Record<UploadItem['phase'], string> = {
  queued: 'waiting',
  uploading: 'uploading',
  processing: 'sent; checking and storing rows…',
  done: 'done',
  error: 'failed',
};

/** Each file sent in this session: progress while it goes, then what became of its rows. */
export function UploadList({ items }: { items: UploadItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="upload-list" data-testid="upload-list">
      {items.map((item) => (
        <li
          key={item.key}
          className="upload-item"
          data-testid="upload-item"
          data-file={item.name}
          data-phase={item.phase}
        >
          <div className="upload-item-head">
            <span className="mono">{item.name}</span>
            <span className="muted">{formatBytes(item.size)}</span>
            <span className="upload-phase" data-testid="upload-phase">
              {PHASE_LABELS[item.phase]}
            </span>
          </div>
          {item.phase === 'uploading' && (
            <progress
              className="upload-progress"
              max={100}
              value={percentSent(item.sentBytes, item.size)}
              aria-label={`${item.name} sent`}
              data-testid="upload-progress"
            />
          )}
          {item.phase === 'processing' && <StoringProgress item={item} />}
          {item.error !== null && (
            <p className="inline-error" role="alert" data-testid="upload-error">
              {item.error}
            </p>
          )}
          {item.result && <UploadResult result={item.result} />}
        </li>
      ))}
    </ul>
  );
}

function UploadResult({ result }: { result: NonNullable<UploadItem['result']> }) {
  return (
    <div className="upload-result" data-testid="upload-result">
      <p data-testid="upload-summary">{resultSummary(result)}</p>
      <dl className="upload-counts">
        <div data-kind="accepted">
          <dt>Accepted</dt>
          <dd data-testid="upload-accepted">{result.accepted}</dd>
        </div>
        <div data-kind="duplicates">
          <dt>Already stored</dt>
          <dd data-testid="upload-duplicates">{result.duplicates}</dd>
        </div>
        <div data-kind="rejected">
          <dt>Rejected</dt>
          <dd data-testid="upload-rejected">{result.rejected}</dd>
        </div>
      </dl>
      {result.firstRejections.length > 0 && (
        <table className="data-table upload-rejections" data-testid="upload-rejections">
          <thead>
            <tr>
              <th>Row</th>
              <th>Why it was rejected</th>
            </tr>
          </thead>
          <tbody>
            {result.firstRejections.map((r) => (
              <tr key={r.row} data-testid="upload-rejection">
                <td className="mono">{r.row + 1}</td>
                <td>{r.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.rejected > result.firstRejections.length && (
        <p className="muted">
          {result.rejected - result.firstRejections.length} more rejected rows are in the quarantine
          below.
        </p>
      )}
    </div>
  );
}

/** Rows checked and stored so far; until the server has the whole file, an open-ended bar. */
function StoringProgress({ item }: { item: UploadItem }) {
  const { storing } = item;
  return (
    <>
      <progress
        className="upload-progress"
        aria-label={`${item.name} being stored`}
        data-testid="upload-progress"
        {...(storing ? { max: 100, value: percentSent(storing.read, storing.bytes) } : {})}
      />
      {storing && (
        <p className="muted" data-testid="upload-storing">
          {storingSummary(storing)}
        </p>
      )}
    </>
  );
}
