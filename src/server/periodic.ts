/**
 * Runs `work` every `everyMs` in the server process, never twice at once (a slow run makes the next tick
 * skip), without keeping the process alive. Returns the stop function for graceful shutdown.
 */
export function runPeriodically(work: () => Promise<unknown>, everyMs: number, onError: (err: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    work()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
