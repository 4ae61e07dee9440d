/**
 * The host configurations under deploy/, written from the one policy (./policy.ts) for a base
 * path and the folder the built site is deployed to. `npm run deploy:config` prints one for any
 * base and folder; the files in deploy/ are these functions' output for the root and for a
 * sub-path (scripts/deploy-config.ts), and a unit test keeps them so.
 */
import { caching, compressible, everywhere, frameOptions, framing, paths, types, urlOf } from './policy.ts';

export interface Placement {
  /** The URL path the site is served under, with its slashes: "/" or "/stories/park/". */
  base: string;
  /** The folder the built site (dist/) is deployed to, e.g. "/srv/park/current". */
  dir: string;
}

/** The hosts there is a configuration for. */
export const hosts = ['nginx', 'apache', 'caddy', 'lighttpd'] as const;
export type Host = (typeof hosts)[number];

/** "/stories/park" or "stories/park/" → "/stories/park/"; "" or "/" → "/". */
export const normaliseBase = (base = '/'): string => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

type Pairs = readonly (readonly [string, string])[];
const own: Pairs = [...everywhere, ...framing.own];
const any: Pairs = [...everywhere, ...framing.any];
/** A path regular expression of the policy (or a folder), anchored at the base instead of at the start. */
const under = (base: string, expression: string) => `^${base}${expression.replace(/^\^/, '')}`;
const mimes = Object.entries(types);
const compressed = compressible.map((k) => types[k]!.split(';')[0]!);
const dirOf = (p: Placement) => p.dir.replace(/\/+$/, '');
const quoteNginx = (v: string) => `"${v.replaceAll('"', '\\"')}"`;

function heading(host: Host, title: string, p: Placement, use: string): string {
  return [
    `# ${title}: the site built for ${p.base}, deployed to ${dirOf(p)}/.`,
    `# Build with the same base: npm run build${p.base === '/' ? '' : ` -- --base ${p.base}`}`,
    `# ${use}`,
    `# Written by npm run deploy:config -- ${host} --base ${p.base} --dir ${dirOf(p)}`,
    '# from src/deploy/policy.ts; change the policy there, not here.',
    '',
    '',
  ].join('\n');
}

export function nginx(p: Placement): string {
  const base = normaliseBase(p.base);
  const dir = dirOf(p);
  const headers = (pairs: Pairs, cache: string, indent: string) =>
    [...pairs, ['Cache-Control', cache] as const].map(([n, v]) => `${indent}add_header ${n} ${quoteNginx(v)} always;`).join('\n');
  const at = base === '/' ? `    root ${dir};` : `    alias ${dir}/;`;
  // A nested regular-expression location cannot inherit an alias: it names its file from the capture.
  const embedAt = base === '/' ? '' : `        alias ${dir}/$1;\n`;
  const embedPath = base === '/' ? under(base, paths.embed) : `^${base}(${paths.embed.slice(1)}.*)$`;
  return `${heading('nginx', 'nginx', { ...p, base }, 'Include inside a server { } block. gzip only: for brotli, install libnginx-mod-http-brotli-filter and add "brotli on; brotli_types" with the gzip_types below.')}${
    base === '/'
      ? ''
      : `# The base without its slash goes to the base.
location = ${base.slice(0, -1)} {
    absolute_redirect off;
    return 301 ${base};
}

`
  }location ^~ ${base} {
${at}
    index index.html;
    # A directory without its slash is redirected to it, by path only (right behind a proxy too).
    absolute_redirect off;
    error_page 404 ${base}${paths.notFound};

    types {
${mimes.map(([ext, type]) => `        ${type.split(';')[0]} ${ext};`).join('\n')}
    }
    default_type application/octet-stream;
    charset utf-8;
    charset_types ${compressed.filter((t) => t !== 'text/html').join(' ')};
    gzip on;
    gzip_vary on;
    gzip_min_length 256;
    gzip_types ${compressed.filter((t) => t !== 'text/html').join(' ')};

    # add_header in a location replaces every add_header of the one around it, so each repeats them all.
${headers(own, caching.other, '    ')}

    # A chart's embed page: any site may frame it.
    location ~ ${embedPath} {
${embedAt}${headers(any, caching.other, '        ')}
    }
    # Hashed assets never change.
    location ^~ ${base}${paths.hashed} {
${headers(own, caching.hashed, '        ')}
    }
${paths.hidden.map((h) => `    location = ${base}${h} {\n        return 404;\n    }`).join('\n')}
}
`;
}

