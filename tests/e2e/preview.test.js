// The live preview pane in the app, as a learner uses it: the learner's page
// runs in a sandboxed, opaque-origin frame out of the app's process and cannot
// reach the learner's session, cookies or the app's page; an endless loop
// leaves the app responsive, is paused by the watchdog and stays paused after
// a reload; a save reloads the preview where it was scrolled. The learner's
// files are written through the API as student1 (PUT with If-Match), the
// console is read through the UI test bridge (window.wteTest).
// Needs WTE_BASE_URL (ci/e2e.sh exports it).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { BASE_URL, launch, request, Wte } = require('./lib/wte');
const { listenToAnnouncements, told } = require('./lib/a11y');

const PAUSED = 'Your code did not finish — auto-run paused.';

// student1's API session, the exercise part and its page.
async function student1() {
  const login = await request('POST', '/api/v1/auth/login', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'student1@example.org', password: 'student1-demo' }),
  });
  assert.equal(login.status, 200, login.body);
  const cookie = login.headers['set-cookie'][0].split(';')[0];
  const csrf = JSON.parse(login.body).csrf_token;
  const get = async (path) => {
    const r = await request('GET', '/api/v1' + path, { headers: { Cookie: cookie } });
    assert.equal(r.status, 200, `${path}: ${r.body}`);
    return JSON.parse(r.body);
  };
  const module = await get('/parts/1');
  const part = module.children.find((c) => c.title === 'Your Own Home Page').id;
  const page = (await get(`/parts/${part}`)).children[0].id;
  const workspace = await get(`/parts/${part}/workspace`);
  // Writes the learner's files (If-Match with the current etag, or * for a new one).
  async function put(files) {
    const current = await get(`/parts/${part}/workspace`);
    for (const [name, text] of Object.entries(files)) {
      const known = current.files.find((f) => f.filename === name);
      const r = await request('PUT', `/api/v1/parts/${part}/files/${name}`, {
        headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'If-Match': known ? `"${known.etag}"` : '*' },
        body: text,
      });
      assert.equal(r.status, 200, `PUT ${name}: ${r.body}`);
    }
  }
  async function read(name) {
    const r = await request('GET', `/api/v1/parts/${part}/files/${name}`, { headers: { Cookie: cookie } });
    assert.equal(r.status, 200, r.body);
    return r.body;
  }
  return { part, page, workspace, put, read };
}

// The app signed in as student1 on the exercise page (the workspace screen).
async function openExercise(t, page) {
  const session = await launch();
  t.after(() => session.close());
  const wte = new Wte(session.page);
  await wte.open(`#/parts/${page}`);
  await wte.signIn('student1@example.org', 'student1-demo');
  await wte.waitForScreen('workspace');
  return { wte, page: session.page, context: session.context };
}

async function consoleText(wte) {
  const widgets = await wte.page.evaluate(() => window.wteTest.widgets);
  const c = widgets.find((w) => w.kind === 'console');
  return c ? c.value || '' : null;
}

async function waitForConsole(wte, predicate, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = await consoleText(wte);
    if (text !== null && predicate(text)) return text;
    if (Date.now() > deadline) throw new Error(`console never showed ${what}; it shows:\n${text}`);
    await wte.page.waitForTimeout(100);
  }
}

function previewFrames(page) {
  return page.frames().filter((f) => f.url().includes('/api/v1/preview/'));
}

test('learner JavaScript in the preview reaches neither the session, the cookies nor the app page', async (t) => {
  const s = await student1();
  await s.put({
    'index.html': '<!DOCTYPE html><html><head><title>Probe</title></head><body><h1>Probe</h1><script src="script.js"></script></body></html>\n',
    'script.js': `
fetch('/api/v1/auth/me').then(
  (r) => r.text().then((b) => console.log('me answered ' + r.status + ' ' + b.slice(0, 120))),
  (e) => console.log('me failed ' + e.name));
try { console.log('cookie [' + document.cookie + ']'); } catch (e) { console.log('cookie blocked ' + e.name); }
try { console.log('parent ' + parent.document.title); } catch (e) { console.log('parent blocked ' + e.name); }
try { console.log('app storage ' + parent.localStorage.length); } catch (e) { console.log('app storage blocked ' + e.name); }
console.log('origin ' + self.origin);
`,
  });
  const { wte, page, context } = await openExercise(t, s.page);
  const text = await waitForConsole(wte, (c) => /me (answered|failed)/.test(c) && c.includes('origin '), 'the probe lines');
  await wte.screenshot('60-preview-isolation');

  const appCookies = await context.cookies(BASE_URL);
  assert.ok(appCookies.length > 0, 'the app has a session cookie');
  for (const c of appCookies) assert.ok(!text.includes(c.value), `cookie ${c.name} leaked into the preview:\n${text}`);
  assert.ok(!text.includes('student1@example.org'), `the session answered the preview:\n${text}`);
  assert.match(text, /me (failed|answered 40[13])/);
  assert.match(text, /cookie (blocked|\[\])/);
  assert.match(text, /parent blocked SecurityError/);
  assert.match(text, /app storage blocked SecurityError/);
  assert.match(text, /origin null/);
  // Lines show where they came from.
  assert.match(text, /^script\.js:\d+ origin null$/m);

  // The frame is sandboxed without allow-same-origin, and titled.
  const attrs = await page.evaluate(() => {
    const f = [...document.querySelectorAll('iframe')].find((e) => e.src.includes('/api/v1/preview/'));
    return f && { sandbox: f.getAttribute('sandbox'), title: f.title, referrer: f.getAttribute('referrerpolicy') };
  });
  assert.deepEqual(attrs, {
    sandbox: 'allow-scripts allow-forms allow-modals allow-popups',
    title: 'Preview of your page',
    referrer: 'no-referrer',
  });
});

