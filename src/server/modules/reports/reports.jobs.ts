import type { Db } from '../../db/client';
import type { Clock } from '../../context';
import { runPeriodically } from '../../periodic';
import { runFigureJob } from './figures/figures.service';

/**
 * The dashboards' summary job (decision 0008): at start (a rebuild if the stored figures are of another
 * version or year), then every `everyMs` — marked units recomputed, clock-driven changes marked.
 */
export function startReportJobs(
  deps: { db: Db; clock: Clock; overdueDays: number },
  everyMs: number,
  onError: (err: unknown) => void,
): () => void {
  const tick = () => runFigureJob(deps);
  const first = setTimeout(() => void tick().catch(onError), 1_000);
  first.unref();
  const stop = runPeriodically(tick, everyMs, onError);
  return () => {
    clearTimeout(first);
    stop();
  };
}
