import type { Rule, RuleEngine } from '../../core/rules/index';

/** A rule the analyzer runs: its engine, and whether its state changed since the last checkpoint. */
export interface ActiveRule {
  rule: Rule;
  engine: RuleEngine;
  fingerprint: string;
  version: number;
  dirty: boolean;
  /** Set when the engine threw: the rule stops until it is saved again. */
  broken: string | null;
}

/**
 * The running rules, and for each datastream the rules that read it, so an observation
 * reaches only the engines it concerns.
 */
export class RuleSet {
  private readonly byId = new Map<string, ActiveRule>();
  private byDatastream = new Map<string, ActiveRule[]>();

  get size(): number {
    return this.byId.size;
  }

  get(id: string): ActiveRule | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<ActiveRule> {
    return this.byId.values();
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  readersOf(datastream: string): readonly ActiveRule[] | undefined {
    return this.byDatastream.get(datastream);
  }

  put(active: ActiveRule): void {
    this.byId.set(active.rule.id, active);
    this.reindex();
  }

  remove(id: string): void {
    if (this.byId.delete(id)) this.reindex();
  }

  private reindex(): void {
    const index = new Map<string, ActiveRule[]>();
    for (const active of this.byId.values()) {
      for (const key of new Set(active.engine.datastreams)) {
        const readers = index.get(key) ?? [];
        readers.push(active);
        index.set(key, readers);
      }
    }
    this.byDatastream = index;
  }
}
