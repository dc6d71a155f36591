import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface DemoServer {
  readonly server: ChildProcess;
  readonly url: string;
  /** `pglite` or `postgres`. */
  readonly kind: string;
  readonly loadSeconds: number;
}

/**
 * Starts bench/apiServer.ts — the app on a fresh store holding the demo — in a process of its
 * own, so the load (autocannon, a browser) does not share its event loop; resolves once it
 * listens. `webRoot`: a built web client for it to serve.
 */
export async function startDemoServer(options: { execArgv?: readonly string[]; webRoot?: string } = {}): Promise<DemoServer> {
  const env = { ...process.env, ...(options.webRoot ? { BENCH_WEB_ROOT: options.webRoot } : {}) };
  const server = fork(fileURLToPath(new URL('./apiServer.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])], env });
  const stopped = once(server, 'exit').then(() => {
    throw new Error('the demo server stopped before it was ready');
  });
  const [ready] = (await Promise.race([once(server, 'message'), stopped])) as [{ url: string; kind: string; loadSeconds: number }];
  return { server, ...ready };
}

export async function stopDemoServer({ server }: DemoServer): Promise<void> {
  server.kill('SIGTERM');
  await once(server, 'exit');
}
