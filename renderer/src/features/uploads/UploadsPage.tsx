import { useEffect } from 'react';
import { useCan } from '../session/useCan';
import { DropZone } from './DropZone';
import { QuarantineList } from './QuarantineList';
import { UploadList } from './UploadList';
import { useQuarantine } from './quarantineStore';
import { useUploads } from './uploadsStore';
import './uploads.css';

/** The portal upload: drop or choose files, follow each one, then review the quarantine. */
export function UploadsPage() {
  const items = useUploads((s) => s.items);
  const can = useCan('scientist');
  useEffect(() => {
    void useQuarantine.getState().load();
  }, []);
  const finished = items.some((i) => i.phase === 'done' || i.phase === 'error');
  return (
    <section className="page page--uploads" data-testid="uploads-page">
      <div className="page-toolbar">
        <h1 className="page-title">Upload</h1>
        {finished && (
          <button
            type="button"
            className="button"
            onClick={() => useUploads.getState().clearFinished()}
            data-testid="upload-clear"
          >
            Clear finished
          </button>
        )}
      </div>
      <DropZone can={can} onFiles={(files) => void useUploads.getState().add(files)} />
      <UploadList items={items} />
      <QuarantineList />
    </section>
  );
}
