import { useRef, useState, type DragEvent } from 'react';
import type { Permission } from '../session/useCan';

/**
 * Where files are dropped, or chosen with the button (the keyboard way in). The file input
 * is inside the zone and carries the test id, so a test can hand it files directly.
 */
export function DropZone({ onFiles, can }: { onFiles(files: File[]): void; can: Permission }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0 && can.allowed) onFiles(files);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files);
  };
  return (
    <div
      className="drop-zone"
      data-over={over ? 'true' : undefined}
      data-disabled={can.allowed ? undefined : 'true'}
      data-testid="upload-drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="drop-zone-title">Drop station files here</p>
      <p className="muted">
        ACINN station files (Sattelberg, Ellbögen), DWD daily climate files, CSV
        (datastream,time,value[,quality]) and NDJSON, up to 200 MB each.
      </p>
      <button
        type="button"
        className="button button--primary"
        disabled={!can.allowed}
        title={can.reason}
        onClick={() => input.current?.click()}
        data-testid="upload-choose"
      >
        Choose files…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".csv,.txt,.ndjson,.jsonl,.json,text/csv,text/plain"
        data-testid="upload-input"
        onChange={(event) => {
          take(event.target.files);
          event.target.value = ''; // the same file may be chosen again
        }}
      />
    </div>
  );
}
