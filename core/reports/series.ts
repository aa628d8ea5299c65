/** One datastream's values over the window, in time order: epoch ms and value, same length. */
export interface Series {
  times: readonly number[];
  values: readonly number[];
}

/** Consecutive indexes [start, end] for which `belongs` holds, as runs. */
export function runsWhere(
  length: number,
  belongs: (i: number) => boolean,
  continues: (previous: number, i: number) => boolean = () => true,
): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  for (let i = 0; i < length; i++) {
    if (!belongs(i)) continue;
    const last = runs.at(-1);
    if (last && last.end === i - 1 && continues(last.end, i)) last.end = i;
    else runs.push({ start: i, end: i });
  }
  return runs;
}
