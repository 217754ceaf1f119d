/**
 * Sizes of a production build: the first page's JavaScript (the entry script of index.html and its modulepreloads,
 * gzip level 9 as test/e2e/bundle.e2e.test.ts counts it) and the service worker's precache (every file its manifest
 * lists).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BuildSizes {
  firstPage: { files: string[]; bytes: number; gzip: number };
  precache: { entries: number; bytes: number; largest: { url: string; bytes: number }[] };
}

export function buildSizes(dist: string): BuildSizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  const files = [...entries, ...preloads];
  const code = files.map((file) => readFileSync(join(dist, file)));
  const sw = join(dist, 'sw.js');
  if (!existsSync(sw)) throw new Error(`${sw} is missing: is the service worker still built?`);
  const urls = [...readFileSync(sw, 'utf8').matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1] as string);
  const listed = urls.map((url) => ({ url, bytes: statSync(join(dist, url)).size }));
  return {
    firstPage: {
      files,
      bytes: code.reduce((sum, c) => sum + c.length, 0),
      gzip: code.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0),
    },
    precache: {
      entries: listed.length,
      bytes: listed.reduce((sum, f) => sum + f.bytes, 0),
      largest: [...listed].sort((a, b) => b.bytes - a.bytes).slice(0, 5),
    },
  };
}
