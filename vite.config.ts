import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CSP_DIRECTIVES } from './src/engine/content-security-policy';

const THEME_COLOUR = '#123d6a';

/**
 * The largest file the service worker precaches. The PDF report chunk (pdf-lib + fontkit, ~1.1 MB) and each DejaVu
 * font (~0.75 MB) must be precached so that export works offline; Workbox's default (2 MiB) is close enough that a
 * silently skipped chunk would break offline export. test/e2e/offline.e2e.test.ts checks that every built asset is
 * in the precache manifest.
 */
const MAX_PRECACHED_FILE = 3 * 1024 * 1024;

/** index.html is not ours to edit: add the theme colour and the iOS home-screen icon to it at build time. */
function headTags(): Plugin {
  return {
    name: 'conformo:pwa-head',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOUR }, injectTo: 'head' },
      {
        tag: 'link',
        attrs: { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon-180x180.png' },
        injectTo: 'head',
      },
    ],
  };
}

/**
 * The Content-Security-Policy of the built app (SECURITY.md gives the same as HTTP headers, with the directives a
 * meta tag cannot carry). No inline script, no eval, nothing from another origin.
 */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/**
 * `virtual:extra-questionnaires`: questionnaires a build adds to the shipped ones, as lazy importers (the shape of
 * `import.meta.glob`). In mode "bench" (`npm run bench`) they are the generated ones in bench/generated/; in every
 * other mode there are none. src/ never names bench/: the build supplies them.
 */
export function extraQuestionnaires(): Plugin {
  const id = 'virtual:extra-questionnaires';
  const resolved = `\0${id}`;
  let mode = '';
  return {
    name: 'conformo:extra-questionnaires',
    configResolved: (config) => {
      mode = config.mode;
    },
    resolveId: (source) => (source === id ? resolved : undefined),
    load: (loaded) => {
      if (loaded !== resolved) return undefined;
      return mode === 'bench'
        ? "export default import.meta.glob('/bench/generated/*.json', { import: 'default' });"
        : 'export default {};';
    },
  };
}

/** Production only: the dev server's hot reload needs inline scripts. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'conformo:csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [
    react(),
    extraQuestionnaires(),
    contentSecurityPolicy(),
    headTags(),
    VitePWA({
      // Prompt for update: a new version waits until the user agrees (src/pwa/register.ts, src/ui/pwa/UpdateBanner).
      registerType: 'prompt',
      // Registered by src/pwa/register.ts with workbox-window, loaded after the first paint.
      injectRegister: false,
      includeAssets: ['favicon.svg'],
      // PNG icons were rendered once from public/favicon.svg with headless Chromium (playwright-core) and are
      // committed in public/icons/: nothing is generated or downloaded at build time.
      manifest: {
        id: './',
        name: 'Conformo',
        short_name: 'Conformo',
        description: 'Offline self-assessments for the EU AI Act, with PDF evidence.',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: THEME_COLOUR,
        background_color: '#f3f5f8',
        lang: 'en',
        icons: [
          { src: 'icons/pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // The whole app: entry and lazy chunks (report, questionnaires, validators), CSS, fonts, icons.
        globPatterns: ['**/*.{js,css,html,svg,png,ttf,webmanifest}'],
        maximumFileSizeToCacheInBytes: MAX_PRECACHED_FILE,
        // The first install controls the page at once, so the app works offline after the first visit;
        // an update waits (no skipWaiting) until the user clicks "Update now".
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
      },
      showMaximumFileSizeToCacheInBytesWarning: true,
    }),
  ],
  build: {
    target: 'es2022',
    // Not shipped: a map hands anyone the whole source layout of a deployment, and users never need it.
    sourcemap: false,
  },
  // The import reader (src/backup/read-worker.ts) loads pdf-lib only for PDFs: a module worker can split chunks.
  worker: { format: 'es' },
  json: { stringify: true },
});
