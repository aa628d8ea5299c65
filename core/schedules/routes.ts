import { z } from 'zod';
import { scheduleInputSchema, scheduleListSchema, storedScheduleSchema } from './schedule';

export const scheduleEnabledSchema = z.object({ enabled: z.boolean() });
export const scheduleRunSchema = z.object({ id: z.string(), state: z.string() });

/** Schedules in the route table: everyone reads them, their owner changes and runs them. */
export const scheduleRoutes = {
  schedules: {
    method: 'GET',
    path: '/api/v1/schedules',
    role: 'viewer',
    response: scheduleListSchema,
  },
  createSchedule: {
    method: 'POST',
    path: '/api/v1/schedules',
    role: 'scientist',
    body: scheduleInputSchema,
    response: storedScheduleSchema,
  },
  schedule: {
    method: 'GET',
    path: '/api/v1/schedules/:id',
    role: 'viewer',
    response: storedScheduleSchema,
  },
  updateSchedule: {
    method: 'PUT',
    path: '/api/v1/schedules/:id',
    role: 'scientist',
    body: scheduleInputSchema,
    response: storedScheduleSchema,
  },
  deleteSchedule: { method: 'DELETE', path: '/api/v1/schedules/:id', role: 'scientist' },
  setScheduleEnabled: {
    method: 'POST',
    path: '/api/v1/schedules/:id/enabled',
    role: 'scientist',
    body: scheduleEnabledSchema,
    response: storedScheduleSchema,
  },
  /** Queues the schedule's job now, for the current instant, without moving its next run. */
  runSchedule: {
    method: 'POST',
    path: '/api/v1/schedules/:id/run',
    role: 'scientist',
    response: scheduleRunSchema,
  },
} as const;
