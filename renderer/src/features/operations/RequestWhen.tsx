import type { CommandDraft } from './commandDraft';
import { useCommandRequest } from './commandRequestStore';

/** Now, or a time in one of your booked slots, entered in station time like the calendar. */
export function RequestWhen({ draft, zone }: { draft: CommandDraft; zone: string }) {
  const store = useCommandRequest.getState;
  return (
    <span className="ops-request-when" role="radiogroup" aria-label="When">
      <label>
        <input
          type="radio"
          name="ops-request-when"
          checked={draft.when === 'now'}
          onChange={() => store().edit({ when: 'now' })}
          data-testid="ops-request-when-now"
        />{' '}
        Now
      </label>
      <label>
        <input
          type="radio"
          name="ops-request-when"
          checked={draft.when === 'slot'}
          onChange={() => store().edit({ when: 'slot' })}
          data-testid="ops-request-when-slot"
        />{' '}
        In my booked slot at
      </label>
      <input
        className="input"
        type="datetime-local"
        aria-label={`Time in the booked slot (${zone})`}
        value={draft.at}
        disabled={draft.when !== 'slot'}
        onChange={(e) => store().edit({ at: e.target.value })}
        data-testid="ops-request-at"
      />
      <span className="muted"> {zone}</span>
    </span>
  );
}
