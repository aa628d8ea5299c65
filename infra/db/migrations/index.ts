import { sql as initial } from './001_initial';
import { sql as busLog } from './002_bus_log';
import { sql as jobs } from './003_jobs';
import { sql as deliveries } from './004_deliveries';
import { sql as rules } from './005_rules';
import { sql as notifyIndexes } from './006_notify_indexes';
import { sql as reports } from './007_reports';
import { sql as schedules } from './008_schedules';
import { sql as users } from './009_users';
import { sql as operations } from './010_operations';
import { sql as bookings } from './011_bookings';
import { sql as commandSchedule } from './012_command_schedule';
import { sql as liveLayouts } from './013_live_layouts';

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
  { id: 7, name: 'reports', sql: reports },
  { id: 8, name: 'schedules', sql: schedules },
  { id: 9, name: 'users', sql: users },
  { id: 10, name: 'operations', sql: operations },
  { id: 11, name: 'bookings', sql: bookings },
  { id: 12, name: 'command_schedule', sql: commandSchedule },
  { id: 13, name: 'live_layouts', sql: liveLayouts },
];
