import { z } from 'zod';
import { roleSchema } from '../auth/roles';

// Operating on Demand (OoD): the HTTP contract of instruments, commands, approvals and the
// audit trail. Server routes and the operations console both derive from this file; later
// changes are additive only.
//
// An operable instrument's id is `<station>.<instrument>` (e.g. `zugspitze.airglow`), the
// prefix of its datastream keys. Migration 010 keeps them in `operable_instruments (id text
// PRIMARY KEY)`; the older `instruments` table has a (station_id, id) key and is untouched.

// The roles are those of sign-in (core/auth/roles.ts); re-exported for the console.
export { roleSchema, type Role } from '../auth/roles';

export const instrumentIdSchema = z
  .string()
  .max(130)
  .regex(/^[a-z0-9][a-z0-9_-]*\.[a-z0-9][a-z0-9_-]*$/, 'instrument id: <station>.<instrument>');

/** automatic: may run without approval (only if an operator enabled it for the rule). */
export const riskClasses = ['automatic', 'approval', 'two_approvals'] as const;
export const riskClassSchema = z.enum(riskClasses);
export type RiskClass = z.infer<typeof riskClassSchema>;

export const commandStates = [
  'proposed',
  /** Requested into a booked slot: waits for its time (approvals may be given meanwhile). */
  'scheduled',
  'approved',
  'sent',
  'acknowledged',
  'done',
  'rejected',
  'blocked',
  'failed',
  'timed_out',
  'cancelled',
] as const;
export const commandStateSchema = z.enum(commandStates);
export type CommandState = z.infer<typeof commandStateSchema>;
export const finalCommandStates: readonly CommandState[] = [
  'done',
  'rejected',
  'blocked',
  'failed',
  'timed_out',
  'cancelled',
];

/** A command parameter: a small JSON-schema-like subset. */
export const paramSpecSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('number'),
    description: z.string().default(''),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    integer: z.boolean().default(false),
    unit: z.string().optional(),
  }),
  z.object({
    type: z.literal('string'),
    description: z.string().default(''),
    enum: z.array(z.string()).min(1).optional(),
    maxLength: z.number().int().positive().default(200),
  }),
  z.object({ type: z.literal('boolean'), description: z.string().default('') }),
]);
export type ParamSpec = z.infer<typeof paramSpecSchema>;

/** Interlocks: conditions checked at approval and again right before sending. */
export const interlockSchema = z.discriminatedUnion('kind', [
  /** No exposure in daylight: the sun must be below this elevation at the station. */
  z.object({ kind: z.literal('no_daylight'), maxSolarElevationDeg: z.number().default(-6) }),
  /** At most N commands of this name on this instrument in the last hour. */
  z.object({ kind: z.literal('rate_limit'), maxPerHour: z.number().int().positive() }),
  /** Only while the station is marked staffed by an operator. */
  z.object({ kind: z.literal('staffed') }),
]);
export type Interlock = z.infer<typeof interlockSchema>;

export const commandSpecSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/),
  description: z.string().default(''),
  params: z.record(z.string(), paramSpecSchema).default({}),
  /** Parameter names that must be given; the others are optional. */
  required: z.array(z.string()).default([]),
  risk: riskClassSchema,
  interlocks: z.array(interlockSchema).default([]),
  /** How long to wait for the instrument's final acknowledgement. */
  timeoutSeconds: z.number().positive().max(3600).default(30),
});
export type CommandSpec = z.infer<typeof commandSpecSchema>;

export const driverSchema = z.discriminatedUnion('kind', [
  /** Commands on `<topicPrefix>/commands`, acknowledgements on `<topicPrefix>/acks`. */
  z.object({ kind: z.literal('mqtt'), url: z.string(), topicPrefix: z.string() }),
  /** Commands POSTed to `<url>/commands`; the answer body is the acknowledgement. */
  z.object({ kind: z.literal('http'), url: z.string() }),
]);
export type DriverConfig = z.infer<typeof driverSchema>;

