// The three-pane workspace in a real browser against a real wte-server:
// student1 opens the demo exercise "Your Own Home Page", types into
// index.html, sees "Saved" and finds the text in the file through the API;
// Ctrl+S saves at once (and the browser's own Save dialog never opens); on a
// 375 × 667 phone the panes are tabs "Lesson | Code | Preview".
// Needs WTE_BASE_URL (ci/e2e.sh exports it).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { BASE_URL, launch, Wte } = require('./lib/wte');
const { listenToAnnouncements, told } = require('./lib/a11y');

const STUDENT = { email: 'student1@example.org', password: 'student1-demo' };
const TEACHER = { email: 'teacher@example.org', password: 'teacher-demo' };
const PART = 'Your Own Home Page';
const PAGE = 'Exercise: Your Own Home Page';

async function call(request, method, path, { body, headers = {} } = {}) {
  if (method !== 'GET') {
    const me = await request.get(BASE_URL + '/api/v1/auth/me');
    headers['X-CSRF-Token'] = (await me.json()).csrf_token;
  }
  return request.fetch(BASE_URL + '/api/v1' + path, { method, headers, data: body });
}

async function json(request, path) {
  const r = await call(request, 'GET', path);
  assert.equal(r.status(), 200, `GET ${path} answered ${r.status()}: ${await r.text()}`);
  return r.json();
}

async function signInApi(request, who) {
  const r = await request.post(BASE_URL + '/api/v1/auth/login', { data: who });
  assert.equal(r.status(), 200, `sign-in of ${who.email} answered ${r.status()}`);
}

// The teacher (who owns the module and sees its children) finds the part and
// its page, and makes sure the part has an index.html template.
async function exercise(request) {
  await signInApi(request, TEACHER);
  const mine = await json(request, '/modules/mine');
  for (const m of mine.items) {
    const mod = await json(request, `/parts/${m.id}`);
    const part = mod.children.find((c) => c.title === PART);
    if (!part) continue;
    const view = await json(request, `/parts/${part.id}`);
    const page = view.children.find((c) => c.title === PAGE);
    assert.ok(page, `the part "${PART}" has the page "${PAGE}"`);
    const assets = await json(request, `/parts/${part.id}/assets`);
    if (!assets.items.some((a) => a.filename === 'index.html' && a.type === 'template')) {
      const r = await call(request, 'POST', `/parts/${part.id}/assets?filename=index.html&type=template&mimetype=text/html`, {
        body: '<!DOCTYPE html>\n<html>\n<head><title>Me</title></head>\n<body>\n<h1>My name</h1>\n</body>\n</html>\n',
        headers: { 'Content-Type': 'text/html' },
      });
      assert.ok([201, 409].includes(r.status()), `template upload answered ${r.status()}: ${await r.text()}`);
    }
    return { part: part.id, page: page.id };
  }
  throw new Error(`no demo part "${PART}"`);
}

async function openExercise(view) {
  const session = await launch(view);
  const ids = await exercise(session.context.request);
  await session.context.clearCookies();
  const wte = new Wte(session.page);
  await wte.open('');
  await wte.signIn(STUDENT.email, STUDENT.password);
  await wte.waitForScreen('modules');
  await wte.open(`#/parts/${ids.page}`);
  await wte.waitForScreen('workspace');
  return { session, wte, ids };
}

async function serverFile(page, part, name) {
  const r = await page.request.get(`${BASE_URL}/api/v1/parts/${part}/files/${name}`);
  assert.equal(r.status(), 200);
  return r.text();
}

async function waitForSaveState(wte, want, timeout) {
  return wte.waitForText((t) => t === want, timeout);
}

test('a student types into index.html, sees "Saved", and the server has the text', async (t) => {
  const { session, wte, ids } = await openExercise({ width: 1280, height: 800 });
  t.after(() => session.close());
  const { page } = session;
  await wte.findWidget('index.html', 'tab');
  const editor = await wte.findWidget('index.html', 'input');
  await wte.findWidget('Collapse Lesson', 'button');
  await wte.findWidget('Resize Lesson and Code', 'splitter');
  await waitForSaveState(wte, 'Saved');

  // Below the last line: the caret goes to the end of the file.
  await page.mouse.click(editor.x + editor.w / 2, editor.y + editor.h - 30);
  await page.waitForFunction(() =>
    window.wteTest.widgets.some((x) => x.label === 'index.html' && x.kind === 'input' && x.focused));
  await wte.nextFrame();
  await page.keyboard.type('<p>Typed in the browser</p>\n', { delay: 10 });
  await waitForSaveState(wte, 'Unsaved changes', 3000);
  await wte.findWidget('index.html •', 'tab');
  await wte.screenshot('workspace-01-unsaved');
  await waitForSaveState(wte, 'Saved', 15000);
  assert.match(await serverFile(page, ids.part, 'index.html'), /<p>Typed in the browser<\/p>/);
  await wte.screenshot('workspace-02-desktop');

  // Ctrl+S saves well before the 5 s autosave, and no Save dialog steals it.
  await page.evaluate(() => {
    // After the app's own listener (window, capture), before anything else.
    document.addEventListener('keydown', (e) => {
      if (e.key.toLowerCase() === 's' && e.ctrlKey) window.ctrlSPrevented = e.defaultPrevented;
    }, true);
  });
  await page.keyboard.type('<p>Saved with Ctrl+S</p>', { delay: 10 });
  const typedAt = Date.now();
  await page.keyboard.press('Control+S');
  assert.equal(await page.evaluate(() => window.ctrlSPrevented), true, "the browser's Save is prevented");
  await waitForSaveState(wte, 'Saved', 4000);
  assert.ok(Date.now() - typedAt < 4500, 'saved before the autosave would have');
  assert.match(await serverFile(page, ids.part, 'index.html'), /Saved with Ctrl\+S/);

  // A collapsed pane is a strip that expands again.
  await wte.click('Collapse Lesson', 'button');
  await wte.click('Expand Lesson', 'button');
  await wte.findWidget('Collapse Lesson', 'button');
});

