// Cost of the accessibility mirror (web/js/a11y.js) per frame in headless
// Chromium, with a frame of 500 widgets and 300 texts fed to
// WTEA11y.update as the client publishes it (ui/probe_delta.hpp): the first
// frame whole (every node made), then only what changed: an unchanged frame,
// a frame where 10 widgets change state, and a scrolled frame (every record
// shifted: the layer moves). For comparison, whole frames as every frame was
// sent before (unchanged, and 10 labels changed: records renamed still come
// whole). Prints the median and the 95th percentile of each, with the JSON
// parse of the frame included as the bridge does it. The goal is at most
// 1 ms for a frame with few changes.
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
      // The records of one frame (keys as ui/probe.cpp writes them); `toggled`
      // widgets differ in state (checked, value), `renamed` in label.
      function records(scroll, toggled, renamed) {
        const widgets = [], texts = [];
        let n = 0;
        for (let i = 0; i < 500; i++) {
          const kind = kinds[i % kinds.length];
          const y = 80 + i * 24 - scroll;
          const label = `${kind} ${i}` + (i < renamed ? ' (changed)' : '');
          const on = i < toggled ? i % 2 !== 0 : i % 2 === 0;
          widgets.push({
            label, kind, x: 40 + (i % 3) * 300, y, w: 260, h: 20,
            visible: [40 + (i % 3) * 300, y, 260, 20], enabled: i % 11 !== 0, checked: on, focused: false,
            id: 1000 + i, n: n++, value: kind === 'input' ? `value ${i}` + (i < toggled ? '!' : '') : kind === 'progress' ? i : undefined,
            max: 500, key: 'w\u0001' + kind + '\u0001' + label,
          });
          if (i % 5 < 3) {
            const t = `Text number ${i}, a sentence a screen reader reads.`;
            texts.push({ text: t, x: 40, y: y + 2, w: 400, h: 18, visible: [40, y + 2, 400, 18], n: n++,
              heading: i % 50 === 0 ? 2 : undefined, key: 't\u0001' + t });
          }
        }
        return { widgets, texts, regions: [{ role: 'main', label: '', from: 0, to: n }] };
      }
      // The whole frame, as the client sends the first one (or one with records added or removed).
      const full = (r) => JSON.stringify({ full: true, screen: 'bench', route: '#/bench', ...r, announce: [] });
      // Only what changed, as ui/probe.cpp's end_frame_changes sends it.
      const delta = (change, shift) =>
        JSON.stringify({ delta: true, screen: 'bench', route: '#/bench', announce: [], change, ...(shift ? { shift } : {}) });
      const median = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
      const p95 = (v) => v.sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * 0.95))];
      function run(json) {
        const t0 = performance.now();
        window.WTEA11y.update(JSON.parse(json));
        return { ms: performance.now() - t0, mutations: window.WTEA11y.stats.lastMutations };
      }
      const out = {};
      const base = records(0, 0, 0);
      const toggled = records(0, 10, 0).widgets.slice(0, 10);
      const untoggled = base.widgets.slice(0, 10);
      const first = run(full(base));
      out.first = { ms: first.ms, mutations: first.mutations };
      const cases = {
        // What every frame cost before deltas: the whole frame parsed and reconciled.
        whole_unchanged: () => full(base),
        whole_ten_relabelled: (i) => full(records(0, 0, i % 2 ? 10 : 0)),
        unchanged: () => delta([]),
        ten_changed: (i) => delta(i % 2 ? toggled : untoggled),
        scrolled: (i) => delta([], i % 2 ? 7 : -7),
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
        if (name.startsWith('whole')) run(full(base));
      }
      out.nodes = document.querySelectorAll('#wte-a11y-layer *').length;
      // The test bridge still sees the whole frame, moved by the scrolls.
      out.records = window.wteTest.widgets.length + window.wteTest.texts.length;
      if (profile) {
        const j = full(base);
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
    console.log(`test bridge: ${result.records} records`);
    for (const name of ['whole_unchanged', 'whole_ten_relabelled', 'unchanged', 'ten_changed', 'scrolled']) {
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
