// The browser bridge's file and overlay powers on the real bundle
// (client-wasm/platform/files.* and overlay.*, web/js/files.js and
// overlay.js): files picked in the browser's picker and dropped on the canvas
// reach C++ byte for byte (the C++ test hooks hand them back as downloads);
// server URLs download with the session cookie; an iframe overlay follows its
// canvas rectangle, leaves holes for popups, keeps the app's keyboard focus
// and delivers only its own frame's messages. The page runs at
// devicePixelRatio 2 so CSS and device pixels differ.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { BASE_URL, launch, Wte } = require('./lib/wte');

const STUDENT = { email: 'student1@example.org', password: 'student1-demo' };
const VIEW = { width: 900, height: 640, deviceScaleFactor: 2 };

async function openApp() {
  const session = await launch(VIEW);
  const wte = new Wte(session.page);
  await wte.open('');
  await wte.waitForScreen('signin');
  return { session, wte };
}

// Calls an exported C++ test hook (wte_test_*); string arguments are copied
// into wasm memory; `json`: the hook returns a JSON C string.
async function hook(page, name, args = [], { json = false } = {}) {
  return page.evaluate(
    ([name, args, json]) => {
      const owned = [];
      const converted = args.map((a) => {
        if (typeof a !== 'string') return a;
        const n = Module.lengthBytesUTF8(a) + 1;
        const p = Module._malloc(n);
        Module.stringToUTF8(a, p, n);
        owned.push(p);
        return p;
      });
      try {
        const r = Module['_wte_test_' + name](...converted);
        return json ? JSON.parse(Module.UTF8ToString(r)) : r;
      } finally {
        owned.forEach((p) => Module._free(p));
      }
    },
    [name, args, json]
  );
}

// Takes files through the real C++ take_file_picks/take_file_drops until
// `count` answers of `kind` arrived (each take empties the queues).
async function takeFiles(wte, kind, count) {
  const got = [];
  const deadline = Date.now() + 10000;
  while (got.length < count) {
    if (Date.now() > deadline) throw new Error(`only ${got.length} of ${count} ${kind} answers arrived`);
    const r = await hook(wte.page, 'take_files', [], { json: true });
    got.push(...r[kind]);
    if (got.length < count) await wte.nextFrame();
  }
  return got;
}

// Every download the page starts, with its suggested name and bytes.
function recordDownloads(page) {
  const list = [];
  page.on('download', (d) => {
    list.push(
      d.path().then(async (p) => ({
        name: d.suggestedFilename(),
        bytes: await require('node:fs/promises').readFile(p),
      }))
    );
  });
  return {
    async wait(count) {
      const deadline = Date.now() + 10000;
      while (list.length < count) {
        if (Date.now() > deadline) throw new Error(`${list.length} of ${count} downloads started`);
        await page.waitForTimeout(50);
      }
      return Promise.all(list);
    },
    get started() {
      return list.length;
    },
  };
}

// A few frames, so that anything that was going to happen has happened.
async function frames(wte, n = 4) {
  for (let i = 0; i < n; i++) await wte.nextFrame();
}

// A point of the sign-in screen's background, away from every widget.
const EMPTY = { x: 30, y: 600 };

const NOTES = Buffer.from('Notes: héllo wörld ✓\n', 'utf8');
const EVERY_BYTE = Buffer.from(Array.from({ length: 256 }, (_, i) => 255 - i));

// Playwright runs page.evaluate as a user gesture, which lasts seconds. To
// ask for a picker outside any gesture, the page itself waits until the
// gesture expired, calls pick_files `times` times, lets 10 frames pass and
// reports the request ids on the console (the test must not evaluate
// meanwhile).
async function pickWithoutGesture(page, accept, multiple, times = 1) {
  const reported = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('wte-test picks '), timeout: 20000 });
  await page.evaluate(
    ([accept, multiple, times]) => {
      const call = () => {
        const n = Module.lengthBytesUTF8(accept) + 1;
        const p = Module._malloc(n);
        Module.stringToUTF8(accept, p, n);
        const id = Module._wte_test_pick_files(p, multiple);
        Module._free(p);
        return id;
      };
      const frames = (n, done) => (n === 0 ? done() : requestAnimationFrame(() => frames(n - 1, done)));
      const poll = () => {
        if (navigator.userActivation.isActive) return setTimeout(poll, 100);
        const ids = Array.from({ length: times }, call);
        frames(10, () => console.log('wte-test picks ' + JSON.stringify(ids)));
      };
      setTimeout(poll, 0);
    },
    [accept, multiple, times]
  );
  return JSON.parse((await reported).text().slice('wte-test picks '.length));
}

