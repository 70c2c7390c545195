// Preloaded into the server by bench/soak.ts (NODE_OPTIONS=--require … --expose-gc): every 5 s, one JSON line
// with the process's own memory appended to BENCH_MEMORY_FILE: RSS, and the V8 heap in use right after a full
// collection (so what is retained, not garbage awaiting collection). Not used outside the soak.
const { appendFileSync } = require('node:fs');

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  const sample = () => {
    if (typeof global.gc === 'function') global.gc();
    const m = process.memoryUsage();
    appendFileSync(file, `${JSON.stringify({ t: Date.now(), rss: m.rss, heapUsed: m.heapUsed })}\n`);
  };
  sample();
  setInterval(sample, 5000).unref();
}
