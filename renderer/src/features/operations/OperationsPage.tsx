import { useEffect, useState } from 'react';
import { ErrorNote, Loading } from '../../shell/PageState';
import { BookingCalendar } from './BookingCalendar';
import { CommandHistory } from './CommandHistory';
import { CommandRequestForm } from './CommandRequestForm';
import { InstrumentStates } from './InstrumentStates';
import { PendingApprovals } from './PendingApprovals';
import { useOperations } from './operationsStore';
import './operations.css';

/** Polled rather than pushed: commands and acks are few, and a poll also heals a lost socket. */
const REFRESH_MS = 2_000;

/** The operations console: approvals, live instrument state, history, bookings. */
export function OperationsPage() {
  const status = useOperations((s) => s.status);
  const error = useOperations((s) => s.error);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    void useOperations.getState().load();
    const timer = setInterval(() => {
      setNow(Date.now());
      void useOperations.getState().load();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const reload = () => void useOperations.getState().load();

  return (
    <section className="page ops-page" data-testid="operations-page" data-phase={status}>
      <div className="page-body">
        <div className="page-toolbar">
          <h1 className="page-title">Operations</h1>
          <button type="button" className="button" onClick={reload} data-testid="ops-refresh">
            Refresh
          </button>
        </div>
        <ErrorNote message={error} testId="ops-error" onRetry={reload} />
        {status === 'idle' || status === 'loading' ? (
          <Loading what="operations" testId="ops-loading" />
        ) : status === 'ready' ? (
          <div className="ops-layout">
            <PendingApprovals />
            <CommandRequestForm />
            <InstrumentStates now={now} />
            <CommandHistory />
            <BookingCalendar />
          </div>
        ) : null}
      </div>
    </section>
  );
}
