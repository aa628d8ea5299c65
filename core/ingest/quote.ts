/** Client text inside an error message: quoted, escaped and cut to a readable length. */
export function quoteForMessage(text: string): string {
  return JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);
}