export function apache(p: Placement): string {
  const base = normaliseBase(p.base);
  const dir = dirOf(p);
  const set = (pairs: Pairs, indent: string) => pairs.map(([n, v]) => `${indent}Header always set ${n} "${v}"`).join('\n');
  return `${heading(
    'apache',
    'Apache httpd',
    { ...p, base },
    'Inside a <VirtualHost>. Modules: a2enmod alias headers filter deflate brotli (dir and mime are on by default).',
  )}${
    base === '/'
      ? `DocumentRoot ${dir}`
      : `Alias ${base} ${dir}/
# The base without its slash goes to the base.
RedirectMatch 301 ^${base.slice(0, -1)}$ ${base}`
  }
${paths.hidden.map((h) => `RedirectMatch 404 ^${base}${h}$`).join('\n')}

<Directory ${dir}>
    Options FollowSymLinks
    AllowOverride None
    Require all granted
    DirectoryIndex index.html
    # A directory without its slash is redirected to it (mod_dir's default, said here).
    DirectorySlash On
    ErrorDocument 404 ${base}${paths.notFound}

${mimes.map(([ext, type]) => `    AddType "${type}" .${ext}`).join('\n')}

    # Brotli for the browsers that ask for it, gzip for the rest.
    AddOutputFilterByType BROTLI_COMPRESS ${compressed.join(' ')}
    AddOutputFilterByType DEFLATE ${compressed.join(' ')}

${set(own, '    ')}
    Header always set Cache-Control "${caching.other}"
    # A chart's embed page: any site may frame it.
    <If "%{REQUEST_URI} =~ m#${under(base, paths.embed)}#">
${set(framing.any, '        ')}
        Header always unset ${frameOptions}
    </If>
    # Hashed assets never change.
    <If "%{REQUEST_URI} =~ m#${under(base, paths.hashed)}#">
        Header always set Cache-Control "${caching.hashed}"
    </If>
</Directory>
`;
}

export function caddy(p: Placement & { address?: string }): string {
  const base = normaliseBase(p.base);
  const dir = dirOf(p);
  const address = p.address ?? 'news.example.cn';
  const block = (pairs: Pairs, indent: string) => pairs.map(([n, v]) => `${indent}${n} "${v.replaceAll('"', '\\"')}"`).join('\n');
  // Inside handle_path the base is stripped: the policy's paths start at "/".
  const inner = (expression: string) => `^/${expression.replace(/^\^/, '')}`;
  const typed = mimes.filter(([ext]) => ext !== 'png');
  return `${heading('caddy', 'Caddy', { ...p, base }, `The site block for ${address}; put these lines in yours if the site shares it.`)}${address} {
${base === '/' ? '' : `\t# The base without its slash goes to the base.\n\tredir ${base.slice(0, -1)} ${base} 301\n\n`}\t${base === '/' ? 'handle' : `handle_path ${base}*`} {
\t\troot * ${dir}
\t\t# route keeps these in the order written: the general headers first, the exceptions after.
\t\troute {
\t\t\theader {
${block(own, '\t\t\t\t')}
\t\t\t\tCache-Control "${caching.other}"
\t\t\t}
\t\t\t# A chart's embed page: any site may frame it.
\t\t\t@embed path_regexp embed ${inner(paths.embed)}
\t\t\theader @embed {
${block(framing.any, '\t\t\t\t')}
\t\t\t\t-${frameOptions}
\t\t\t}
\t\t\t# Hashed assets never change.
\t\t\t@hashed path_regexp hashed ${inner(paths.hashed)}
\t\t\theader @hashed Cache-Control "${caching.hashed}"
\t\t\t# Text with its charset (Caddy names some types without one).
${typed.map(([ext, type]) => `\t\t\t@${ext} path *.${ext}\n\t\t\theader @${ext} Content-Type "${type}"`).join('\n')}
\t\t\t@directory path */
\t\t\theader @directory Content-Type "${types['html']}"
${paths.hidden.map((h) => `\t\t\t@hidden path /${h}\n\t\t\terror @hidden 404`).join('\n')}
\t\t\t# Caddy has no brotli encoder: zstd and gzip.
\t\t\tencode zstd gzip
\t\t\tfile_server
\t\t}
\t}

