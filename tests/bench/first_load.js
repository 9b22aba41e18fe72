// First load of the app in headless Chromium, each run in a fresh browser
// profile (nothing cached): the bytes that came over the wire per file
// (compressed, as sent), their sum, and the time from navigation start to the
// first frame that published widgets (median of 5). Also the reST parse in
// wasm (WTE.benchParse) on the longest demo page and on the 2 MB page of
// rst-parse-bench, beside the native parse of that page in the same run.
// Needs WTE_BASE_URL of a running server. Run: node tests/bench/first_load.js
'use strict';

const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { BASE_URL, launch, Wte } = require(path.join(__dirname, '../e2e/lib/wte'));

const RUNS = 5;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const kb = (n) => (n / 1024).toFixed(1) + ' KB';

// One fresh load: bytes per file and ms to the first frame with widgets.
async function firstLoad() {
  const session = await launch({ width: 1280, height: 800 });
  const { page } = session;
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map();
    const bytes = new Map();
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e) => {
      const url = urls.get(e.requestId);
      if (url) bytes.set(url.replace(BASE_URL, '').replace(/\?.*$/, ''), e.encodedDataLength);
    });
    // Every frame's widget count, stamped with performance.now() (ms since
    // navigation start), from the first script that runs.
    await page.addInitScript(() => {
      const tick = () => {
        const t = window.wteTest;
        if (t && t.widgets && t.widgets.length > 0) window.__firstFrameMs = performance.now();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(BASE_URL + '/');
    await page.waitForFunction(() => window.__firstFrameMs !== undefined, null, { timeout: 60000 });
    const ms = await page.evaluate(() => window.__firstFrameMs);
    // When the last eager download (wasm, fonts) was in: the rest is compile,
    // start-up (font atlas) and the first frames.
    const downloadedMs = await page.evaluate(() =>
      Math.max(...performance.getEntriesByType('resource')
        .filter((e) => /\.(wasm|ttf)$/.test(e.name) && !/BoldItalic/.test(e.name))
        .map((e) => e.responseEnd)));
    // Lazily loaded files (the bold italic face) count too.
    await page.waitForLoadState('networkidle');
    return { ms, downloadedMs, bytes };
  } finally {
    await session.close();
  }
}

async function parseBench() {
  const session = await launch({ width: 1280, height: 800 });
  const { page } = session;
  const wte = new Wte(page);
  try {
    await wte.open('');
    const has = await page.evaluate(() => typeof window.WTE.benchParse === 'function');
    if (!has) return null;
    await wte.signIn('student1@example.org', 'student1-demo');
    await wte.waitForScreen('modules');
    const get = async (p) => (await page.request.get(BASE_URL + '/api/v1' + p)).json();
    let longest = null;
    const visit = async (id) => {
      const v = await get(`/parts/${id}`);
      if (v.type === 'page' && (!longest || v.content.length > longest.content.length)) longest = v;
      for (const c of v.children || []) await visit(c.id);
    };
    for (const m of (await get('/modules/mine')).items) await visit(m.id);
    const times = await page.evaluate((text) => {
      const out = [];
      for (let i = 0; i < 9; i++) out.push(window.WTE.benchParse(text, 50));
      return out;
    }, longest.content);
    // The native bench's 2 MB page, parsed one at a time (median of 5).
    const bench = path.join(__dirname, '../../build/native/tests/bench/rst-parse-bench');
    const big = execFileSync(bench, ['--page', '2'], { maxBuffer: 16 << 20 }).toString();
    const bigTimes = await page.evaluate((text) => {
      const out = [];
      for (let i = 0; i < 5; i++) out.push(window.WTE.benchParse(text, 1));
      return out;
    }, big);
    const native = /parse: ([0-9.]+) ms per parse/.exec(execFileSync(bench, ['5', '2']).toString());
    return {
      title: longest.title,
      chars: longest.content.length,
      ms: median(times),
      bigBytes: Buffer.byteLength(big),
      bigMs: median(bigTimes),
      nativeMs: native ? Number(native[1]) : NaN,
    };
  } finally {
    await session.close();
  }
}

(async () => {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await firstLoad());

  const files = runs[0].bytes;
  const width = Math.max(...[...files.keys()].map((f) => f.length));
  let total = 0;
  for (const [file, n] of [...files].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${file.padEnd(width)} ${kb(n).padStart(10)}`);
    total += n;
  }
  console.log(`transferred on first load: ${kb(total)} (${total} bytes, ${files.size} files)`);
  const wasm = [...files].find(([f]) => f.endsWith('.wasm'));
  if (wasm) {
    const r = await fetch(BASE_URL + wasm[0]);
    const size = (await r.arrayBuffer()).byteLength;
    console.log(`wte.wasm: ${kb(size)} uncompressed, ${kb(wasm[1])} on the wire`);
  }
  const ms = runs.map((r) => r.ms);
  console.log(`first frame with widgets: median ${median(ms).toFixed(0)} ms ` +
    `(runs: ${ms.map((m) => m.toFixed(0)).join(', ')}); ` +
    `downloads done at median ${median(runs.map((r) => r.downloadedMs)).toFixed(0)} ms`);

  const parse = await parseBench();
  if (parse) {
    console.log(`reST parse in wasm, "${parse.title}" (${parse.chars} characters): median ${parse.ms.toFixed(2)} ms`);
    console.log(`reST parse in wasm, rst-parse-bench's page (${(parse.bigBytes / 1e6).toFixed(2)} MB): ` +
      `median ${parse.bigMs.toFixed(1)} ms; native in the same run ${parse.nativeMs.toFixed(1)} ms ` +
      `(wasm/native ${(parse.bigMs / parse.nativeMs).toFixed(2)})`);
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
