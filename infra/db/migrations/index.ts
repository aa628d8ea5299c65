import { sql as initial } from './001_initial';
import { sql as busLog } from './002_bus_log';
import { sql as jobs } from './003_jobs';
import { sql as deliveries } from './004_deliveries';
import { sql as rules } from './005_rules';
import { sql as notifyIndexes } from './006_notify_indexes';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Every migration in order; append only, never edit one that has shipped. */
export const migrations: Migration[] = [
  { id: 1, name: 'initial', sql: initial },
  { id: 2, name: 'bus_log', sql: busLog },
  { id: 3, name: 'jobs', sql: jobs },
  { id: 4, name: 'deliveries', sql: deliveries },
  { id: 5, name: 'rules', sql: rules },
  { id: 6, name: 'notify_indexes', sql: notifyIndexes },
];
