export type Tone = 'ok' | 'warn' | 'bad' | 'unknown';

/** One header health chip: a coloured dot backed by a label and a value, never colour alone. */
export function Chip({
  id,
  tone,
  label,
  value,
  title,
}: {
  id: string;
  tone: Tone;
  label: string;
  value: string;
  title: string;
}) {
  return (
    <div className="health-chip" data-testid={`health-${id}`} data-tone={tone} title={title}>
      <span className="status-dot" aria-hidden="true" />
      <span className="health-label">{label}</span>
      <span className="health-value">{value}</span>
    </div>
  );
}
