// Prints a host's configuration for the built site, from src/deploy/policy.ts:
//   node scripts/deploy-config.ts nginx|apache|caddy|lighttpd [--base /stories/anfu/] [--dir /srv/anfu/current] [--address news.example.cn]
// or rewrites the shipped ones under deploy/ (for the root and for /stories/anfu/):
//   node scripts/deploy-config.ts --write
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { configFor, hosts, uploadScript, type Host } from '../src/deploy/configs.ts';

/** The file each host's configuration is shipped as under deploy/, for the root or a sub-path. */
export const shippedName = (host: Host, sub: boolean) =>
  host === 'caddy' ? `deploy/caddy/Caddyfile${sub ? '.sub-path' : ''}` : `deploy/${host}/${sub ? 'sub-path' : 'root'}.conf`;

/** Where the shipped configurations place the site: the base README's examples build with, and one folder. */
export const shippedPlacements = {
  root: { base: '/', dir: '/srv/anfu/current' },
  sub: { base: '/stories/anfu/', dir: '/srv/anfu/current' },
} as const;

const root = join(import.meta.dirname, '..');
/** The object-store upload script under deploy/. */
export const uploadName = 'deploy/object-store/upload.sh';

/** Rewrites every shipped configuration under deploy/ from the policy. */
export function writeShipped(): string[] {
  const written: string[] = [];
  for (const host of hosts)
    for (const sub of [false, true]) {
      const file = join(root, shippedName(host, sub));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, configFor[host](sub ? shippedPlacements.sub : shippedPlacements.root));
      written.push(shippedName(host, sub));
    }
  const upload = join(root, uploadName);
  mkdirSync(dirname(upload), { recursive: true });
  writeFileSync(upload, uploadScript());
  chmodSync(upload, 0o755);
  return [...written, uploadName];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      base: { type: 'string', default: '/' },
      dir: { type: 'string', default: shippedPlacements.root.dir },
      address: { type: 'string' },
      write: { type: 'boolean' },
    },
  });

  if (values.write) {
    for (const file of writeShipped()) console.log(`wrote ${file}`);
  } else {
    const host = positionals[0] as Host | undefined;
    if (!host || !hosts.includes(host)) {
      console.error(`Which host? One of: ${hosts.join(', ')} (or --write to rewrite deploy/).`);
      process.exit(2);
    }
    process.stdout.write(configFor[host]({ base: values.base, dir: values.dir, ...(values.address && { address: values.address }) }));
  }
}
