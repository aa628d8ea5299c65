import { topicNames, type TopicName } from '../../core/contracts/topics';

/**
 * Maps the table's topic names to the names in the log and back. The prefix (e.g. `firn.`,
 * or a per-run one in tests) lets several installations or test files share one broker.
 */
export class TopicPrefix {
  constructor(readonly prefix = '') {}

  physical(topic: TopicName): string {
    return this.prefix + topic;
  }

  logical(physical: string): TopicName {
    const name = physical.slice(this.prefix.length);
    if (!physical.startsWith(this.prefix) || !(topicNames as string[]).includes(name)) {
      throw new Error(`topic ${physical} is not one of the bus table's (prefix "${this.prefix}")`);
    }
    return name as TopicName;
  }
}
