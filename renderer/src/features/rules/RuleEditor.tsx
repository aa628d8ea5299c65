import { useActingUser } from '../session/actingUser';
import { RuleForm } from './RuleForm';
import { documentOf, draftOf, emptyDraft, parseDocument } from './ruleDraft';
import { pretty, useRules } from './rulesStore';

/** The rule in the editor: the form for the common case and the whole JSON document. */
export function RuleEditor() {
  const { selectedId, text, editorError, notice, busy } = useRules();
  const owner = useActingUser();
  const parsed = parseDocument(text);
  const base = parsed.ok ? parsed.document : {};
  const draft = text.trim() === '' ? emptyDraft : parsed.ok ? draftOf(parsed.document) : null;
  const rules = useRules.getState();

  return (
    <div className="rule-editor" data-testid="rule-editor" data-mode={selectedId ?? 'new'}>
      <h2 className="section-title">{selectedId === null ? 'New rule' : `Rule ${selectedId}`}</h2>
      {draft ? (
        <RuleForm
          draft={draft}
          idLocked={selectedId !== null}
          onChange={(next) => rules.setText(pretty(documentOf(next, owner, base)))}
        />
      ) : (
        <p className="muted" data-testid="rule-form-unavailable">
          This document says more than the threshold form can show: edit it as JSON.
        </p>
      )}
      <label className="json-label" htmlFor="rule-json">
        Document (JSON)
      </label>
      <textarea
        id="rule-json"
        className="json-editor"
        spellCheck={false}
        value={text}
        onChange={(e) => rules.setText(e.target.value)}
        aria-invalid={editorError !== null}
        aria-describedby="rule-editor-error"
        data-testid="rule-json"
      />
      {!parsed.ok && text.trim() !== '' && (
        <div className="inline-error" data-testid="rule-json-syntax">
          {parsed.error}
        </div>
      )}
      {editorError && (
        <pre
          className="inline-error"
          id="rule-editor-error"
          role="alert"
          data-testid="rule-editor-error"
        >
          {editorError}
        </pre>
      )}
      {notice && (
        <div className="notice" role="status" data-testid="rule-editor-notice">
          {notice}
        </div>
      )}
      <div className="button-row">
        {selectedId === null ? (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void rules.create()}
            data-testid="rule-create"
          >
            Create
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void rules.save()}
              data-testid="rule-save"
            >
              Save
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => void rules.remove()}
              data-testid="rule-delete"
            >
              Delete
            </button>
          </>
        )}
      </div>
    </div>
  );
}
