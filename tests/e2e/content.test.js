// Rich page content in a real browser: the demo page "Everything WTE Can
// Show" renders headings, tables, code with a Copy button, its diagram and
// handout (seeded assets), math and a YouTube card (checked through
// window.wteTest, screenshots for people); text can be drag-selected and
// copied; a student answers the demo quiz wrongly, then rightly, reloads and
// finds the answers restored, and the server recorded two attempts with a
// wrong first one (a new student: the demo's student1 has answered already).
// Needs WTE_BASE_URL, WTE_SERVER and WTE_CONFIG (ci/e2e.sh exports them).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');
const { BASE_URL, api, launch, Wte } = require('./lib/wte');

const STUDENT = { email: 'student1@example.org', password: 'student1-demo' };
const VIEW = { width: 1280, height: 900 };

// The id of a demo page, found by titles through the API (never hard-coded).
async function pageId(page, partTitle, pageTitle) {
  const mine = await api(page, 'GET', '/modules/mine');
  for (const m of mine.items) {
    const mod = await api(page, 'GET', `/parts/${m.id}`);
    const part = mod.children.find((c) => c.title === partTitle);
    if (!part) continue;
    const view = await api(page, 'GET', `/parts/${part.id}`);
    const p = view.children.find((c) => c.title === pageTitle);
    if (p) return p.id;
  }
  throw new Error(`no demo page "${pageTitle}" in part "${partTitle}"`);
}

async function openPage(wte, id) {
  await wte.open(`#/parts/${id}`);
  await wte.waitForScreen('page');
}

// Scrolls with the real mouse wheel until `find(state)` returns something
// lying inside the viewport; returns that thing.
async function scrollUntil(wte, find, what, { maxSteps = 80, step = 300 } = {}) {
  const { page } = wte;
  await page.mouse.move(640, 500);
  for (let i = 0; i < maxSteps; i++) {
    const s = await wte.state();
    const hit = find(s);
    if (hit && hit.y >= 70 && hit.y + hit.h <= VIEW.height - 10) return hit;
    const down = !hit || hit.y >= 70;
    await page.mouse.wheel(0, down ? step : -step);
    await wte.nextFrame();
    await page.waitForTimeout(60);
  }
  const s = await wte.state();
  throw new Error(`${what} never came into view; texts: ${s.texts.map((t) => t.text).join(' | ').slice(0, 2000)}`);
}

const text = (pred) => (s) => s.texts.find((t) => pred(t.text));
const widget = (label, kind) => (s) => s.widgets.find((w) => w.label === label && (!kind || w.kind === kind));

// Like a person: point at the item, let a frame see the hover, then press
// and release on separate frames.
async function clickAt(wte, w) {
  const { page } = wte;
  await page.mouse.move(w.x + Math.min(w.w / 2, 20), w.y + w.h / 2);
  await wte.nextFrame();
  await page.mouse.down();
  await wte.nextFrame();
  await page.mouse.up();
  await wte.nextFrame();
}

async function signedIn(account = STUDENT) {
  const session = await launch(VIEW);
  const wte = new Wte(session.page);
  await wte.open('');
  await wte.signIn(account.email, account.password);
  await wte.waitForScreen('modules');
  return { session, wte };
}

// A new student of "Web Development Basics" with no quiz answers yet.
async function newLearner() {
  for (const v of ['WTE_SERVER', 'WTE_CONFIG']) assert.ok(process.env[v], `${v} is set (run through ci/e2e.sh)`);
  const account = { email: `quiz-${Date.now()}@example.org`, password: 'quiz-learner-pw-1' };
  await promisify(execFile)(process.env.WTE_SERVER, [
    'user', 'add', process.env.WTE_CONFIG, account.email, 'Quiz Learner', '--password', account.password,
    '--group', 'Student',
  ]);
  const signed = await signedIn(account);
  const { page } = signed.session;
  const { csrf_token } = await api(page, 'GET', '/auth/me');
  const module = (await api(page, 'GET', '/modules')).items.find((m) => m.title === 'Web Development Basics');
  const r = await page.request.post(`${BASE_URL}/api/v1/parts/${module.id}/enrol`, {
    headers: { 'X-CSRF-Token': csrf_token, 'Content-Type': 'application/json' },
    data: '{}',
  });
  assert.equal(r.status(), 200, `enrol answered ${r.status()}`);
  return signed;
}