test('a picker asked for outside a gesture waits for the next click, then delivers the bytes', async (t) => {
  const { session, wte } = await openApp();
  t.after(() => session.close());
  const { page } = session;
  const downloads = recordDownloads(page);
  let choosers = 0;
  page.on('filechooser', () => choosers++);

  const [id] = await pickWithoutGesture(page, '.txt,image/png', 1);
  assert.equal(choosers, 0, 'no picker may open outside a user gesture');

  const chooserShown = page.waitForEvent('filechooser');
  await page.mouse.click(EMPTY.x, EMPTY.y);
  const chooser = await chooserShown;
  assert.equal(chooser.isMultiple(), true);
  assert.equal(await chooser.element().getAttribute('accept'), '.txt,image/png');
  await chooser.setFiles([
    { name: 'notes.txt', mimeType: 'text/plain', buffer: NOTES },
    { name: 'every-byte.png', mimeType: 'image/png', buffer: EVERY_BYTE },
  ]);

  const [pick] = await takeFiles(wte, 'picks', 1);
  assert.equal(pick.id, id);
  assert.equal(pick.cancelled, false);
  assert.deepEqual(pick.files, [
    { name: 'notes.txt', type: 'text/plain', size: NOTES.length, bytes: NOTES.length, too_large: false },
    { name: 'every-byte.png', type: 'image/png', size: 256, bytes: 256, too_large: false },
  ]);
  // The C++ side saved what it received: the same bytes come back.
  const saved = await downloads.wait(2);
  const byName = Object.fromEntries(saved.map((d) => [d.name, d.bytes]));
  assert.deepEqual(byName['echo-notes.txt'], NOTES);
  assert.deepEqual(byName['echo-every-byte.png'], EVERY_BYTE);
  assert.equal(choosers, 1);
  assert.deepEqual(session.errors, []);
});

test('a picker asked for during a gesture opens at once; closing it answers "cancelled"', async (t) => {
  const { session, wte } = await openApp();
  t.after(() => session.close());
  const { page } = session;

  await page.mouse.click(EMPTY.x, EMPTY.y);
  const chooserShown = page.waitForEvent('filechooser', { timeout: 5000 });
  const id = await hook(page, 'pick_files', ['', 0]);
  const chooser = await chooserShown;
  assert.equal(chooser.isMultiple(), false);
  await chooser.setFiles([]);
  const [pick] = await takeFiles(wte, 'picks', 1);
  assert.deepEqual(pick, { id, cancelled: true, files: [] });
});

test('a request still waiting for a gesture is answered "cancelled" when a newer one replaces it', async (t) => {
  const { session, wte } = await openApp();
  t.after(() => session.close());
  const { page } = session;
  // Listening early: Playwright intercepts pickers only once it listens.
  const chooserShown = page.waitForEvent('filechooser', { timeout: 30000 });
  const [first, second] = await pickWithoutGesture(page, '', 0, 2);
  assert.notEqual(second, first);
  const [replaced] = await takeFiles(wte, 'picks', 1);
  assert.deepEqual(replaced, { id: first, cancelled: true, files: [] });
  // The newer one is still waiting: the next click opens its picker.
  await page.mouse.click(EMPTY.x, EMPTY.y);
  await (await chooserShown).setFiles([{ name: 'late.txt', mimeType: 'text/plain', buffer: Buffer.from('late') }]);
  const [pick] = await takeFiles(wte, 'picks', 1);
  assert.equal(pick.id, second);
  assert.deepEqual(pick.files.map((f) => f.name), ['late.txt']);
});