export const instrumentSpecSchema = z.object({
  id: instrumentIdSchema,
  station: z.string(),
  name: z.string(),
  driver: driverSchema,
  /** Datastream variables that carry the instrument's state (e.g. mode code, exposure). */
  stateVariables: z.array(z.string()).default([]),
  /** Names for numeric mode codes reported in the `mode` variable. */
  modes: z.array(z.string()).default([]),
  commands: z.array(commandSpecSchema),
});
export type InstrumentSpec = z.infer<typeof instrumentSpecSchema>;

export const connectionStates = ['connected', 'disconnected', 'unknown'] as const;

/** An instrument with what is known of it right now. */
export const instrumentViewSchema = instrumentSpecSchema.extend({
  live: z.object({
    /** Mode name from the last `mode` observation, null when none arrived yet. */
    mode: z.string().nullable(),
    values: z.array(
      z.object({
        datastream: z.string(),
        variable: z.string(),
        unit: z.string(),
        value: z.number().nullable(),
        time: z.string().nullable(),
      }),
    ),
    connection: z.enum(connectionStates),
    lastAckAt: z.string().nullable(),
  }),
  staffed: z.boolean(),
});
export type InstrumentView = z.infer<typeof instrumentViewSchema>;
export const instrumentListSchema = z.object({ instruments: z.array(instrumentViewSchema) });

export const approvalSchema = z.object({
  by: z.string(),
  role: roleSchema,
  decision: z.enum(['approve', 'reject']),
  reason: z.string(),
  at: z.string(),
});
export type Approval = z.infer<typeof approvalSchema>;

export const commandSchema = z.object({
  id: z.string(),
  instrument: instrumentIdSchema,
  command: z.string(),
  params: z.record(z.string(), z.unknown()),
  risk: riskClassSchema,
  state: commandStateSchema,
  /** Why it is blocked, rejected, failed, timed out or cancelled; null otherwise. */
  reason: z.string().nullable(),
  requestedBy: z.string(),
  ruleId: z.string().nullable(),
  bookingId: z.string().nullable(),
  /** Not sent before this time (the booked slot's start). */
  notBefore: z.string().nullable(),
  approvalsNeeded: z.number().int().nonnegative(),
  approvals: z.array(approvalSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Command = z.infer<typeof commandSchema>;
export const commandListSchema = z.object({ commands: z.array(commandSchema) });

export const auditActions = [
  'requested',
  'proposed',
  'approved',
  'rejected',
  'blocked',
  'cancelled',
  'sent',
  'acknowledged',
  'done',
  'failed',
  'timed_out',
  'automation_changed',
  'staffed_changed',
  /** Requested into a booked slot, to wait for its time. */
  'scheduled',
  /** Its time came: on to approval, or (approved in advance) to the interlocks and the queue. */
  'released',
] as const;
export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.enum(auditActions),
  actor: z.string(),
  role: z.string().nullable(),
  commandId: z.string().nullable(),
  instrument: z.string().nullable(),
  ruleId: z.string().nullable(),
  params: z.record(z.string(), z.unknown()).nullable(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditListSchema = z.object({ entries: z.array(auditEntrySchema) });

export const commandDetailSchema = z.object({
  command: commandSchema,
  audit: z.array(auditEntrySchema),
});
export type CommandDetail = z.infer<typeof commandDetailSchema>;

export const commandRequestSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,120}$/, 'a command id: letters, digits, . _ : -')
    .optional(),
  instrument: instrumentIdSchema,
  command: z.string().min(1).max(64),
  params: z.record(z.string(), z.unknown()).default({}),
  bookingId: z.string().min(1).max(120).optional(),
  /**
   * When to run: inside one of the requester's confirmed booking slots of the instrument.
   * Absent: now (or, with bookingId, the slot's start). A future time makes it `scheduled`.
   */
  at: z.iso.datetime({ offset: true, error: 'at: an ISO 8601 time with offset' }).optional(),
  reason: z.string().max(2000).default(''),
});
export type CommandRequest = z.infer<typeof commandRequestSchema>;
export const approveRequestSchema = z.object({ comment: z.string().max(2000).default('') });
export const rejectRequestSchema = z.object({
  reason: z
    .string({ error: 'a rejection needs a reason' })
    .trim()
    .min(1, 'a rejection needs a reason')
    .max(2000),
});
export const cancelRequestSchema = z.object({
  reason: z
    .string({ error: 'a cancellation needs a reason' })
    .trim()
    .min(1, 'a cancellation needs a reason')
    .max(2000),
});

