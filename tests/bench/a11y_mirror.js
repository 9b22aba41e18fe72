// Cost of the accessibility mirror (web/js/a11y.js) per frame in headless
// Chromium, with a frame of 500 widgets and 300 texts fed to
// WTEA11y.update as the client would publish it: the first frame (every node
// made), an unchanged frame (no DOM write), a frame where 10 widgets change,
// and a scrolled frame (every node moves). Prints the median and the 95th
// percentile of each, with the JSON parse of the frame included as the
// bridge does it. The goal is at most 1 ms for a frame with few changes.
// PROFILE=1 also prints the parse and the description alone.
// Needs WTE_BASE_URL of a running server. Run: node tests/bench/a11y_mirror.js
'use strict';

const path = require('node:path');
const { launch, Wte } = require(path.join(__dirname, '../e2e/lib/wte'));

(async () => {
  const session = await launch({ width: 1280, height: 900 });
  const { page } = session;
  const wte = new Wte(page);
  try {
    await wte.open('#/signin');
    await wte.waitForScreen('signin');
    const result = await page.evaluate((profile) => {
      const kinds = ['button', 'link', 'checkbox', 'input', 'tab', 'radio', 'progress'];
      function frame(scroll, changed) {
        const widgets = [], texts = [];
        let n = 0;
        for (let i = 0; i < 500; i++) {
          const kind = kinds[i % kinds.length];
          const y = 80 + i * 24 - scroll;
          widgets.push({
            label: `${kind} ${i}` + (i < changed ? ' (changed)' : ''), kind, x: 40 + (i % 3) * 300, y, w: 260, h: 20,
            visible: [40 + (i % 3) * 300, y, 260, 20], enabled: i % 11 !== 0, checked: i % 2 === 0, focused: false,
            id: 1000 + i, n: n++, value: kind === 'input' ? `value ${i}` : kind === 'progress' ? i : undefined, max: 500,
          });
          if (i % 5 < 3) {
            const t = `Text number ${i}, a sentence a screen reader reads.`;
            texts.push({ text: t, x: 40, y: y + 2, w: 400, h: 18, visible: [40, y + 2, 400, 18], n: n++, heading: i % 50 === 0 ? 2 : undefined });
          }
        }
        return JSON.stringify({ screen: 'bench', route: '#/bench', widgets, texts,
          regions: [{ role: 'main', label: '', from: 0, to: n }], announce: [] });
      }
      const median = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
      const p95 = (v) => v.sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * 0.95))];
      function run(json) {
        const t0 = performance.now();
        window.WTEA11y.update(JSON.parse(json));
        return { ms: performance.now() - t0, mutations: window.WTEA11y.stats.lastMutations };
      }
      const out = {};
      const base = frame(0, 0);
      const first = run(base);
      out.first = { ms: first.ms, mutations: first.mutations };
      const cases = {
        unchanged: () => base,
        ten_changed: (i) => frame(0, i % 2 ? 10 : 0),
        scrolled: (i) => frame((i % 2) * 7, 0),
      };
      for (const [name, make] of Object.entries(cases)) {
        const jsons = Array.from({ length: 40 }, (_, i) => make(i));
        const ms = [], mutations = [];
        for (const j of jsons) {
          const r = run(j);
          ms.push(r.ms);
          mutations.push(r.mutations);
        }
        out[name] = { median: median(ms), p95: p95(ms), mutations: median(mutations) };
      }
      out.nodes = document.querySelectorAll('#wte-a11y-layer *').length;
      if (profile) {
        const j = frame(0, 0);
        let t0 = performance.now();
        for (let i = 0; i < 20; i++) JSON.parse(j);
        out.parse = (performance.now() - t0) / 20;
        const p = JSON.parse(j);
        t0 = performance.now();
        for (let i = 0; i < 20; i++) window.WTEA11y.describe(p);
        out.describe = (performance.now() - t0) / 20;
      }
      return out;
    }, !!process.env.PROFILE);
    if (result.parse !== undefined) console.log(`parse ${result.parse.toFixed(2)} ms, describe ${result.describe.toFixed(2)} ms`);
    const f = (x) => x.toFixed(2);
    console.log(`mirror: ${result.nodes} DOM nodes for 500 widgets and 300 texts`);
    console.log(`first frame (all made): ${f(result.first.ms)} ms, ${result.first.mutations} DOM writes`);
    for (const name of ['unchanged', 'ten_changed', 'scrolled']) {
      const r = result[name];
      console.log(`${name.replace('_', ' ')}: median ${f(r.median)} ms, p95 ${f(r.p95)} ms, ${r.mutations} DOM writes`);
    }
  } finally {
    await session.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
