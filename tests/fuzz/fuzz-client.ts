import http from 'node:http';
import { refusedByNodeParser, type FuzzAnswer, type FuzzRequest } from './fuzz-request';

/** A server that neither answers nor closes in this time is as broken as one that crashed. */
const ANSWER_TIMEOUT_MS = 15_000;

/** Sends fuzz requests over real HTTP/1.1 with keep-alive, as instruments and browsers do. */
export class FuzzClient {
  private readonly agent: http.Agent;
  /** What each kept-alive connection carried last: a failure often starts one request earlier. */
  private readonly lastRequestOn = new WeakMap<object, FuzzRequest>();

  constructor(
    private readonly port: number,
    concurrency: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  }

  /**
   * Sends a request. When the connection drops before an answer, the request goes once
   * more, on a fresh connection and in one piece: a server that answers early (401, 413)
   * and closes can lose that answer to a TCP reset while the client is still sending
   * (Node has no lingering close). The replayed answer must then be such an answer.
   */
  async send(request: FuzzRequest): Promise<FuzzAnswer> {
    const alone = refusedByNodeParser(request);
    try {
      return await this.sendOnce(request, alone ? false : this.agent);
    } catch (error) {
      if (alone) return { status: 0, contentType: '', body: '', closes: true };
      const replay = await this.sendOnce({ ...request, chunked: false }, false).catch(() => {
        throw error;
      });
      return { ...replay, replayed: (error as Error).message };
    }
  }

  private sendOnce(request: FuzzRequest, agent: http.Agent | false): Promise<FuzzAnswer> {
    return new Promise((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port: this.port,
        method: request.method,
        path: request.target,
        headers: request.headers,
        agent,
      });
      let answered = false;
      let previous: FuzzRequest | undefined;
      req.on('socket', (socket) => {
        previous = this.lastRequestOn.get(socket);
        this.lastRequestOn.set(socket, request);
      });
      req.setTimeout(ANSWER_TIMEOUT_MS, () => {
        req.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`));
      });
      req.on('response', (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
            closes: String(res.headers.connection).toLowerCase() === 'close',
          }),
        );
      });
      // After an early answer (401, 413) the server may close while the body is still being
      // written; that write error says nothing about the server once the answer is in.
      req.on('error', (error) => {
        if (answered) return;
        const before = previous ? describeRequest(previous) : 'nothing (a new connection)';
        reject(new Error(`${error.message}; the connection carried before: ${before}`));
      });
      if (request.body !== undefined && request.chunked) {
        req.write(request.body);
        req.end();
      } else {
        req.end(request.body);
      }
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A short, printable account of a request, for failure messages (bodies may be megabytes). */
export function describeRequest(request: FuzzRequest): string {
  const body = request.body;
  const bodyText =
    body === undefined
      ? 'no body'
      : `${body.length} B${request.chunked ? ' chunked' : ''}: ${JSON.stringify(body.subarray(0, 160).toString('latin1'))}`;
  return `[${request.area}] ${request.method} ${JSON.stringify(request.target.slice(0, 200))} headers ${JSON.stringify(request.headers).slice(0, 300)} ${bodyText}`;
}
