// The selected alert lives in the address: `#/alerts/<id>`, so a link in a notification
// (e-mail, chat, desktop) opens the control room on that alert, and back/forward work.

const PREFIX = '#/alerts/';

/** The alert id in `#/alerts/<id>`, or null on the list alone (or a malformed address). */
export function alertIdFromHash(hash: string): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  const encoded = hash.slice(PREFIX.length).split('?')[0] ?? '';
  if (encoded === '') return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

export function hashOfAlert(id: string | null): string {
  return id === null ? '#/alerts' : `${PREFIX}${encodeURIComponent(id)}`;
}