test('a file over the size limit is reported with its size but not read', async (t) => {
  const { session, wte } = await openApp();
  t.after(() => session.close());
  const { page } = session;
  await hook(page, 'set_file_size_limit', [16]);
  await page.mouse.click(EMPTY.x, EMPTY.y);
  const chooserShown = page.waitForEvent('filechooser', { timeout: 5000 });
  await hook(page, 'pick_files', ['', 1]);
  const chooser = await chooserShown;
  await chooser.setFiles([
    { name: 'small.txt', mimeType: 'text/plain', buffer: Buffer.from('sixteen bytes ok') },
    { name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.from('seventeen bytes!!') },
  ]);
  const [pick] = await takeFiles(wte, 'picks', 1);
  assert.deepEqual(
    pick.files.map((f) => [f.name, f.size, f.bytes, f.too_large]),
    [
      ['small.txt', 16, 16, false],
      ['big.txt', 17, 0, true],
    ]
  );
});

// Dispatches a synthetic drag event carrying `files` ([name, type, text]) or
// plain text; returns whether the page took it (preventDefault).
async function drag(page, type, { x, y, files, text, target = 'canvas' }) {
  return page.evaluate(
    ([type, x, y, files, text, target]) => {
      const dt = new DataTransfer();
      for (const [name, mime, body] of files || []) dt.items.add(new File([body], name, { type: mime }));
      if (text) dt.setData('text/plain', text);
      const el = target === 'canvas' ? document.getElementById('canvas') : document.body;
      const e = new DragEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, dataTransfer: dt });
      el.dispatchEvent(e);
      return e.defaultPrevented;
    },
    [type, x, y, files, text, target]
  );
}

test('files dropped on the canvas arrive with the drop position; dragging over is reported', async (t) => {
  const { session, wte } = await openApp();
  t.after(() => session.close());
  const { page } = session;
  const downloads = recordDownloads(page);
  const files = [['drop.txt', 'text/plain', 'dropped ✓ text']];
  const hover = () => hook(page, 'drag_hover', [], { json: true });

  assert.deepEqual(await hover(), { active: false, x: 0, y: 0 });
  assert.equal(await drag(page, 'dragenter', { x: 300, y: 200, files }), true);
  assert.deepEqual(await hover(), { active: true, x: 300, y: 200 });
  assert.equal(await drag(page, 'dragover', { x: 320, y: 240, files }), true);
  assert.deepEqual(await hover(), { active: true, x: 320, y: 240 });
  await drag(page, 'dragleave', { x: 0, y: 0, files });
  assert.equal((await hover()).active, false);

  // Text dragged from elsewhere is not a file drop: the page leaves it alone.
  assert.equal(await drag(page, 'dragover', { x: 100, y: 100, text: 'just text' }), false);
  assert.equal((await hover()).active, false);

  assert.equal(await drag(page, 'dragenter', { x: 410, y: 250, files }), true);
  assert.equal(await drag(page, 'drop', { x: 410, y: 250, files }), true, 'the browser must not open the file');
  assert.equal((await hover()).active, false);
  const [drop] = await takeFiles(wte, 'drops', 1);
  assert.equal(drop.x, 410);
  assert.equal(drop.y, 250);
  const body = Buffer.from('dropped ✓ text');
  assert.deepEqual(drop.files, [
    { name: 'drop.txt', type: 'text/plain', size: body.length, bytes: body.length, too_large: false },
  ]);
  const [saved] = await downloads.wait(1);
  assert.equal(saved.name, 'echo-drop.txt');
  assert.deepEqual(saved.bytes, body);

  // Dropped beside the canvas, a file still does not replace the app.
  const url = page.url();
  assert.equal(await drag(page, 'dragover', { x: 5, y: 5, files, target: 'body' }), true);
  assert.equal(await drag(page, 'drop', { x: 5, y: 5, files, target: 'body' }), true);
  assert.equal(page.url(), url);
  assert.deepEqual(session.errors, []);
});

