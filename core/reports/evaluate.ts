import type { EvaluationCheck } from '../contracts/evaluation';
import type { Finding, ReportSummary } from '../contracts/report';
import { comparablePairs, compareSeries } from './comparison';
import {
  evaluateDatastream,
  MAX_FINDINGS_PER_CHECK,
  type DatastreamInput,
} from './evaluate-datastream';

/**
 * Assembles a report from datastreams already evaluated one by one (the worker reports
 * progress between them): totals, and the station comparison over their series.
 */
export function assembleReport(
  evaluated: { input: DatastreamInput; result: ReturnType<typeof evaluateDatastream> }[],
  checks: readonly EvaluationCheck[],
): { summary: ReportSummary; findings: Finding[] } {
  const byKey = new Map(evaluated.map((e) => [e.input.key, e.input.series]));
  const comparisons = checks.includes('comparison')
    ? comparablePairs([...byKey.keys()]).map(([a, b]) =>
        compareSeries(a, byKey.get(a)!, b, byKey.get(b)!),
      )
    : [];
  const datastreams = evaluated.map((e) => e.result.summary);
  let expected = 0;
  let present = 0;
  for (const d of datastreams) {
    expected += d.completeness?.expected ?? 0;
    present += d.completeness?.present ?? 0;
  }
  const counts = datastreams.flatMap((d) => Object.values(d.findingCounts));
  return {
    summary: {
      checks: [...checks],
      datastreams,
      comparisons,
      completeness: expected === 0 ? null : present / expected,
      findings: counts.reduce((sum, n) => sum + n, 0),
      truncated: counts.some((n) => n > MAX_FINDINGS_PER_CHECK),
    },
    findings: evaluated.flatMap((e) => e.result.findings),
  };
}
