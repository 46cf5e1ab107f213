import { execFile } from 'child_process';
import type { AddressInfo } from 'net';
import type { TestApp } from './strapi';

export type BurstRequest = { method: string; path: string; headers?: Record<string, string>; body?: unknown };
export type BurstResponse = { status: number; body: any };

// Runs in a process of its own: requests sent from the test's process would only leave when the
// server lets the event loop go, i.e. one after the other, as no real clients would.
const CLIENT = `
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', async () => {
  const { base, requests } = JSON.parse(input);
  const out = await Promise.all(requests.map(async (r) => {
    const res = await fetch(base + r.path, {
      method: r.method,
      headers: { 'Content-Type': 'application/json', ...(r.headers || {}) },
      body: r.body === undefined ? undefined : JSON.stringify(r.body),
    });
    const text = await res.text();
    let body = null;
    try { body = JSON.parse(text); } catch { body = text; }
    return { status: res.status, body };
  }));
  process.stdout.write(JSON.stringify(out));
});
`;

/** Sends requests all at once from another process, as simultaneous clients would; the answers in order. */
export const burst = async (app: TestApp, requests: BurstRequest[]): Promise<BurstResponse[]> => {
  const server = app.strapi.server.httpServer;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', CLIENT], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as BurstResponse[]);
    });
    child.stdin!.end(JSON.stringify({ base, requests }));
  });
};
