import { Worker } from 'worker_threads';

/**
 * Strapi runs in the test's own process: a request that loops forever blocks the event loop,
 * and with it every timer jest could use to fail the test. A worker thread watches a heartbeat
 * that the main thread beats; when it stops for `hangMs`, the worker prints what was in flight
 * and kills the process, so that a hang fails the run with its reproduction instead of
 * stalling it until CI's time runs out. Between requests (`setNote('')`) it never fires.
 */
export const startWatchdog = ({ hangMs = 30_000 }: { hangMs?: number } = {}) => {
  const beat = new Float64Array(new SharedArrayBuffer(8));
  const note = new Uint8Array(new SharedArrayBuffer(8192));
  const noteLength = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(noteLength, 0, 0);
  beat[0] = Date.now();

  const worker = new Worker(
    `
    const { workerData } = require('worker_threads');
    const fs = require('fs');
    const { beat, note, noteLength, hangMs } = workerData;
    setInterval(() => {
      const silentFor = Date.now() - beat[0];
      if (silentFor < hangMs) return;
      // only a request in flight counts: a boot or a teardown starved of CPU on a loaded machine
      // may block as long, and killing the process would take other test files with it
      if (Atomics.load(noteLength, 0) === 0) return;
      const text = Buffer.from(note.slice(0, Atomics.load(noteLength, 0))).toString('utf8');
      fs.writeSync(2, '\\n\\nWATCHDOG: the event loop has been blocked for ' + silentFor + ' ms (a request that never ends).\\nIn flight: ' + text + '\\n\\n');
      process.kill(process.pid, 'SIGKILL');
    }, 500);
    `,
    { eval: true, workerData: { beat, note, noteLength, hangMs } }
  );
  worker.unref();
  const timer = setInterval(() => {
    beat[0] = Date.now();
  }, 200);
  timer.unref();

  return {
    /** What the worker prints if the process hangs now (the request and the seed, say). */
    setNote(text: string) {
      const bytes = Buffer.from(text, 'utf8').subarray(0, note.length);
      note.set(bytes);
      Atomics.store(noteLength, 0, bytes.length);
    },
    async stop() {
      clearInterval(timer);
      await worker.terminate();
    },
  };
};