test('a server URL downloads with its name and the session cookie; other origins are refused', async (t) => {
  const { session, wte } = await openApp();
  t.after(() => session.close());
  const { page } = session;
  const downloads = recordDownloads(page);

  const login = await page.request.post(BASE_URL + '/api/v1/auth/login', { data: STUDENT });
  assert.equal(login.status(), 200);
  assert.equal(await hook(page, 'download_url', ['/api/v1/auth/me', 'me.json']), 1);
  const [me] = await downloads.wait(1);
  assert.equal(me.name, 'me.json');
  assert.equal(JSON.parse(me.bytes.toString('utf8')).user.email, STUDENT.email);

  assert.equal(await hook(page, 'download_url', ['http://example.invalid/api/v1/health', 'x.json']), 0);
  await frames(wte);
  assert.equal(downloads.started, 1);
});

// A data: URL page (opaque origin under the sandbox) that greets its parent.
function framePage(script) {
  return 'data:text/html,' + encodeURIComponent(`<!doctype html><body style="margin:0;background:#fc0">
<input id="field"><script>${script}</script></body>`);
}

async function overlayBox(page, id) {
  return page.evaluate((id) => {
    const el = window.WTEOverlay.element(id);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height, display: getComputedStyle(el).display };
  }, id);
}

const hitAt = (page, x, y) =>
  page.evaluate(([x, y]) => {
    const el = document.elementFromPoint(x, y);
    return el ? el.tagName.toLowerCase() : '';
  }, [x, y]);

test('an iframe overlay follows its canvas rectangle, leaves holes for popups and is removed', async (t) => {
  const { session, wte } = await openApp();
  t.after(() => session.close());
  const { page } = session;
  const id = await hook(page, 'overlay_create', [framePage(''), 'allow-scripts', 'Preview']);
  const place = (rect, holes = []) => hook(page, 'overlay_place', [id, JSON.stringify({ rect, holes })]);

  const attrs = await page.evaluate((id) => {
    const el = window.WTEOverlay.element(id);
    return { sandbox: el.getAttribute('sandbox'), title: el.title, referrer: el.getAttribute('referrerpolicy') };
  }, id);
  assert.deepEqual(attrs, { sandbox: 'allow-scripts', title: 'Preview', referrer: 'no-referrer' });

  // Device pixels at ratio 2: (100, 80, 400, 300) is (50, 40, 200, 150) in CSS.
  await place([100, 80, 400, 300]);
  assert.equal((await overlayBox(page, id)).display, 'none', 'hidden until shown');
  await hook(page, 'overlay_show', [id, 1]);
  assert.deepEqual(await overlayBox(page, id), { x: 50, y: 40, w: 200, h: 150, display: 'block' });

  await place([300, 200, 500, 360]);
  assert.deepEqual(await overlayBox(page, id), { x: 150, y: 100, w: 250, h: 180, display: 'block' });

  // Placed every frame at the same spot, the element is never touched.
  await page.evaluate((id) => {
    window.overlayMutations = 0;
    new MutationObserver((m) => (window.overlayMutations += m.length)).observe(window.WTEOverlay.element(id), {
      attributes: true,
    });
  }, id);
  for (let i = 0; i < 20; i++) await place([300, 200, 500, 360]);
  assert.equal(await page.evaluate(() => window.overlayMutations), 0);

  // Two overlapping popups over it: both holes, and their overlap, show the
  // canvas (and take its clicks); the rest is the iframe.
  await place([300, 200, 500, 360], [[340, 240, 100, 80], [400, 280, 100, 80]]);
  assert.ok((await page.evaluate(() => window.overlayMutations)) > 0);
  assert.equal(await hitAt(page, 180, 130), 'canvas', 'inside the first hole');
  assert.equal(await hitAt(page, 210, 150), 'canvas', 'where the holes overlap');
  assert.equal(await hitAt(page, 240, 170), 'canvas', 'inside the second hole');
  assert.equal(await hitAt(page, 230, 128), 'iframe', 'beside the holes');
  assert.equal(await hitAt(page, 390, 270), 'iframe', 'far corner');
  await wte.screenshot('bridge-01-overlay-holes');

  await place([300, 200, 500, 360]);
  assert.equal(await hitAt(page, 210, 150), 'iframe', 'holes gone with the popups');

  await hook(page, 'overlay_show', [id, 0]);
  assert.equal(await hitAt(page, 210, 150), 'canvas');
  await hook(page, 'overlay_remove', [id]);
  assert.equal(await overlayBox(page, id), null);
  assert.equal(await page.evaluate(() => document.querySelectorAll('iframe').length), 0);
  assert.deepEqual(session.errors, []);
});

