// Frame time of the longest demo page in headless Chromium: signs in as the
// demo student, opens the page with the most content, scrolls through it
// with the mouse wheel and back, and prints the median and 95th percentile of
// requestAnimationFrame intervals and of the renderer's own CPU time per
// frame (window.wteTest.contentDrawMs). Needs WTE_BASE_URL of a running
// server with demo data. Run: node tests/bench/frame_time.js
'use strict';

const path = require('node:path');
const { BASE_URL, launch, Wte } = require(path.join(__dirname, '../e2e/lib/wte'));

function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const at = (q) => v[Math.min(v.length - 1, Math.floor(q * v.length))];
  return { n: v.length, median: at(0.5), p95: at(0.95), max: v[v.length - 1] };
}
const fmt = (s) => `median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, max ${s.max.toFixed(2)} ms (${s.n} frames)`;

(async () => {
  const session = await launch({ width: 1280, height: 900 });
  const { page } = session;
  const wte = new Wte(page);
  try {
    await wte.open('');
    await wte.signIn('student1@example.org', 'student1-demo');
    await wte.waitForScreen('modules');

    // The longest page the student can read.
    const get = async (p) => (await page.request.get(BASE_URL + '/api/v1' + p)).json();
    let longest = null;
    const visit = async (id) => {
      const v = await get(`/parts/${id}`);
      if (v.type === 'page' && (!longest || v.content.length > longest.content.length)) longest = v;
      for (const c of v.children || []) await visit(c.id);
    };
    for (const m of (await get('/modules/mine')).items) await visit(m.id);
    console.log(`page: "${longest.title}" (${longest.content.length} characters)`);

    await wte.open(`#/parts/${longest.id}`);
    await wte.waitForScreen('page');
    await page.waitForTimeout(500);
    const layoutMs = await page.evaluate(() => window.wteTest.contentLayoutMs);

    await page.evaluate(() => {
      window.__bench = { intervals: [], draw: [], last: 0, on: true };
      const tick = (t) => {
        const b = window.__bench;
        if (b.last) b.intervals.push(t - b.last);
        b.last = t;
        if (window.wteTest.contentDrawMs !== undefined) b.draw.push(window.wteTest.contentDrawMs);
        if (b.on) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.mouse.move(640, 500);
    for (const dir of [1, -1]) {
      for (let i = 0; i < 60; i++) {
        await page.mouse.wheel(0, dir * 120);
        await page.waitForTimeout(16);
      }
    }
    const r = await page.evaluate(() => {
      window.__bench.on = false;
      return window.__bench;
    });
    console.log(`layout of the whole page: ${layoutMs.toFixed(2)} ms (once per width/state change)`);
    console.log(`rAF interval while scrolling: ${fmt(stats(r.intervals))}`);
    console.log(`renderer CPU per frame (draw_content): ${fmt(stats(r.draw))}`);
  } finally {
    await session.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
