// A learner's progress in a real browser: the demo's student1 is part-way
// through "HTML Structure" (seeded: three of its four pages read, the quiz
// page current, one question answered). The module page shows the part's
// bar, the part page offers "Continue where you left off", the bar and the
// quiz results; reading the skipped page and going back moves the bar on.
// Read through the UI test bridge (window.wteTest); screenshots for people.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { api, launch, Wte } = require('./lib/wte');

const STUDENT = { email: 'student1@example.org', password: 'student1-demo' };

// Waits until the bridge shows a widget for which `pred` holds; returns it.
async function widgetWhere(wte, pred, what) {
  const deadline = Date.now() + wte.timeout;
  for (;;) {
    const s = await wte.state();
    const w = s.widgets.find(pred);
    if (w) return w;
    if (Date.now() > deadline) {
      throw new Error(`${what} not shown; widgets: ` + s.widgets.map((x) => `${x.kind}:${x.label}`).join(', '));
    }
    await wte.page.waitForTimeout(50);
  }
}

test('student1 continues where they left off, and reading a page moves the bar on', async (t) => {
  const session = await launch({ width: 1280, height: 1000 });
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await wte.open('');
  await wte.signIn(STUDENT.email, STUDENT.password);
  await wte.waitForScreen('modules');

  const module = (await api(page, 'GET', '/modules/mine')).items.find((m) => m.title === 'Web Development Basics');
  assert.ok(module, 'student1 has taken the demo module');
  const part = (await api(page, 'GET', `/parts/${module.id}`)).children.find((c) => c.title === 'HTML Structure');
  const pages = (await api(page, 'GET', `/parts/${part.id}`)).children;
  const skipped = pages.find((p) => p.title === 'Styling with CSS');
  assert.ok(skipped, 'the demo part has the page student1 skipped');

  // The module page: the part's row carries its bar.
  await wte.open(`#/parts/${module.id}`);
  await wte.waitForScreen('module');
  const row = await wte.findWidget('HTML Structure', 'link');
  const rowBar = await widgetWhere(wte, (w) => w.kind === 'progress' && w.label === `3 of ${pages.length}`,
    'the part row\'s bar');
  assert.ok(rowBar.y >= row.y && rowBar.y + rowBar.h <= row.y + row.h, 'the bar sits in the part\'s row');
  await wte.screenshot('progress-01-module');

  await wte.click('HTML Structure', 'link');
  await wte.waitForScreen('part');
  await wte.findWidget('Continue where you left off: Check Your Understanding', 'button');
  const bar = await widgetWhere(wte, (w) => w.kind === 'progress' && w.label.endsWith(' pages'), 'the bar');
  assert.equal(bar.label, `3 of ${pages.length} pages`);
  assert.equal(bar.value, 3);
  assert.equal(bar.max, pages.length);
  await wte.waitForText((x) => x.includes('Quizzes: 1 of 2 answered, 1 correct'));
  assert.equal((await wte.findWidget('Styling with CSS', 'link')).checked, false);
  assert.equal((await wte.findWidget('Lists and Nesting', 'link')).checked, true);
  await wte.screenshot('progress-02-part');

  // Read the skipped page for a moment, then go back.
  await wte.click('Styling with CSS', 'link');
  await wte.waitForScreen('page');
  assert.equal((await wte.state()).route, `#/parts/${skipped.id}`);
  await page.mouse.move(400, 400);
  await page.waitForTimeout(2500);
  await page.goBack();
  await wte.waitForScreen('part');
  const after = await widgetWhere(wte, (w) => w.kind === 'progress' && w.label === `4 of ${pages.length} pages`,
    'the bar after reading a page');
  assert.equal(after.value, 4);
  await wte.findWidget('Continue where you left off: Styling with CSS', 'button');
  assert.equal((await wte.findWidget('Styling with CSS', 'link')).checked, true);
  await wte.screenshot('progress-03-after-reading');

  // Continue takes the learner to that page.
  await wte.click('Continue where you left off: Styling with CSS', 'button');
  await wte.waitForScreen('page');
  assert.equal((await wte.state()).route, `#/parts/${skipped.id}`);
  assert.deepEqual(session.errors, []);
});
