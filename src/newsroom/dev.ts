import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TOKEN_HEADER } from '../editor/token.ts';

/** A TCP port free on loopback now: the system picks one for a server on port 0, which is closed again at once. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

export interface DevServer {
  url: string;
  token: string;
  child: ChildProcess;
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * Astro's development server (the editing screen and the preview) for the newsroom service: on
 * loopback, on a free port, answering only requests that carry a token made for this start.
 * Resolves once the screen answers.
 */
export async function startDevServer(project: string, env: NodeJS.ProcessEnv = process.env): Promise<DevServer> {
  const port = await freePort();
  const token = randomBytes(24).toString('hex');
  const url = `http://127.0.0.1:${port}`;
  // Astro's CLI on this Node (the project's, not whatever `node` is first on the PATH).
  const astro = join(project, 'node_modules/astro/bin/astro.mjs');
  const child = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: project,
    env: { ...env, NEWSROOM_TOKEN: token, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(undefined)));
  };
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    if (child.exitCode !== null) throw new Error(`The development server stopped:\n${output}`);
    try {
      const answer = await fetch(`${url}/keystatic`, { headers: { [TOKEN_HEADER]: token } });
      if (answer.ok) return { url, token, child, log: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`The development server did not answer within two minutes:\n${output}`);
}
