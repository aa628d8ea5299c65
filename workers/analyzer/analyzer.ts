import type { AlertEvent, EngineOutput, JobRequest } from '../../core/rules/index';
import { subscribeInBackground } from '../../infra/bus/background-subscription';
import { sendToDeadLetter } from '../../infra/bus/dead-letter';
import type { Bus, ConsumedBatch, Subscription } from '../../infra/bus/types';
import type { Database } from '../../infra/db/types';
import type { Logger } from '../../infra/logger';
import {
  loadCheckpoints,
  saveCheckpoints,
  type Checkpoint,
} from '../../infra/rules/checkpoint-store';
import { listRules, rulesRevision } from '../../infra/rules/rule-store';
import { applyEffects } from './alert-effects';
import { sendDueDigests } from './digests';
import { evaluateMessages } from './evaluate-messages';
import { loadRules, type RuleToLoad } from './load-rules';
import { parseStoredRule } from './rule-loader';
import { RuleSet, type ActiveRule } from './rule-set';

export interface AnalyzerOptions {
  db: Database;
  bus: Bus;
  logger: Logger;
  /** Told of new alert events once stored (the in-process live feed). */
  onEvents?: (events: readonly AlertEvent[]) => void;
  /** How often time passes for the engines, rules are reloaded when changed, and so on. */
  tickMs?: number;
  checkpointEveryMs?: number;
}

export interface AnalyzerStatus {
  rules: number;
  observations: number;
  events: number;
  jobs: number;
  deadLetters: number;
}

/**
 * The analyzer: users' rules on the `observations` stream. One engine per enabled rule, on
 * measurement time; events, alerts and jobs are stored before the batch's offsets are
 * committed. Window state is checkpointed every few seconds; on start each engine catches
 * up from its checkpoint on stored observations, so a crash loses and doubles nothing.
 * One analyzer per deployment: a rule reads datastreams of any partition.
 */
export class Analyzer {
  readonly status: AnalyzerStatus = {
    rules: 0,
    observations: 0,
    events: 0,
    jobs: 0,
    deadLetters: 0,
  };
  private readonly rules = new RuleSet();
  private subscription: Subscription | undefined;
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private revision = '';
  /**
   * Output whose effects failed midway (the database or the bus was away). The engines have
   * moved on: a redelivered batch is dropped as repeats and a tick is not redelivered at
   * all, so it goes again, first, with the next effects. Applying is idempotent (ids), and
   * stored jobs still queued are put on their queue again.
   */
  private unfinished: { events: AlertEvent[]; jobs: JobRequest[] } | undefined;
  private lastCheckpointMs = 0;
  private checkpointGapMs = 0;
  /** The checkpoint being written, while it is. */
  private saving: Promise<void> | undefined;
  private checkpoints: Map<string, Checkpoint> | undefined;

  constructor(private readonly options: AnalyzerOptions) {}

  async start(): Promise<void> {
    this.checkpoints = await loadCheckpoints(this.options.db);
    await this.serially(() => this.reloadRules());
    this.checkpoints = undefined; // only the first load restores; later changes start afresh
    const { logger } = this.options;
    this.subscription = subscribeInBackground(
      this.options.bus,
      {
        groupId: 'analyzer',
        topics: ['observations'],
        fromBeginning: true,
        eachBatch: (batch) => this.serially(() => this.onBatch(batch)),
      },
      (level, message, details) => logger[level](details ?? {}, `analyzer: ${message}`),
    );
    this.timer = setInterval(() => {
      void this.serially(() => this.onTick()).catch((error: Error) =>
        logger.warn({ err: error }, 'analyzer: tick failed; trying again'),
      );
    }, this.options.tickMs ?? 1_000);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.subscription?.stop();
    await this.serially(() => this.checkpoint(true)).catch(() => undefined);
  }

  /** Everything that touches the engines runs one at a time, in arrival order. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async onBatch(batch: ConsumedBatch): Promise<void> {
    const nowMs = Date.now();
    const { events, jobs, bad } = evaluateMessages(
      this.rules,
      batch.messages,
      nowMs,
      (active, error) => this.stopRule(active, error),
    );
    this.status.observations += batch.messages.length - bad.length;
    await this.effects(events, jobs, nowMs);
    if (bad.length > 0) {
      this.options.logger.warn(
        { count: bad.length, error: bad[0]!.error },
        'analyzer: unreadable observations to dead-letter',
      );
      await sendToDeadLetter(this.options.bus, bad);
      this.status.deadLetters += bad.length;
    }
  }

  private async onTick(): Promise<void> {
    const nowMs = Date.now();
    const events: AlertEvent[] = [];
    const jobs: JobRequest[] = [];
    for (const active of this.rules.all()) {
      if (!active.broken) this.collect(active, events, jobs, () => active.engine.advance(nowMs));
    }
    await this.effects(events, jobs, nowMs);
    await sendDueDigests(this.options.db, this.options.bus, nowMs);
    if ((await rulesRevision(this.options.db)) !== this.revision) await this.reloadRules();
    await this.checkpoint(false);
  }

  /** Runs one engine call; an engine that throws stops (its rule is reported) and the rest go on. */
  private collect(
    active: ActiveRule,
    events: AlertEvent[],
    jobs: JobRequest[],
    call: () => EngineOutput,
  ): void {
    try {
      const output = call();
      active.dirty = true;
      for (const event of output.events) events.push(event);
      for (const job of output.jobs) jobs.push(job);
    } catch (error) {
      this.stopRule(active, error as Error);
    }
  }

