// Every problem with an expression, from the first character to the type checker, is an
// ExpressionError that says where: rule editors underline the spot, and API answers quote it.

/** Expressions are short formulas; the bound keeps parsing time and memory trivially small. */
export const MAX_EXPRESSION_LENGTH = 2000;

/** Bounds parser recursion and the depth of every tree walk that follows it. */
export const MAX_EXPRESSION_DEPTH = 100;

export interface SourcePosition {
  /** 0-based offset in UTF-16 code units, as JavaScript strings count. */
  offset: number;
  /** 1-based line and column, as editors show them. */
  line: number;
  column: number;
}

export function positionAt(source: string, offset: number): SourcePosition {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return { offset, line, column };
}

export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly position: SourcePosition;
  /** The message without its position, e.g. `unknown input "tmp"`. */
  readonly reason: string;

  /** `hint` follows the position, so the message still starts with what went wrong. */
  constructor(reason: string, source: string, offset: number, hint?: string) {
    const position = positionAt(source, offset);
    const where = `at ${position.line}:${position.column}`;
    super(hint === undefined ? `${reason} ${where}` : `${reason} ${where}; ${hint}`);
    this.reason = reason;
    this.position = position;
  }
}

/** A piece of source text quoted for a message; long pieces are cut. */
export function quoted(text: string): string {
  return JSON.stringify(text.length > 24 ? `${text.slice(0, 24)}…` : text);
}
