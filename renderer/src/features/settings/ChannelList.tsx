import type { ChannelRow } from './prefsForm';

const kindOf = (value: string): ChannelRow['kind'] =>
  value === 'webhook' || value === 'desktop' ? value : 'email';

/** Notification channels: e-mail, a webhook (JSON or Slack/Mattermost text), or the desktop. */
export function ChannelList({
  channels,
  onChange,
}: {
  channels: ChannelRow[];
  onChange(channels: ChannelRow[]): void;
}) {
  const update = (i: number, patch: Partial<ChannelRow>) =>
    onChange(channels.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  return (
    <fieldset className="channels" data-testid="prefs-channels">
      <legend>Channels</legend>
      {channels.length === 0 && <p className="muted">No channels: nobody is told of alerts.</p>}
      {channels.map((channel, i) => (
        <div key={i} className="inline-form" data-testid={`prefs-channel-${i}`}>
          <select
            value={channel.kind}
            aria-label="Channel kind"
            onChange={(e) => update(i, { kind: kindOf(e.target.value) })}
            data-testid={`prefs-channel-kind-${i}`}
          >
            <option value="email">e-mail</option>
            <option value="webhook">webhook</option>
            <option value="desktop">desktop</option>
          </select>
          {channel.kind === 'desktop' ? (
            <span className="muted" data-testid={`prefs-channel-desktop-${i}`}>
              a system notification on this desk (allow it below)
            </span>
          ) : (
            <input
              className="input input--wide"
              value={channel.target}
              aria-label={channel.kind === 'email' ? 'Addresses' : 'Webhook URL'}
              placeholder={channel.kind === 'email' ? 'a@example.org, b@example.org' : 'https://…'}
              onChange={(e) => update(i, { target: e.target.value })}
              data-testid={`prefs-channel-target-${i}`}
            />
          )}
          {channel.kind === 'webhook' && (
            <select
              value={channel.format}
              aria-label="Webhook format"
              onChange={(e) => update(i, { format: e.target.value === 'slack' ? 'slack' : 'json' })}
              data-testid={`prefs-channel-format-${i}`}
            >
              <option value="json">JSON</option>
              <option value="slack">Slack / Mattermost</option>
            </select>
          )}
          <button
            type="button"
            className="button"
            onClick={() => onChange(channels.filter((_, k) => k !== i))}
            data-testid={`prefs-channel-remove-${i}`}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...channels, { kind: 'email', target: '', format: 'json' }])}
        data-testid="prefs-channel-add"
      >
        Add channel
      </button>
    </fieldset>
  );
}
