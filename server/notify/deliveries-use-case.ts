import type { Delivery, NotifyJobDeliveries } from '../../core/contracts/notify';
import type { Database } from '../../infra/db/types';
import { getJob } from '../../infra/jobs/job-store';
import { deliveriesOfJob, notifyJobsOfAlert } from '../../infra/notify/delivery-records';
import { getAlert } from '../../infra/rules/alert-store';
import { notFound } from '../http/app-error';

/** The notify jobs an alert caused (sent, failed, or withheld with the reason) and their deliveries. */
export async function deliveriesOfAlert(db: Database, id: string): Promise<NotifyJobDeliveries[]> {
  if (!(await getAlert(db, id))) throw notFound(`alert "${id}"`);
  return notifyJobsOfAlert(db, id);
}

/** A job's delivery records: none for jobs other than notify, or before the first attempt. */
export async function deliveriesOfOneJob(db: Database, id: string): Promise<Delivery[]> {
  if (!(await getJob(db, id))) throw notFound(`job "${id}"`);
  return deliveriesOfJob(db, id);
}
