import { errorResponseSchema, ingestResponseSchema } from '../../core/contracts/http';
import { refusedByNodeParser, type FuzzAnswer, type FuzzRequest } from './fuzz-request';

// What every answer to hostile input must be (ARCHITECTURE.md, invariant 6): never a 5xx,
// a 4xx that says what is wrong, and an ingest answer whose row accounting adds up.

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function ingestProblems(request: FuzzRequest, answer: FuzzAnswer): string[] {
  const parsed = ingestResponseSchema.safeParse(parseJson(answer.body));
  if (!parsed.success) return ['a 200 ingest answer is not {accepted, duplicates, rejected}'];
  const { accepted, duplicates, rejected } = parsed.data;
  const problems: string[] = [];
  if (duplicates > accepted) problems.push(`duplicates ${duplicates} > accepted ${accepted}`);
  rejected.forEach((row, i) => {
    const previous = rejected[i - 1];
    if (previous !== undefined && previous.index >= row.index) {
      problems.push(`rejected indexes are not strictly increasing at ${i}`);
    }
    if (row.error.trim() === '') problems.push(`rejected row ${row.index} has no reason`);
  });
  if (request.expectRows !== undefined) {
    const counted = accepted + rejected.length;
    if (counted !== request.expectRows) {
      problems.push(`accepted + rejected = ${counted}, but the body holds ${request.expectRows}`);
    }
    const outside = rejected.find((row) => row.index >= (request.expectRows ?? 0));
    if (outside) problems.push(`rejected index ${outside.index} is past the last row`);
  }
  return problems;
}

/** Every way the answer breaks the contract; empty when it keeps it. */
export function answerProblems(request: FuzzRequest, answer: FuzzAnswer): string[] {
  const problems: string[] = [];
  if (answer.status === 0 && !refusedByNodeParser(request)) problems.push('closed, no answer');
  if (answer.replayed !== undefined && !answer.closes) {
    problems.push(`no answer (${answer.replayed}), and no early close explains it`);
  }
  if (answer.status >= 500) problems.push(`server error ${answer.status}`);
  const answered = answer.status !== 0;
  if (answered && request.expectStatus && !request.expectStatus.includes(answer.status)) {
    problems.push(`status ${answer.status}, expected ${request.expectStatus.join(' or ')}`);
  }
  const isJson = answer.contentType.toLowerCase().includes('json');
  if (answer.status >= 400 && answer.status < 500 && isJson && request.method !== 'HEAD') {
    const error = errorResponseSchema.safeParse(parseJson(answer.body));
    if (!error.success) problems.push('a 4xx JSON answer is not {error: {code, message}}');
    else if (error.data.error.message.trim() === '') problems.push('a 4xx answer has no message');
  }
  if (request.area.startsWith('ingest') && answer.status === 200) {
    problems.push(...ingestProblems(request, answer));
  }
  if (problems.length > 0) {
    problems.push(`answer ${answer.status} ${JSON.stringify(answer.body.slice(0, 300))}`);
  }
  return problems;
}