export const commandsQuerySchema = z.object({
  state: commandStateSchema.optional(),
  instrument: instrumentIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const auditQuerySchema = z.object({
  command: z.string().max(120).optional(),
  instrument: instrumentIdSchema.optional(),
  actor: z.string().max(200).optional(),
  action: z.enum(auditActions).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
});

/** An operator's switch: a rule's proposals of this command run without approval. */
export const automationSchema = z.object({
  ruleId: z.string().min(1).max(120),
  instrument: instrumentIdSchema,
  command: z.string().min(1).max(64),
  enabled: z.boolean(),
  changedBy: z.string(),
  changedAt: z.string(),
});
export const automationListSchema = z.object({ automations: z.array(automationSchema) });
export const automationRequestSchema = automationSchema.pick({
  ruleId: true,
  instrument: true,
  command: true,
  enabled: true,
});

export const staffingSchema = z.object({
  station: z.string(),
  staffed: z.boolean(),
  changedBy: z.string().nullable(),
  changedAt: z.string().nullable(),
});
export const staffingListSchema = z.object({ stations: z.array(staffingSchema) });
export const staffingRequestSchema = z.object({ staffed: z.boolean() });

/** Route entries of OoD, spread into the route table `routes` in ./http.ts. */
export const operationsRoutes = {
  operationsInstruments: {
    method: 'GET',
    path: '/api/v1/operations/instruments',
    role: 'viewer',
    response: instrumentListSchema,
  },
  operationsInstrument: {
    method: 'GET',
    path: '/api/v1/operations/instruments/:id',
    role: 'viewer',
    response: instrumentViewSchema,
  },
  operationsCommands: {
    method: 'GET',
    path: '/api/v1/operations/commands',
    role: 'viewer',
    query: commandsQuerySchema,
    response: commandListSchema,
  },
  requestCommand: {
    method: 'POST',
    path: '/api/v1/operations/commands',
    role: 'scientist',
    body: commandRequestSchema,
    response: commandSchema,
  },
  operationsCommand: {
    method: 'GET',
    path: '/api/v1/operations/commands/:id',
    role: 'viewer',
    response: commandDetailSchema,
  },
  approveCommand: {
    method: 'POST',
    path: '/api/v1/operations/commands/:id/approve',
    role: 'operator',
    body: approveRequestSchema,
    response: commandSchema,
  },
  rejectCommand: {
    method: 'POST',
    path: '/api/v1/operations/commands/:id/reject',
    role: 'operator',
    body: rejectRequestSchema,
    response: commandSchema,
  },
  /** A scientist may cancel only their own command; operators any (checked in the use case). */
  cancelCommand: {
    method: 'POST',
    path: '/api/v1/operations/commands/:id/cancel',
    role: 'scientist',
    body: cancelRequestSchema,
    response: commandSchema,
  },
  automations: {
    method: 'GET',
    path: '/api/v1/operations/automations',
    role: 'viewer',
    response: automationListSchema,
  },
  setAutomation: {
    method: 'PUT',
    path: '/api/v1/operations/automations',
    role: 'operator',
    body: automationRequestSchema,
    response: automationSchema,
  },
  staffing: {
    method: 'GET',
    path: '/api/v1/operations/stations',
    role: 'viewer',
    response: staffingListSchema,
  },
  setStaffed: {
    method: 'PUT',
    path: '/api/v1/operations/stations/:id/staffed',
    role: 'operator',
    body: staffingRequestSchema,
    response: staffingSchema,
  },
  operationsAudit: {
    method: 'GET',
    path: '/api/v1/operations/audit',
    role: 'viewer',
    query: auditQuerySchema,
    response: auditListSchema,
  },
  /** The same filters as operationsAudit; answers text/csv with a header row. */
  operationsAuditCsv: {
    method: 'GET',
    path: '/api/v1/operations/audit.csv',
    role: 'viewer',
    query: auditQuerySchema,
  },
} as const;