  private stopRule(active: ActiveRule, error: Error): void {
    active.broken = error.message;
    this.options.logger.error({ rule: active.rule.id, err: error }, 'analyzer: rule stopped');
  }

  private async effects(
    newEvents: AlertEvent[],
    newJobs: JobRequest[],
    nowMs: number,
  ): Promise<void> {
    const events = this.unfinished ? [...this.unfinished.events, ...newEvents] : newEvents;
    const jobs = this.unfinished ? [...this.unfinished.jobs, ...newJobs] : newJobs;
    if (events.length === 0 && jobs.length === 0) return;
    this.unfinished = { events, jobs };
    await applyEffects(
      {
        db: this.options.db,
        bus: this.options.bus,
        ruleOf: (id) => this.rules.get(id)?.rule,
        versionOf: (id) => this.rules.get(id)?.version,
        onEvents: this.options.onEvents,
      },
      events,
      jobs,
      nowMs,
    );
    this.unfinished = undefined;
    this.status.events += newEvents.length;
    this.status.jobs += newJobs.length;
  }

  /** Starts, changes and stops engines to match the enabled rules in the database. */
  private async reloadRules(): Promise<void> {
    const { db, logger } = this.options;
    this.revision = await rulesRevision(db);
    const enabled = new Set<string>();
    const changed: RuleToLoad[] = [];
    for (const stored of await listRules(db)) {
      if (!stored.enabled) continue;
      const running = this.rules.get(stored.id);
      if (running && running.version === stored.version) {
        enabled.add(stored.id);
        continue;
      }
      const rule = parseStoredRule(stored);
      if (typeof rule === 'string') {
        logger.error(
          { rule: stored.id, error: rule },
          'analyzer: stored rule does not parse; not run',
        );
        continue;
      }
      enabled.add(stored.id);
      const checkpoint = this.checkpoints?.get(rule.id);
      changed.push({ rule, version: stored.version, running, checkpoint });
    }
    const nowMs = Date.now();
    const events: AlertEvent[] = [];
    const jobs: JobRequest[] = [];
    for (const { active, caught } of await loadRules(db, changed, nowMs)) {
      this.rules.put(active);
      if (caught === null) continue;
      if (caught.observations > 0) {
        logger.info(
          { rule: active.rule.id, observations: caught.observations },
          'analyzer: caught up on stored data',
        );
      }
      for (const event of caught.events) events.push(event);
      for (const job of caught.jobs) jobs.push(job);
    }
    for (const id of this.rules.ids()) if (!enabled.has(id)) this.rules.remove(id);
    this.status.rules = this.rules.size;
    await this.effects(events, jobs, nowMs);
  }

  /**
   * Saves the state of the rules that changed. When the state is large (a replay, where
   * one input runs far ahead of another and instants wait), saving takes longer, and the
   * next save waits proportionally longer: checkpoints never take more than about a
   * twentieth of the time. Catching up on stored data covers what a later crash loses.
   *
   * The state is taken at once, between two batches; the database writes it while the next
   * batches are evaluated (in a replay, megabytes of JSON take the server most of a second),
   * one write at a time. A checkpoint is never ahead of the effects it follows, and one
   * older than the committed offsets is what catching up is for.
   */
  private async checkpoint(force: boolean): Promise<void> {
    const nowMs = Date.now();
    if (!force && nowMs - this.lastCheckpointMs < this.checkpointGapMs) return;
    // A checkpoint past output not yet applied would lose that output in a crash.
    if (this.unfinished) return;
    if (this.saving) {
      if (!force) return;
      await this.saving;
    }
    this.lastCheckpointMs = nowMs;
    const started = performance.now();
    const dirty = [...this.rules.all()].filter((active) => active.dirty && !active.broken);
    const checkpoints = dirty.map((active) => ({
      ruleId: active.rule.id,
      fingerprint: active.fingerprint,
      snapshot: active.engine.snapshot(),
    }));
    for (const active of dirty) active.dirty = false;
    const write = saveCheckpoints(this.options.db, checkpoints).then(
      () => {
        const tookMs = performance.now() - started;
        this.checkpointGapMs = Math.max(this.options.checkpointEveryMs ?? 5_000, 20 * tookMs);
      },
      (error: Error) => {
        for (const active of dirty) active.dirty = true; // saved with the next one
        this.options.logger.warn({ err: error }, 'analyzer: checkpoint failed; trying again');
      },
    );
    this.saving = write.finally(() => (this.saving = undefined));
    if (force) await this.saving;
  }
}
