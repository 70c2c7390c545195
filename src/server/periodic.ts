/**
 * Runs `work` every `everyMs` in the server process, never twice at once (a slow run makes the next tick
 * skip), without keeping the process alive; the first run comes after `firstAfterMs` when given (work left by
 * a stopped or crashed process is taken up at start). Returns the stop function for graceful shutdown.
 * In-process only: work that must run once across servers is a job of `jobs/registry.ts` (decision 0011).
 */
export function runPeriodically(
  work: () => Promise<unknown>,
  everyMs: number,
  onError: (err: unknown) => void,
  firstAfterMs?: number,
): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    work()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  const first = firstAfterMs === undefined ? undefined : setTimeout(tick, firstAfterMs);
  first?.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(first);
  };
}
