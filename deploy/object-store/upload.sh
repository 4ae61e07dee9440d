#!/bin/sh
# Uploads a built site to an S3-compatible bucket with each file's type and caching.
#   deploy/object-store/upload.sh DIST s3://BUCKET/PREFIX [aws options, e.g. --endpoint-url URL]
# Build with the prefix as the base first (npm run build -- --base /PREFIX/). Written by
# npm run deploy:config -- --write from src/deploy/policy.ts; change the policy there.
set -eu
dist=${1:?the built site, e.g. dist}
dest=${2:?the bucket and prefix, e.g. s3://news/stories/park}
shift 2
dest=${dest%/}

# Hashed assets first: they never change.
aws s3 cp "$dist/_astro" "$dest/_astro" --recursive "$@" --exclude '*' --include '*.html' --content-type 'text/html; charset=utf-8' --cache-control 'public, max-age=31536000, immutable'
aws s3 cp "$dist/_astro" "$dest/_astro" --recursive "$@" --exclude '*' --include '*.css' --content-type 'text/css; charset=utf-8' --cache-control 'public, max-age=31536000, immutable'
aws s3 cp "$dist/_astro" "$dest/_astro" --recursive "$@" --exclude '*' --include '*.js' --content-type 'text/javascript; charset=utf-8' --cache-control 'public, max-age=31536000, immutable'
aws s3 cp "$dist/_astro" "$dest/_astro" --recursive "$@" --exclude '*' --include '*.json' --content-type 'application/json; charset=utf-8' --cache-control 'public, max-age=31536000, immutable'
aws s3 cp "$dist/_astro" "$dest/_astro" --recursive "$@" --exclude '*' --include '*.csv' --content-type 'text/csv; charset=utf-8' --cache-control 'public, max-age=31536000, immutable'
aws s3 cp "$dist/_astro" "$dest/_astro" --recursive "$@" --exclude '*' --include '*.svg' --content-type 'image/svg+xml; charset=utf-8' --cache-control 'public, max-age=31536000, immutable'
aws s3 cp "$dist/_astro" "$dest/_astro" --recursive "$@" --exclude '*' --include '*.xml' --content-type 'application/xml; charset=utf-8' --cache-control 'public, max-age=31536000, immutable'
aws s3 cp "$dist/_astro" "$dest/_astro" --recursive "$@" --exclude '*' --include '*.txt' --content-type 'text/plain; charset=utf-8' --cache-control 'public, max-age=31536000, immutable'
aws s3 cp "$dist/_astro" "$dest/_astro" --recursive "$@" --exclude '*' --include '*.png' --content-type 'image/png' --cache-control 'public, max-age=31536000, immutable'
# Then every other file, pages last.
aws s3 cp "$dist" "$dest" --recursive "$@" --exclude '*' --include '*.css' --exclude '_astro/*' --content-type 'text/css; charset=utf-8' --cache-control 'no-cache'
aws s3 cp "$dist" "$dest" --recursive "$@" --exclude '*' --include '*.js' --exclude '_astro/*' --content-type 'text/javascript; charset=utf-8' --cache-control 'no-cache'
aws s3 cp "$dist" "$dest" --recursive "$@" --exclude '*' --include '*.json' --exclude '_astro/*' --content-type 'application/json; charset=utf-8' --cache-control 'no-cache'
aws s3 cp "$dist" "$dest" --recursive "$@" --exclude '*' --include '*.csv' --exclude '_astro/*' --content-type 'text/csv; charset=utf-8' --cache-control 'no-cache'
aws s3 cp "$dist" "$dest" --recursive "$@" --exclude '*' --include '*.svg' --exclude '_astro/*' --content-type 'image/svg+xml; charset=utf-8' --cache-control 'no-cache'
aws s3 cp "$dist" "$dest" --recursive "$@" --exclude '*' --include '*.xml' --exclude '_astro/*' --content-type 'application/xml; charset=utf-8' --cache-control 'no-cache'
aws s3 cp "$dist" "$dest" --recursive "$@" --exclude '*' --include '*.txt' --exclude '_astro/*' --content-type 'text/plain; charset=utf-8' --cache-control 'no-cache'
aws s3 cp "$dist" "$dest" --recursive "$@" --exclude '*' --include '*.png' --exclude '_astro/*' --content-type 'image/png' --cache-control 'no-cache'
aws s3 cp "$dist" "$dest" --recursive "$@" --exclude '*' --include '*.html' --exclude '_astro/*' --content-type 'text/html; charset=utf-8' --cache-control 'no-cache'
# Last, files no longer in the site (old hashed assets stay for pages still cached).
aws s3 sync "$dist" "$dest" --delete --size-only "$@" --exclude '_astro/*' --exclude '_headers'