\t# A missing page: the site's own 404 page, with status 404.
\thandle_errors {
\t\t@site path ${base}*
\t\thandle @site {
\t\t\troot * ${dir}
\t\t\trewrite * /${paths.notFound}
\t\t\theader {
${block(own, '\t\t\t\t')}
\t\t\t\tCache-Control "${caching.other}"
\t\t\t\tContent-Type "${types['html']}"
\t\t\t}
\t\t\tencode zstd gzip
\t\t\tfile_server
\t\t}
\t}
}
`;
}

export function lighttpd(p: Placement): string {
  const base = normaliseBase(p.base);
  const dir = dirOf(p);
  const list = (pairs: Pairs, indent: string) => `(\n${pairs.map(([n, v]) => `${indent}    "${n}" => "${v}",`).join('\n')}\n${indent})`;
  return `${heading('lighttpd', 'lighttpd', { ...p, base }, 'Include from lighttpd.conf (include "story.conf"). Debian: apt-get install lighttpd lighttpd-mod-deflate.')}server.modules += ( "mod_alias", "mod_access", "mod_redirect", "mod_setenv", "mod_deflate" )

${
  base === '/'
    ? ''
    : `# The base without its slash goes to the base.
$HTTP["url"] == "${base.slice(0, -1)}" {
    url.redirect = ( "" => "${base}" )
}

`
}$HTTP["url"] =^ "${base}" {
    ${base === '/' ? `server.document-root = "${dir}"` : `alias.url = ( "${base}" => "${dir}/" )`}
    index-file.names = ( "index.html" )
    server.error-handler = "${base}${paths.notFound}"
    mimetype.assign = (
${mimes.map(([ext, type]) => `        ".${ext}" => "${type}",`).join('\n')}
    )
    deflate.mimetypes = ( ${compressed.map((t) => `"${t}"`).join(', ')} )
    deflate.allowed-encodings = ( "br", "gzip", "deflate" )
    setenv.set-response-header = ${list([...own, ['Cache-Control', caching.other]], '    ')}
    # A chart's embed page: any site may frame it.
    $HTTP["url"] =~ "${under(base, paths.embed)}" {
        setenv.set-response-header = ${list([...any, ['Cache-Control', caching.other]], '        ')}
    }
    # Hashed assets never change.
    $HTTP["url"] =~ "${under(base, paths.hashed)}" {
        setenv.set-response-header = ${list([...own, ['Cache-Control', caching.hashed]], '        ')}
    }
${paths.hidden.map((h) => `    $HTTP["url"] == "${base}${h}" {\n        url.access-deny = ( "" )\n    }`).join('\n')}
}
`;
}

export const configFor: Record<Host, (p: Placement) => string> = { nginx, apache, caddy, lighttpd };

/**
 * `_headers`, for hosts that read it (Netlify, Cloudflare Pages), for the pages the build wrote
 * (`files`, paths under the base). Such hosts join the values of every rule a path matches, so a
 * framing policy on "/*" would also hold for embed pages: the framing is set per page and per
 * edition's embed folder, and a missing URL's 404 page gets the headers of "/*" only.
 */
export function headersFile(baseGiven: string, files: readonly string[]): string {
  const base = normaliseBase(baseGiven);
  const rule = (path: string, pairs: Pairs) => `${base}${path}\n${pairs.map(([n, v]) => `  ${n}: ${v}`).join('\n')}`;
  const embed = new RegExp(paths.embed);
  const pages = files.filter((f) => f.endsWith('.html') && !embed.test(f)).sort();
  const embedFolders = [...new Set(files.filter((f) => embed.test(f)).map((f) => embed.exec(f)![0]))].sort();
  const csvFolders = [...new Set(files.filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, f.lastIndexOf('/') + 1)))].sort();
  return `${[
    [
      `# Headers for hosts that read _headers (Netlify, Cloudflare Pages), for the site at ${base}.`,
      '# Written by the build from src/deploy/policy.ts. Such hosts join the headers of every rule a',
      '# path matches, so the framing policy is set per page: the story, data and 404 pages may be',
      "# framed only by the site itself; a chart's embed page by any site. Files other than the",
      "# hashed assets keep the host's own caching, which asks for them again.",
    ].join('\n'),
    rule('*', everywhere),
    rule(`${paths.hashed}*`, [['Cache-Control', caching.hashed]]),
    ...pages.flatMap((f) => {
      const url = urlOf(f);
      return url === f ? [rule(f, framing.own)] : [rule(url, framing.own), rule(f, framing.own)];
    }),
    ...embedFolders.map((folder) => rule(`${folder}*`, framing.any)),
    ...csvFolders.map((folder) => rule(`${folder}*.csv`, [['Content-Type', types['csv']!]])),
  ].join('\n\n')}\n`;
}

/**
 * A shell script that uploads a built site to an S3-compatible bucket (AWS S3, Aliyun OSS,
 * Tencent COS, Cloudflare R2, MinIO) with the AWS CLI, each kind of file with its type and
 * caching: hashed assets first, pages last, so no page names a file not yet there.
 */
export function uploadScript(): string {
  const kinds = Object.keys(types);
  // The AWS CLI applies its filters in order, the last that matches a file deciding.
  const cp = (from: string, kind: string, cache: string, exclude = '') =>
    `aws s3 cp "$dist${from}" "$dest${from}" --recursive "$@" --exclude '*' --include '*.${kind}'${exclude} --content-type '${types[kind]}' --cache-control '${cache}'`;
  const hashedDir = `/${paths.hashed.slice(0, -1)}`;
  const ordered = [...kinds.filter((k) => k !== 'html'), 'html'];
  return `#!/bin/sh
# Uploads a built site to an S3-compatible bucket with each file's type and caching.
#   deploy/object-store/upload.sh DIST s3://BUCKET/PREFIX [aws options, e.g. --endpoint-url URL]
# Build with the prefix as the base first (npm run build -- --base /PREFIX/). Written by
# npm run deploy:config -- --write from src/deploy/policy.ts; change the policy there.
set -eu
dist=\${1:?the built site, e.g. dist}
dest=\${2:?the bucket and prefix, e.g. s3://news/stories/park}
shift 2
dest=\${dest%/}

# Hashed assets first: they never change.
${kinds.map((k) => cp(hashedDir, k, caching.hashed)).join('\n')}
# Then every other file, pages last.
${ordered.map((k) => cp('', k, caching.other, ` --exclude '${paths.hashed}*'`)).join('\n')}
# Last, files no longer in the site (old hashed assets stay for pages still cached).
aws s3 sync "$dist" "$dest" --delete --size-only "$@" --exclude '${paths.hashed}*'${paths.hidden.map((h) => ` --exclude '${h}'`).join('')}
`;
}