test('the "Everything" page draws every construct', async (t) => {
  const { session, wte } = await signedIn();
  t.after(() => session.close());
  const { page } = session;
  const id = await pageId(page, 'Getting Started', 'Everything WTE Can Show');
  await openPage(wte, id);

  await scrollUntil(wte, text((x) => x === 'Text and inline styles'), 'a section heading');
  await scrollUntil(wte, text((x) => x === 'Links of all kinds'), 'a sub-section heading');
  // Cross references show the target's title, or "not available".
  await scrollUntil(wte, widget('HTML Structure', 'link'), 'a cross reference with the part title');
  await scrollUntil(wte, text((x) => x.includes('not available')), 'an unavailable cross reference');
  // The handout is an asset of the page: a link that downloads a real PDF.
  await scrollUntil(wte, widget('the course handout', 'link'), 'the handout link');
  const handout = await page.request.get(`${BASE_URL}/api/v1/parts/${id}/assets/by-name/handout.pdf`);
  assert.equal(handout.status(), 200);
  assert.equal(handout.headers()['content-type'], 'application/pdf');
  assert.equal((await handout.body()).subarray(0, 5).toString(), '%PDF-');
  await wte.screenshot('content-01-top');

  const cell = await scrollUntil(wte, text((x) => x === 'A or B'), 'a table cell');
  assert.ok(cell.w > 0);
  await wte.screenshot('content-02-tables');

  await scrollUntil(wte, text((x) => x === 'Warning'), 'a warning admonition');
  await wte.screenshot('content-03-admonitions');

  // Show-hide: the hidden hint opens on click.
  const hint = await scrollUntil(wte, widget('Show a hint', 'button'), 'a show-hide toggle');
  await clickAt(wte, hint);
  await scrollUntil(wte, text((x) => x.includes('DOCTYPE html> line')), 'the opened hint');

  const copy = await scrollUntil(wte, widget('Copy', 'button'), 'a code block Copy button');
  await wte.screenshot('content-04-code');
  await clickAt(wte, copy);
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.length > 0), null, { timeout: 5000 });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /<!DOCTYPE html>|h1\.title|querySelector|def greet|Indented/);

  // The seeded diagram is drawn: the renderer reports an image by its alt text
  // alone once it is decoded ("... (loading image…)" or "(image not
  // available)" otherwise), in the rectangle it fills.
  const diagram = await scrollUntil(wte, text((x) => x === 'A diagram of the document tree'), 'the diagram, drawn');
  assert.ok(diagram.w > 200, `the diagram is ${diagram.w} pixels wide`);
  assert.ok(Math.abs(diagram.h / diagram.w - 140 / 536) < 0.02, 'the diagram keeps its proportions');
  assert.ok(!(await wte.state()).texts.some((x) => x.text.includes('image not available')));
  await wte.screenshot('content-05-diagram');

  await scrollUntil(wte, widget('YouTube video', 'link'), 'the YouTube card');
  const math = await scrollUntil(wte, text((x) => x.includes('√') && x.includes('/')), 'a formula');
  assert.ok(math.h > 0);
  await wte.screenshot('content-06-media-math');

  assert.deepEqual(session.errors, []);
});

test('text on a page can be selected by dragging and copied with Ctrl+C', async (t) => {
  const { session, wte } = await signedIn();
  t.after(() => session.close());
  const { page } = session;
  const id = await pageId(page, 'Getting Started', 'Welcome to the Web');
  await openPage(wte, id);
  const para = await scrollUntil(wte, text((x) => x.startsWith('Every web page')), 'the first paragraph');
  await page.mouse.move(para.x + 2, para.y + 8);
  await page.mouse.down();
  await page.mouse.move(para.x + 300, para.y + 10, { steps: 8 });
  await page.mouse.up();
  await wte.nextFrame();
  await page.keyboard.press('Control+c');
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.startsWith('Every')), null, { timeout: 5000 });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.length > 10 && copied.length < 120, `copied "${copied}"`);
  await wte.screenshot('content-06-selection');
});

test('a student answers the quiz wrongly, then rightly, and finds it restored', async (t) => {
  const { session, wte } = await newLearner();
  t.after(() => session.close());
  const { page } = session;
  const id = await pageId(page, 'HTML Structure', 'Check Your Understanding');
  await openPage(wte, id);

  const option = async (label, kind) => clickAt(wte, await scrollUntil(wte, widget(label, kind), `option ${label}`));
  const check = async () => clickAt(wte, await scrollUntil(wte, widget('Check answers', 'button'), 'Check answers'));

  // Wrong first: "p" has a closing tag; "ul" alone is not every list element.
  await option('p', 'radio');
  await option('ul', 'checkbox');
  await check();
  await page.waitForFunction(() => window.wteTest.texts.filter((x) => x.text.startsWith('✗')).length === 2, null, { timeout: 10000 });
  await wte.screenshot('content-07-quiz-wrong');

  // Then right: change both answers and check again.
  await option('img', 'radio');
  await option('ol', 'checkbox');
  await check();
  await page.waitForFunction(() => window.wteTest.texts.filter((x) => x.text === '✓ Right').length === 2, null, { timeout: 10000 });
  await wte.screenshot('content-08-quiz-right');

  // A reload restores the latest answers and their result.
  await page.reload();
  await page.waitForFunction(() => window.wteTest && window.wteTest.ready && window.wteTest.screen === 'page', null, { timeout: 60000 });
  await scrollUntil(wte, (s) => { const w = widget('img', 'radio')(s); return w && w.checked ? w : null; }, 'the restored answer');
  const s = await wte.state();
  assert.ok(widget('ul', 'checkbox')(s).checked && widget('ol', 'checkbox')(s).checked);
  assert.ok(!widget('li', 'checkbox')(s).checked);
  await page.waitForFunction(() => window.wteTest.texts.filter((x) => x.text === '✓ Right').length === 2, null, { timeout: 10000 });

  // What the server recorded: two attempts, the first one wrong.
  const answers = await api(page, 'GET', `/parts/${id}/quiz-answers`);
  assert.equal(answers.items.length, 2);
  for (const item of answers.items) {
    assert.equal(item.attempts, 2, `attempts of ${item.question}`);
    assert.equal(item.initial_correct, false);
    assert.equal(item.correct, true);
  }
  assert.deepEqual(session.errors, []);
});
