import { EventEmitter } from 'node:events';
import type { Database } from '../db/types';

/**
 * Consumer-group membership for the embedded log, within one process. Members of a group
 * share the partitions of each topic (partition p goes to member p mod n, in joining order,
 * like Kafka's round robin), and a partition is handled by at most one member at a time: a
 * member claims it, reads from the committed offset, handles, commits and releases. After a
 * member joins or leaves, the next owner claims the partition only once the previous one has
 * committed, so two subscriptions of one group never both receive a message.
 *
 * Processes do not coordinate: two processes consuming one group on a shared PostgreSQL
 * server would both receive messages. Deployments with several processes use Kafka.
 */
export class LocalGroup {
  private readonly members: { id: symbol; topics: Set<string> }[] = [];
  private readonly busy = new Set<string>();

  join(id: symbol, topics: string[]): void {
    this.members.push({ id, topics: new Set(topics) });
  }

  leave(id: symbol): void {
    const index = this.members.findIndex((member) => member.id === id);
    if (index >= 0) this.members.splice(index, 1);
  }

  owns(id: symbol, topic: string, partition: number): boolean {
    const sharing = this.members.filter((member) => member.topics.has(topic));
    return sharing[partition % sharing.length]?.id === id;
  }

  claim(topic: string, partition: number): boolean {
    const name = `${partition}:${topic}`;
    if (this.busy.has(name)) return false;
    this.busy.add(name);
    return true;
  }

  release(topic: string, partition: number): void {
    this.busy.delete(`${partition}:${topic}`);
  }
}

/** What every bus on one Database object shares in this process. */
export interface LocalLog {
  /** Emits 'published' after each in-process publish, so consumers need not wait to poll. */
  readonly wake: EventEmitter;
  group(groupId: string): LocalGroup;
}

const perDatabase = new WeakMap<Database, LocalLog>();

export function localLog(db: Database): LocalLog {
  let local = perDatabase.get(db);
  if (!local) {
    const wake = new EventEmitter().setMaxListeners(0);
    const groups = new Map<string, LocalGroup>();
    local = {
      wake,
      group(groupId) {
        let group = groups.get(groupId);
        if (!group) groups.set(groupId, (group = new LocalGroup()));
        return group;
      },
    };
    perDatabase.set(db, local);
  }
  return local;
}

/** Resolves on the next wake-up, after `ms`, or when `signal` aborts, whichever is first. */
export function nextWake(wake: EventEmitter, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      wake.off('published', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    wake.on('published', done);
    signal.addEventListener('abort', done, { once: true });
  });
}
