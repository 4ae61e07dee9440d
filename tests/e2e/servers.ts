/**
 * Real web servers on loopback, each serving a built site with the configuration shipped for it
 * under deploy/ (as `npm run deploy:config` writes it, pointed at the test's folder). Each server
 * runs in the foreground from a folder of its own, as the user running the tests (or, as root,
 * dropping to `nobody`, as each server does in production).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caddy, configFor, type Host } from '../../src/deploy/configs.ts';
import { startServer } from '../../scripts/serve.ts';

const binaries: Record<Host, string[]> = {
  nginx: ['/usr/sbin/nginx', '/usr/bin/nginx'],
  apache: ['/usr/sbin/apache2', '/usr/sbin/httpd'],
  caddy: ['/usr/bin/caddy', '/usr/local/bin/caddy'],
  lighttpd: ['/usr/sbin/lighttpd'],
};
const packages: Record<Host, string> = {
  nginx: 'nginx-light',
  apache: 'apache2',
  caddy: 'caddy',
  lighttpd: 'lighttpd lighttpd-mod-deflate',
};

export const binaryOf = (host: Host) => binaries[host].find((p) => existsSync(p));

/** Whether a host's server is installed; under CI a missing one is an error, not a skip. */
export function hostAvailable(host: Host): boolean {
  // Debian ships lighttpd's compression apart from the server.
  if (binaryOf(host) && (host !== 'lighttpd' || existsSync('/usr/lib/lighttpd/mod_deflate.so'))) return true;
  const install = `apt-get install -y --no-install-recommends ${packages[host]}`;
  if (process.env['CI']) throw new Error(`${host} is required under CI but was not found; install it: ${install}`);
  console.warn(`\n${host.toUpperCase()} DEPLOYMENT TEST SKIPPED: not installed. Install Debian's: ${install}\n`);
  return false;
}

const asRoot = process.getuid?.() === 0;

export interface Running {
  origin: string;
  stop: () => Promise<void>;
}

interface Start {
  /** A folder of the server's own: its configuration, logs, pid file. */
  work: string;
  port: number;
  base: string;
  /** The built site it serves. */
  dir: string;
}

/** The whole configuration each server is started with, around the shipped snippet. */
function configure(host: Host, { work, port, base, dir }: Start): { file: string; args: string[]; env?: NodeJS.ProcessEnv; log: string } {
  const placement = { base, dir };
  const log = join(work, 'error.log');
  if (host === 'nginx') {
    const file = join(work, 'nginx.conf');
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${work}/tmp;`).join('\n');
    writeFileSync(
      file,
      `pid ${work}/nginx.pid;\nerror_log ${log};\n${asRoot ? 'user nobody nogroup;\n' : ''}events {}\nhttp {\n  access_log off;\n${temp}\n  server {\n    listen 127.0.0.1:${port};\n${configFor.nginx(placement)}\n  }\n}\n`,
    );
    return { file, args: ['-p', work, '-c', file, '-g', 'daemon off;'], log };
  }
  if (host === 'apache') {
    const file = join(work, 'httpd.conf');
    const modules = ['mpm_event', 'authz_core', 'mime', 'dir', 'alias', 'headers', 'filter', 'deflate', 'brotli'];
    writeFileSync(
      file,
      [
        `ServerRoot ${work}`,
        `PidFile ${work}/httpd.pid`,
        `DefaultRuntimeDir ${work}`,
        `ErrorLog ${log}`,
        'LogLevel warn',
        `Listen 127.0.0.1:${port}`,
        'ServerName 127.0.0.1',
        `TypesConfig /dev/null`,
        ...(asRoot ? ['User nobody', 'Group nogroup'] : []),
        ...modules.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`),
        `<VirtualHost 127.0.0.1:${port}>`,
        configFor.apache(placement),
        '</VirtualHost>',
        '',
      ].join('\n'),
    );
    return { file, args: ['-f', file, '-DFOREGROUND'], log };
  }
  if (host === 'caddy') {
    const file = join(work, 'Caddyfile');
    writeFileSync(
      file,
      `{\n\tadmin off\n\tauto_https off\n\tstorage file_system ${work}/data\n\tlog {\n\t\toutput file ${log}\n\t}\n}\n\n${caddy({ ...placement, address: `http://127.0.0.1:${port}` })}`,
    );
    const env = { ...process.env, HOME: work, XDG_DATA_HOME: join(work, 'data'), XDG_CONFIG_HOME: join(work, 'config') };
    return { file, args: ['run', '--config', file, '--adapter', 'caddyfile'], env, log };
  }
  const file = join(work, 'lighttpd.conf');
  writeFileSync(
    file,
    [
      `server.document-root = "${work}/empty"`,
      'server.bind = "127.0.0.1"',
      `server.port = ${port}`,
      `server.errorlog = "${log}"`,
      ...(asRoot ? ['server.username = "nobody"', 'server.groupname = "nogroup"'] : []),
      configFor.lighttpd(placement),
      '',
    ].join('\n'),
  );
  mkdirSync(join(work, 'empty'), { recursive: true });
  return { file, args: ['-D', '-f', file], log };
}

/** The line a test prints for a server's name in its answers ("nginx/1.22.1"; Caddy's is "Caddy"). */
const serverName: Record<Host, RegExp> = { nginx: /^nginx/, apache: /^Apache/, caddy: /^Caddy/, lighttpd: /^lighttpd/ };

/** What the tests serve the builds with: each host's server, and `npm start`'s own (scripts/serve.ts). */
export type Server = Host | 'preview';

/** Starts a host's server with its shipped configuration, and waits until that server (not another) answers. */
export async function startHost(host: Server, start: Start): Promise<Running> {
  if (host === 'preview') {
    const served = await startServer({ dir: start.dir, base: start.base, port: start.port });
    return { origin: new URL(served.url).origin, stop: served.close };
  }
  rmSync(start.work, { recursive: true, force: true });
  mkdirSync(join(start.work, 'tmp'), { recursive: true });
  // A server that drops to nobody (lighttpd) opens its log after it has.
  if (asRoot) chmodSync(start.work, 0o777);
  const { file, args, env, log } = configure(host, start);
  const binary = binaryOf(host)!;
  const check =
    host === 'caddy'
      ? spawnSync(binary, ['validate', '--config', file, '--adapter', 'caddyfile'], { encoding: 'utf8', env })
      : spawnSync(
          binary,
          host === 'lighttpd' ? ['-tt', '-f', file] : host === 'apache' ? ['-t', '-f', file] : ['-t', ...args.slice(0, 4)],
          {
            encoding: 'utf8',
          },
        );
  if (check.status !== 0) throw new Error(`${host} refused its configuration (${file}):\n${check.stdout}\n${check.stderr}`);
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], env: env ?? process.env });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const origin = `http://127.0.0.1:${start.port}`;
  const logs = () => `${stderr}\n${existsSync(log) ? readFileSync(log, 'utf8') : ''}`;
  const deadline = Date.now() + 15_000;
  let last = '';
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${host} exited with code ${child.exitCode} before answering on ${origin}:\n${logs()}`);
    try {
      const res = await fetch(`${origin}${start.base}`);
      if (serverName[host].test(res.headers.get('server') ?? '')) break;
      last = `answered by ${res.headers.get('server') ?? 'a server without a name'}`;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`${host} did not answer on ${origin} within 15 s (${last}):\n${logs()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
