/**
 * Chromium (Debian's, never downloaded) driven by playwright-core, the static servers, and the measuring code that
 * runs inside the page. Timings are taken in the page: event.timeStamp, performance.now() and requestAnimationFrame.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';

export { CHROMIUM_ARGS, launchChromium } from '../scripts/chromium';

/** Serves a built directory with vite preview on a free 127.0.0.1 port. */
export async function serve(root: string, outDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    root,
    configFile: false,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error(`vite preview of ${outDir} did not report its address`);
  return { url, close: () => server.close() };
}

/**
 * A context as a returning user has it: the service worker is blocked, so that its first-visit precaching (every
 * chunk, the fonts, the questionnaires) does not run in the background of the measurements.
 */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'en-GB',
    serviceWorkers: 'block',
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript({ content: IN_PAGE });
  return context;
}

export async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
  return page;
}

/** Calls a function of the in-page library with JSON arguments (no function is serialised from Node). */
export function call<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(`window.__bench.${name}(...${JSON.stringify(args)})`) as Promise<T>;
}

export interface Cond {
  /** CSS selector; the condition holds when an element matches (and contains `text`, when given). */
  selector: string;
  text?: string;
  /** The element must also be within the viewport (on screen, not only in the document). */
  inView?: boolean;
}

export interface ClickSample {
  /** Event timestamp -> the first animation frame where the clicked input shows checked. */
  checked: number;
  /** Event timestamp -> the first animation frame where the watched counter has changed too. */
  updated: number;
}

/**
 * The library every page gets before its own scripts run (context.addInitScript). Plain JavaScript in a string:
 * tsx would wrap functions passed to page.evaluate with helpers that do not exist in the page.
 */