test('on a 375 × 667 phone the panes are tabs Lesson | Code | Preview', async (t) => {
  const { session, wte } = await openExercise({ width: 375, height: 667, deviceScaleFactor: 2 });
  t.after(() => session.close());
  for (const name of ['Lesson', 'Code', 'Preview']) await wte.findWidget(name, 'tab');
  await wte.screenshot('workspace-03-phone-lesson');
  await wte.click('Code', 'tab');
  await wte.findWidget('index.html', 'input');
  await wte.screenshot('workspace-04-phone-code');
  await wte.click('Preview', 'tab');
  await wte.waitForText('Your page'); // the preview pane's header
  await wte.screenshot('workspace-05-phone-preview');
});

// What a screen reader is told about a save: "Saved" politely, a failure as
// an alert with its reason.
test('a save the server cannot take is told and retried; a refusal is told with its reason', async (t) => {
  const { session, wte, ids } = await openExercise({ width: 1280, height: 800 });
  t.after(() => session.close());
  const { page } = session;
  await waitForSaveState(wte, 'Saved');
  await listenToAnnouncements(page);
  const fileUrl = `**/api/v1/parts/${ids.part}/files/index.html`;
  const failWith = (status, body) => page.route(fileUrl, (route) => (route.request().method() === 'PUT'
    ? route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) })
    : route.continue()));

  // The server is down for a moment: told, then saved by the retry.
  await failWith(503, { error: { code: 'unavailable', message: 'The database is busy.' } });
  await wte.click('index.html', 'input');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('<p>While the server was away</p>', { delay: 10 });
  await page.keyboard.press('Control+S');
  await waitForSaveState(wte, 'Not saved — retrying', 8000);
  await wte.screenshot('workspace-06-retrying');
  await page.unroute(fileUrl);
  await waitForSaveState(wte, 'Saved', 15000);
  assert.match(await serverFile(page, ids.part, 'index.html'), /While the server was away/);

  // A refusal stays until the learner changes something, and says why.
  await failWith(422, { error: { code: 'invalid_file', message: 'This file name is not allowed here.' } });
  await page.keyboard.type('<p>Refused</p>', { delay: 10 });
  await page.keyboard.press('Control+S');
  await waitForSaveState(wte, 'Not saved', 8000);
  await wte.waitForText('This file name is not allowed here.');
  await page.unroute(fileUrl);

  const said = await told(page);
  const where = said.map((m) => `${m.live}:${m.text}`).join(' | ');
  const at = (live, text) => said.findIndex((m) => m.live === live && m.text === text);
  assert.ok(at('alert', 'Not saved — retrying') >= 0, `the failure is an alert: ${where}`);
  assert.ok(at('status', 'Saved') > at('alert', 'Not saved — retrying'), `then "Saved": ${where}`);
  assert.ok(at('alert', 'Not saved') > at('status', 'Saved'), `the refusal is an alert: ${where}`);
  assert.ok(at('alert', 'This file name is not allowed here.') > at('status', 'Saved'), `with its reason: ${where}`);
  assert.equal(said.filter((m) => m.text === 'Unsaved changes' || m.text === 'Saving…').length, 0, `typing is not told: ${where}`);
  assert.deepEqual(session.errors, []);
});

// Text and keys reach the client by different paths (the <textarea>'s input
// events, the key events), and a frame takes what came since the last one:
// typed faster than frames, lines and Enter, Backspace and the arrows must
// still act in the order they were typed.
test('typed faster than the frames, text and editing keys keep their order', async (t) => {
  const { session, wte, ids } = await openExercise({ width: 1280, height: 800 });
  t.after(() => session.close());
  const { page } = session;
  const editor = await wte.findWidget('index.html', 'input');
  await waitForSaveState(wte, 'Saved');
  await page.mouse.click(editor.x + editor.w / 2, editor.y + editor.h - 30);
  await page.waitForFunction(() =>
    window.wteTest.widgets.some((x) => x.label === 'index.html' && x.kind === 'input' && x.focused));
  await wte.nextFrame();
  // No delay: many of these land between two frames. From the end of the
  // file (earlier tests of this file leave it longer than the editor).
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('<b>one</b>');
  await page.keyboard.press('Enter');
  await page.keyboard.type('two!');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('>');
  await page.keyboard.press('End');
  await page.keyboard.type('<');
  await page.keyboard.press('Enter');
  await page.keyboard.type('three');
  await page.keyboard.press('Control+S');
  await waitForSaveState(wte, 'Saved', 15000);
  const text = await serverFile(page, ids.part, 'index.html');
  assert.ok(text.endsWith('\n<b>one</b>\n>two<\nthree'), JSON.stringify(text.slice(-40)));
});
