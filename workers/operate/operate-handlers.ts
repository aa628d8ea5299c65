import { z } from 'zod';
import { deterministicId } from '../../core/contracts/jobs';
import { instrumentIdSchema } from '../../core/contracts/operations';
import type { Database } from '../../infra/db/types';
import { completeApproval, proposeCommand } from '../../infra/operations/command-proposals';
import { findCommand } from '../../infra/operations/command-reads';
import { automationEnabled } from '../../infra/operations/settings-store';
import { PermanentJobError, type JobHandler } from '../runner/job-handler';
import { executeCommand, type ExecutorDeps } from './command-executor';

const proposalParamsSchema = z.object({
  instrument: instrumentIdSchema,
  command: z.string().min(1).max(64),
  params: z.record(z.string(), z.unknown()).default({}),
  bookingId: z.string().min(1).max(120).optional(),
});

/** The id of the command a proposal job makes: derived from the job, so redelivery makes no second one. */
export const commandIdOfJob = (jobId: string) => deterministicId('cmd', jobId);

/**
 * `instrument-command`: a rule proposes a command. It waits for an operator unless its
 * class is automatic and an operator enabled automation for this rule and command; then
 * it is approved by the automation (interlocks checked) and run here.
 */
export function proposalHandler(deps: ExecutorDeps): JobHandler {
  return {
    type: 'instrument-command',
    async run(job, context) {
      const parsed = proposalParamsSchema.safeParse(job.params);
      if (!parsed.success)
        throw new PermanentJobError(`bad parameters: ${z.prettifyError(parsed.error)}`);
      const ruleId = job.origin.ruleId ?? null;
      const id = commandIdOfJob(job.id);
      const proposer = ruleId ? `rule:${ruleId}` : (job.origin.user ?? 'unknown');
      const result = await proposeCommand(deps.db, id, parsed.data, {
        name: proposer,
        role: null,
        ruleId,
      });
      if (!result.ok) throw new PermanentJobError(result.error);
      let state = result.command.state;
      if (state === 'proposed' && (await automatic(deps.db, result.command, ruleId))) {
        const command = result.command;
        const reason = `automation enabled for rule ${ruleId} and ${command.instrument} ${command.command}`;
        state =
          (await deps.db.transaction(async (tx) =>
            completeApproval(tx, command, { name: 'automation', role: null, reason }),
          )) ?? (await findCommand(deps.db, id))!.state;
      }
      if (state === 'approved' || state === 'sent' || state === 'acknowledged') {
        await context.progress(0.5, `running command ${id}`);
        state = await executeCommand(deps, id, context.signal);
      }
      return { commandId: id, state };
    },
  };
}

async function automatic(
  db: Database,
  command: { risk: string; instrument: string; command: string },
  ruleId: string | null,
): Promise<boolean> {
  if (command.risk !== 'automatic' || ruleId === null) return false;
  return automationEnabled(db, ruleId, command.instrument, command.command);
}

/** `run-command`: runs a command an operator approved (queued by the approval). */
export function runCommandHandler(deps: ExecutorDeps): JobHandler {
  return {
    type: 'run-command',
    async run(job, context) {
      const commandId = z.object({ commandId: z.string().min(1) }).safeParse(job.params);
      if (!commandId.success) throw new PermanentJobError('run-command needs {"commandId"}');
      const command = await findCommand(deps.db, commandId.data.commandId);
      if (!command) throw new PermanentJobError(`command ${commandId.data.commandId} not found`);
      await context.progress(0.1, `running command ${command.id}`);
      return {
        commandId: command.id,
        state: await executeCommand(deps, command.id, context.signal),
      };
    },
  };
}