export const IN_PAGE = `
(() => {
  const B = (window.__bench = {});
  const inView = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
  };
  const holds = (c) => {
    for (const el of document.querySelectorAll(c.selector)) {
      if ((c.text === undefined || (el.textContent || '').includes(c.text)) && (!c.inView || inView(el))) return true;
    }
    return false;
  };
  const textOf = (selector) => {
    const el = document.querySelector(selector);
    return el ? el.textContent : null;
  };
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  B.sleep = sleep;

  // The timestamp of the last keydown, for "last keystroke -> durable".
  window.addEventListener('keydown', (e) => (B.lastDown = e.timeStamp), true);

  // From the start of the document: the first animation frame at which each named condition holds.
  B.seen = {};
  B.watch = (conditions) => {
    const pending = Object.entries(conditions);
    const loop = () => {
      const now = performance.now();
      for (let i = pending.length - 1; i >= 0; i -= 1) {
        const [name, c] = pending[i];
        if (holds(c)) {
          B.seen[name] = now;
          pending.splice(i, 1);
        }
      }
      if (pending.length > 0) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  B.seenAt = async (name, ms) => {
    const started = performance.now();
    while (!(name in B.seen)) {
      if (performance.now() - started > ms) throw new Error('never saw ' + name);
      await sleep(20);
    }
    return B.seen;
  };
  // A page-level init script may set the plan before or after this one runs.
  if (window.__benchPlan) B.watch(window.__benchPlan);

  // The next event of a type, seen first (capture phase on window).
  const nextEvent = (type) =>
    new Promise((resolve) => window.addEventListener(type, (e) => resolve(e), { capture: true, once: true }));
  B.result = () => B.pending;

  // After a clear: waits (frame by frame) until the counter reads "baseline", the input is unchecked and, when given,
  // the status element is there, all of it for "hold" ms in a row. Reports whether the counter left the baseline
  // again after reaching it (the screen showing the cleared answer again). The page's Content-Security-Policy forbids
  // eval, so Playwright's waitForFunction with a string cannot be used.
  B.settled = async (counterSelector, baseline, inputSelector, statusSelector, hold = 300, ms = 30000) => {
    const started = performance.now();
    let reached = false;
    let flicker = false;
    let since;
    for (;;) {
      const now = await frame();
      const input = inputSelector ? document.querySelector(inputSelector) : null;
      const text = textOf(counterSelector);
      if (text === baseline) reached = true;
      else if (reached) flicker = true;
      const ok =
        text === baseline && !(input && input.checked) && (!statusSelector || document.querySelector(statusSelector));
      if (!ok) since = undefined;
      else if (since === undefined) since = now;
      else if (now - since >= hold) return { flicker };
      if (now - started > ms) {
        throw new Error(
          'never settled: ' + counterSelector + ' reads ' + text + ', not ' + baseline +
            (input && input.checked ? '; ' + inputSelector + ' still checked' : ''),
        );
      }
    }
  };

  // Waits until the counter no longer reads "before": the screen shows the answer.
  B.changed = async (counterSelector, before, ms = 30000) => {
    const started = performance.now();
    while (textOf(counterSelector) === before) {
      if (performance.now() - started > ms) throw new Error('never changed: ' + counterSelector);
      await frame();
    }
    return true;
  };

  // Records, frame by frame, which of the given inputs is checked (its index, -1 for none), whenever it changes.
  B.recordChoice = (selectors) => {
    const token = {};
    const seq = [];
    B.choice = { token, seq };
    const loop = () => {
      if (B.choice.token !== token) return;
      const i = selectors.findIndex((s) => document.querySelector(s)?.checked);
      if (seq[seq.length - 1] !== i) seq.push(i);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    return true;
  };
  // Waits until the recorded choice has been "index" for "hold" ms, with the idle element present when given; stops.
  B.choiceSettled = async (index, idleSelector, hold = 600, ms = 30000) => {
    const started = performance.now();
    let since;
    for (;;) {
      const now = await frame();
      const seq = B.choice.seq;
      const ok = seq[seq.length - 1] === index && (!idleSelector || document.querySelector(idleSelector));
      if (!ok) since = undefined;
      else if (since === undefined) since = now;
      else if (now - since >= hold) break;
      if (now - started > ms) throw new Error('the choice never settled at ' + index + ': ' + seq.join(' '));
    }
    B.choice.token = null;
    return B.choice.seq;
  };

  // Next click -> the first animation frame at which a condition holds.
  B.armUntil = (c, ms = 60000) => {
    B.pending = nextEvent('click').then(async (event) => {
      const t0 = event.timeStamp;
      for (;;) {
        const now = await frame();
        if (holds(c)) return now - t0;
        if (now - t0 > ms) throw new Error('timeout waiting for ' + c.selector);
      }
    });
    return true;
  };

  // Next click on an option -> (a) the input shows checked, (b) the counter of answered questions no longer reads
  // "before".
  B.armClick = (inputSelector, counterSelector, before, ms = 20000) => {
    B.pending = nextEvent('click').then(async (event) => {
      const t0 = event.timeStamp;
      let checked;
      for (;;) {
        const now = await frame();
        const input = document.querySelector(inputSelector);
        if (checked === undefined && input && input.checked) checked = now - t0;
        if (checked !== undefined && textOf(counterSelector) !== before) return { checked, updated: now - t0 };
        if (now - t0 > ms) throw new Error('timeout: ' + inputSelector + ' / ' + counterSelector);
      }
    });
    return true;
  };

  // Typing: for every keystroke, keydown timestamp -> the first animation frame after its input event at which the
  // field shows the text typed so far.
  B.armTyping = (fieldSelector) => {
    const samples = [];
    const downs = [];
    const onDown = (e) => {
      if (e.key.length === 1) downs.push(e.timeStamp);
    };
    const onInput = (e) => {
      if (!e.target.matches || !e.target.matches(fieldSelector)) return;
      const t0 = downs.shift();
      if (t0 === undefined) return;
      const expected = e.target.value;
      samples.push(
        (async () => {
          for (;;) {
            const now = await frame();
            const field = document.querySelector(fieldSelector);
            if ((field && field.value.startsWith(expected)) || now - t0 > 20000) return now - t0;
          }
        })(),
      );
    };
    window.addEventListener('keydown', onDown, true);
    window.addEventListener('input', onInput, true);
    B.stopTyping = () => {
      window.removeEventListener('keydown', onDown, true);
      window.removeEventListener('input', onInput, true);
      return Promise.all(samples);
    };
    return true;
  };

  // IndexedDB, read from the page with a connection of its own (Dexie's is the app's).
  const openDb = (name) =>
    new Promise((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const request = (r) =>
    new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const pollUntilStored = async (db, key, expected, t0, ms) => {
    for (;;) {
      const record = await request(db.transaction('answers', 'readonly').objectStore('answers').get(key));
      const now = performance.now();
      if (record && same(record.value, expected)) return now - t0;
      if (now - t0 > ms) throw new Error('never stored: ' + JSON.stringify(key));
      await sleep(2);
    }
  };

  // Next click -> the answer is in IndexedDB ('conformo', table 'answers', key [assessmentId, questionId]).
  B.armDurableClick = async (key, expected, ms = 20000) => {
    const db = await openDb('conformo');
    B.pending = nextEvent('click').then((event) =>
      pollUntilStored(db, key, expected, event.timeStamp, ms).finally(() => db.close()),
    );
    return true;
  };
  // The last keystroke -> the typed text is in IndexedDB.
  B.durableSinceLastKey = async (key, expected, ms = 20000) => {
    const db = await openDb('conformo');
    const t0 = B.lastDown;
    try {
      return await pollUntilStored(db, key, expected, t0, ms);
    } finally {
      db.close();
    }
  };

  // One stored answer, or null.
  B.readAnswer = async (key) => {
    const db = await openDb('conformo');
    try {
      return (await request(db.transaction('answers', 'readonly').objectStore('answers').get(key))) || null;
    } finally {
      db.close();
    }
  };

  // Writes answer records (the shape of src/storage/db.ts AnswerRecord) straight into the app's database,
  // after deleting the answers the assessment had. The app sees them after a reload.
  B.seed = async (assessmentId, records) => {
    const db = await openDb('conformo');
    try {
      const tx = db.transaction('answers', 'readwrite');
      const store = tx.objectStore('answers');
      const keys = await request(store.index('assessmentId').getAllKeys(assessmentId));
      for (const key of keys) store.delete(key);
      for (const record of records) store.put(record);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      return records.length;
    } finally {
      db.close();
    }
  };

  // Next click (the export button) -> the click on the download link the app creates.
  B.armDownload = () => {
    B.downloadAt = undefined;
    const onClick = (e) => {
      if (e.target instanceof HTMLAnchorElement && e.target.hasAttribute('download')) {
        B.downloadAt = performance.now();
        document.removeEventListener('click', onClick, true);
      }
    };
    document.addEventListener('click', onClick, true);
    B.pending = nextEvent('click').then((event) => event.timeStamp);
    return true;
  };
  B.downloadTime = async () => {
    const t0 = await B.pending;
    return B.downloadAt === undefined ? null : B.downloadAt - t0;
  };
})();
`;

