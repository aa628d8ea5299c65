import type { ReactNode } from 'react';

/** Loading, empty and error states, the same on every page. */
export function Loading({ what, testId }: { what: string; testId: string }) {
  return (
    <div className="panel-state" data-testid={testId} role="status">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </div>
  );
}

export function Empty({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <div className="panel-state" data-testid={testId}>
      {children}
    </div>
  );
}

export function ErrorNote({
  message,
  testId,
  onRetry,
}: {
  message: string | null;
  testId: string;
  onRetry?: () => void;
}) {
  if (message === null) return null;
  return (
    <div className="panel-state panel-state--error" data-testid={testId} role="alert">
      <span aria-hidden="true">⚠</span> <span className="error-text">{message}</span>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry} data-testid={`${testId}-retry`}>
          Retry
        </button>
      )}
    </div>
  );
}
