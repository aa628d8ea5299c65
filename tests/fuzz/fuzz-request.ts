// What the generators make and the client sends back: one request, described byte for
// byte, with what the generator knows of its answer; and that answer.

export interface FuzzRequest {
  /** What it exercises, e.g. `ingest:ndjson`: names it in the histogram and in failures. */
  area: string;
  method: string;
  /** The raw request target, sent as is (percent-encoded only where the generator chose). */
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Send the body with Transfer-Encoding: chunked instead of a Content-Length. */
  chunked?: boolean;
  /** The statuses the generator knows this request must get (a wrong token: only 401). */
  expectStatus?: readonly number[];
  /** Rows of an ingest body whose row count the generator knows. */
  expectRows?: number;
}

export interface FuzzAnswer {
  /** 0: the connection closed without an answer. */
  status: number;
  contentType: string;
  body: string;
  /** The answer said `Connection: close`. */
  closes: boolean;
  /** Why the first try got no answer, when this answer is the replay's. */
  replayed?: string;
}

/** Node's default limit on the request line and headers together (--max-http-header-size). */
const NODE_MAX_HEADER_BYTES = 16 * 1024;
/** Methods Node's HTTP parser (llhttp) refuses before any of the server's code runs. */
const UNKNOWN_TO_NODE = new Set(['FUZZ']);

/**
 * Requests Node's own HTTP parser refuses (headers over its limit, unknown methods). Node
 * answers them (431, 400) only on a connection's first request and closes later ones
 * without a word, and it may reset the connection before the answer is read: they go on a
 * fresh connection, and a close without an answer is no failure of the server's code.
 */
export function refusedByNodeParser(request: FuzzRequest): boolean {
  const headerBytes = Object.entries(request.headers).reduce(
    (sum, [name, value]) => sum + name.length + value.length + 4,
    request.target.length + 200, // request line, Host, Connection, Content-Length
  );
  return headerBytes > NODE_MAX_HEADER_BYTES - 512 || UNKNOWN_TO_NODE.has(request.method);
}