/**
 * A new page that records, from its first frame, when each condition first holds; returns those moments
 * (milliseconds since navigation start) once every condition named in `waitFor` has been seen.
 */
export async function openAndWatch(
  context: BrowserContext,
  url: string,
  plan: Record<string, Cond>,
  waitFor: string | string[],
): Promise<{ page: Page; seen: Record<string, number> }> {
  const page = await newPage(context);
  await page.addInitScript({
    content: `window.__benchPlan = ${JSON.stringify(plan)}; if (window.__bench) window.__bench.watch(window.__benchPlan);`,
  });
  await page.goto(url);
  let seen: Record<string, number> = {};
  for (const name of Array.isArray(waitFor) ? waitFor : [waitFor]) {
    seen = await call<Record<string, number>>(page, 'seenAt', name, 180_000);
  }
  return { page, seen };
}

export interface Heap {
  /** V8's used heap of the page's renderer (CDP Performance.getMetrics JSHeapUsedSize), bytes. */
  used: number;
  /** The heap V8 has reserved (JSHeapTotalSize), bytes. */
  total: number;
}

/**
 * The page's JavaScript heap after forced garbage collections (CDP HeapProfiler.collectGarbage). The renderer's heap
 * is shared by the pages of a site in one process: measure with a single page open in the context.
 */
export async function heapAfterGc(page: Page): Promise<Heap> {
  const cdp = await page.context().newCDPSession(page);
  try {
    // Twice: objects freed by the first collection's finalisers go in the second.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => {
      const value = metrics.find((m) => m.name === name)?.value;
      if (value === undefined) throw new Error(`Chromium reported no ${name}`);
      return value;
    };
    return { used: metric('JSHeapUsedSize'), total: metric('JSHeapTotalSize') };
  } finally {
    await cdp.detach();
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