test('an endless loop leaves the app responsive, is paused, and stays paused after a reload', async (t) => {
  const s = await student1();
  await s.put({
    'index.html': '<!DOCTYPE html><html><head><title>Loop</title></head><body><p>Loop</p><script src="script.js"></script></body></html>\n',
    'script.js': "console.log('about to loop');\nsetTimeout(() => { while (true) {} }, 300);\n",
  });
  const { wte, page } = await openExercise(t, s.page);
  await listenToAnnouncements(page);
  await waitForConsole(wte, (c) => c.includes('about to loop'), '"about to loop"');

  // The frame runs in another renderer process: Chromium lists it as a
  // target of its own (an out-of-process iframe).
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const oop = targetInfos.filter((ti) => ti.type === 'iframe' && ti.url.includes('/api/v1/preview/'));
  assert.equal(oop.length, 1, 'the preview is an out-of-process frame: ' + JSON.stringify(targetInfos.map((ti) => [ti.type, ti.url])));

  // While the learner's page spins, the app keeps drawing (a loop in the
  // app's own process would stop the counter dead) and takes typing.
  await page.waitForTimeout(500);
  const f0 = await page.evaluate(() => window.wteTest.frame);
  await page.waitForTimeout(1000);
  const f1 = await page.evaluate(() => window.wteTest.frame);
  assert.ok(f1 - f0 >= 3, `the app drew ${f1 - f0} frames in 1 s while the preview looped`);
  await wte.click('script.js', 'tab');
  await wte.click('script.js', 'input');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('// typed during the loop', { delay: 10 });
  await page.waitForFunction(
    () => window.wteTest.widgets.some((w) => w.kind === 'input' && w.label === 'script.js' && (w.value || '').includes('// typed during the loop')),
    null,
    { timeout: 10000 });

  // The watchdog tears the frame down and says so.
  await wte.waitForText(PAUSED, 10000);
  await page.waitForFunction((p) => (window.wteTold || []).some((m) => m.text === p), PAUSED, { timeout: 5000 })
    .catch(async () => assert.fail(`"auto-run paused" is not told: ${JSON.stringify(await told(page))}`));
  assert.equal((await told(page)).filter((m) => m.text === PAUSED).length, 1, 'told once, not every frame');
  // Removing the element detaches the frame, but Chromium reports it gone only
  // once the spinning renderer has been torn down: give that a moment.
  for (let i = 0; i < 50 && previewFrames(page).length > 0; i++) await page.waitForTimeout(100);
  assert.equal(previewFrames(page).length, 0, 'the looping frame is gone');
  assert.ok(await wte.findWidget('Run again', 'button'));
  await wte.screenshot('61-preview-paused');

  // A reload of the app does not run the loop again.
  await page.reload();
  await page.waitForFunction(() => window.wteTest && window.wteTest.ready, null, { timeout: 60000 });
  await wte.waitForScreen('workspace');
  await wte.waitForText(PAUSED);
  await page.waitForTimeout(1500);
  assert.equal(previewFrames(page).length, 0, 'a paused part opens without its frame');

  // Fixed code runs again when asked.
  await s.put({ 'script.js': "console.log('fixed');\n" });
  await wte.click('Run again', 'button');
  await waitForConsole(wte, (c) => c.includes('fixed'), '"fixed"');
  assert.equal(previewFrames(page).length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), 'wte.preview.paused.' + s.part), null);
});

// Typing under load once held the frame's heartbeats back for 3 s and the
// watchdog paused a healthy page: silence now counts from the last input too.
test('after a save the preview reloads where the learner had scrolled', async (t) => {
  const s = await student1();
  await s.put({
    'index.html': `<!DOCTYPE html><html><head><title>Tall</title><link rel="stylesheet" href="style.css"></head>
<body style="height: 6000px; margin: 0">
<h1>Top</h1>
<script>addEventListener('load', () => console.log('loaded'));</script>
</body></html>
`,
    'style.css': 'h1 { color: #1a4d8f; }\n',
  });
  const { wte, page } = await openExercise(t, s.page);
  await waitForConsole(wte, (c) => c.includes('loaded'), '"loaded"');
  const frame = previewFrames(page)[0];
  assert.ok(frame, 'the preview frame is there');
  await frame.evaluate(() => {
    window.oldDocument = true;
    window.scrollTo(0, 1500);
  });
  await page.waitForTimeout(600); // scroll reports are throttled to 5 a second

  await wte.click('style.css', 'tab');
  await wte.click('style.css', 'input');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('p { margin: 0; }\n', { delay: 10 });
  await page.keyboard.press('Control+S');

  // A new document (the old one had the marker), scrolled back to 1500.
  const deadline = Date.now() + 15000;
  let seen = null;
  for (;;) {
    const f = previewFrames(page)[0];
    seen = f ? await f.evaluate(() => ({ old: !!window.oldDocument, y: window.scrollY })).catch(() => null) : null;
    if (seen && !seen.old && seen.y === 1500) break;
    if (Date.now() > deadline) throw new Error('the reloaded preview is not at 1500: ' + JSON.stringify(seen));
    await page.waitForTimeout(100);
  }
  assert.match(await s.read('style.css'), /p \{ margin: 0; \}/, 'the save reached the server');
  await wte.screenshot('62-preview-scroll-kept');
});
