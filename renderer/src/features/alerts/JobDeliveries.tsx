import { useEffect, useState } from 'react';
import { errorMessage, isAbort } from '../../api/client';
import { ErrorNote, Loading } from '../../shell/PageState';
import { fetchJobDeliveries, type Delivery } from './deliveriesApi';
import { DeliveryList } from './DeliveryList';

/** The deliveries of one notify job, loaded again whenever the job's state or attempts change. */
export function JobDeliveries({ jobId, version }: { jobId: string; version: string }) {
  const [deliveries, setDeliveries] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    fetchJobDeliveries(jobId, abort.signal)
      .then((list) => {
        setDeliveries(list);
        setError(null);
      })
      .catch((e: unknown) => !isAbort(e) && setError(errorMessage(e)));
    return () => abort.abort();
  }, [jobId, version]);
  return (
    <section data-testid="job-deliveries">
      <h3 className="section-title">Deliveries</h3>
      <ErrorNote message={error} testId="job-deliveries-error" />
      {deliveries === null && error === null ? (
        <Loading what="deliveries" testId="job-deliveries-loading" />
      ) : (
        deliveries && <DeliveryList deliveries={deliveries} testId="job-delivery-list" />
      )}
    </section>
  );
}