test("only an overlay's own frame can send it messages", async (t) => {
  const { session, wte } = await openApp();
  t.after(() => session.close());
  const { page } = session;
  await page.evaluate(() => {
    window.messagesSeen = 0;
    window.addEventListener('message', () => window.messagesSeen++);
  });
  const a = await hook(page, 'overlay_create', [
    framePage("parent.postMessage('hello from A', '*'); parent.postMessage({ n: 1 }, '*');"),
    'allow-scripts',
    'A',
  ]);
  const b = await hook(page, 'overlay_create', [framePage("parent.postMessage('hello from B', '*');"), 'allow-scripts', 'B']);
  // Not overlays: a frame of someone else's, and the page itself.
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.setAttribute('sandbox', 'allow-scripts');
    f.src = src;
    document.body.appendChild(f);
    window.postMessage('from the page', '*');
  }, framePage("parent.postMessage('forged', '*');"));
  await page.waitForFunction(() => window.messagesSeen === 5, null, { timeout: 10000 });
  await frames(wte);

  const got = await hook(page, 'take_overlay_messages', [], { json: true });
  const sorted = got.map((m) => [m.overlay, m.text]).sort();
  assert.deepEqual(sorted, [
    [a, '{"n":1}'],
    [a, 'hello from A'],
    [b, 'hello from B'],
  ].sort());
  assert.deepEqual(await hook(page, 'take_overlay_messages', [], { json: true }), [], 'taken once');
});

test('an overlay that focuses itself does not take the keys, until it is clicked', async (t) => {
  const { session, wte } = await openApp();
  t.after(() => session.close());
  const { page } = session;
  // A screen without a text field: an active one keeps the keyboard itself.
  await wte.signIn(STUDENT.email, STUDENT.password);
  await wte.waitForScreen('modules');
  // The frame focuses its field once the gestures of this test (every
  // page.evaluate counts as one) have expired; the page reports where the
  // focus is just after, on the console (the test must not evaluate meanwhile).
  const id = await hook(page, 'overlay_create', [
    framePage("setTimeout(() => { document.getElementById('field').focus(); parent.postMessage('focused', '*'); }, 7000);"),
    'allow-scripts',
    'Preview',
  ]);
  await hook(page, 'overlay_place', [id, JSON.stringify({ rect: [1360, 200, 420, 600] })]);
  await hook(page, 'overlay_show', [id, 1]);
  const reported = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('wte-test focus '), timeout: 30000 });
  await page.evaluate((id) => {
    window.addEventListener('message', (e) => {
      if (e.data !== 'focused') return;
      const frames = (n, done) => (n === 0 ? done() : requestAnimationFrame(() => frames(n - 1, done)));
      frames(3, () => console.log('wte-test focus ' + (document.activeElement === window.WTEOverlay.element(id) ? 'frame' : 'app')));
    });
  }, id);
  assert.equal((await reported).text(), 'wte-test focus app', 'the app keeps the keyboard');
  assert.equal(await hook(page, 'overlay_focused'), 0);

  // Clicked, the frame gets the focus and keeps it.
  const box = await overlayBox(page, id);
  await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
  await page.waitForFunction((id) => document.activeElement === window.WTEOverlay.element(id), id, { timeout: 5000 });
  await frames(wte);
  assert.equal(await hook(page, 'overlay_focused'), id);
  assert.deepEqual(session.errors, []);
});
