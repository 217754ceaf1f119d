import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '../../dist');

describe('the production build', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  const firstPage = [...entries, ...preloads].map((file) => readFileSync(join(dist, file)));

  it('keeps pdf-lib, fontkit and the fonts out of the first page (loaded only on export)', () => {
    expect(entries.length).toBe(1);
    for (const code of firstPage) {
      expect(code.includes('PDFDocument')).toBe(false);
      expect(code.includes('hasGlyphForCodePoint')).toBe(false);
    }
    expect(readdirSync(join(dist, 'assets')).some((f) => f.endsWith('.ttf'))).toBe(true);
  });

  it('has a first page of at most 150 KB of JavaScript, gzip', () => {
    const gzip = firstPage.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0);
    console.log(`first-page JavaScript: ${(gzip / 1024).toFixed(1)} KB gzip`);
    expect(gzip).toBeLessThanOrEqual(150 * 1024);
  });
});
