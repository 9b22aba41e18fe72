// The learner's side in a real browser against a real wte-server: My modules
// filtered by status, archived modules hidden when there are many, paging;
// previous / next and the page picker on a page; leaving a module with its
// confirmation; time on page sent when the tab is hidden. Each test signs in as a user of its own (created with
// `wte-server user add`), so the demo accounts stay as they were.
// Needs WTE_BASE_URL, WTE_SERVER and WTE_CONFIG (ci/e2e.sh exports them).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');
const { api, BASE_URL, launch, Wte } = require('./lib/wte');

// A new active user in `group`, signed in through the form.
async function newUser(t, who, group, options = {}) {
  for (const v of ['WTE_SERVER', 'WTE_CONFIG']) assert.ok(process.env[v], `${v} is set (run through ci/e2e.sh)`);
  const email = `${who}-${Date.now()}@example.org`;
  const password = `${who}-password-1`;
  await promisify(execFile)(process.env.WTE_SERVER, [
    'user', 'add', process.env.WTE_CONFIG, email, who, '--password', password, '--group', group,
  ]);
  const session = await launch(options);
  t.after(() => session.close());
  const wte = new Wte(session.page);
  await wte.open('');
  await wte.signIn(email, password);
  await wte.waitForScreen('modules');
  return { session, wte, page: session.page };
}

async function cardsShown(wte, prefix) {
  const widgets = await wte.page.evaluate(() => window.wteTest.widgets);
  return widgets.filter((w) => w.kind === 'link' && w.label.startsWith(prefix)).map((w) => w.label);
}

async function waitForCards(wte, prefix, count) {
  const deadline = Date.now() + wte.timeout;
  for (;;) {
    const shown = await cardsShown(wte, prefix);
    if (shown.length === count) return shown;
    if (Date.now() > deadline) throw new Error(`expected ${count} "${prefix}" cards, saw ${shown.length}: ${shown}`);
    await wte.page.waitForTimeout(50);
  }
}

test('My modules: archived hidden when there are many, a switch shows them, a status filter, pages', async (t) => {
  const { wte, page } = await newUser(t, 'lister', 'Teacher', { height: 3200 });
  // 22 modules of their own: 19 unavailable (never in the public list), 3 archived.
  for (let i = 1; i <= 22; i++) {
    const m = await api(page, 'POST', '/parts', { type: 'module', title: `Listed ${String(i).padStart(2, '0')}` });
    if (i > 19) await api(page, 'PATCH', `/parts/${(m.part || m).id}`, { status: 'archived' });
  }
  await wte.click('My modules', 'tab');
  await wte.waitForScreen('my-modules');
  const hidden = await waitForCards(wte, 'Listed', 19);
  assert.ok(!hidden.some((l) => ['Listed 20', 'Listed 21', 'Listed 22'].includes(l)), 'archived hidden');
  await wte.waitForText('Archived modules are hidden.');
  const sw = await wte.findWidget('Show archived modules', 'checkbox');
  assert.equal(sw.checked, false);
  await wte.screenshot('40-my-modules-archived-hidden');

  await wte.click('Show archived modules', 'checkbox');
  await waitForCards(wte, 'Listed', 20);
  await wte.waitForText('Page 1 of 2');
  await wte.click('Next page ›', 'button');
  await wte.waitForText('Page 2 of 2');
  assert.deepEqual(await waitForCards(wte, 'Listed', 2), ['Listed 21', 'Listed 22']);
  assert.equal((await wte.findWidget('Next page ›', 'button')).enabled, false);

  await wte.click('Archived', 'radio');
  assert.deepEqual(await waitForCards(wte, 'Listed', 3), ['Listed 20', 'Listed 21', 'Listed 22']);
  assert.ok(!(await wte.texts()).includes('Page 1 of 2'), 'one page: no pager');
  await wte.click('Unavailable', 'radio');
  await waitForCards(wte, 'Listed', 19);
  await wte.screenshot('41-my-modules-unavailable');
});

test('a page offers previous / next and a page picker; leaving the module asks first', async (t) => {
  // Tall enough that the picker under the page is on screen without scrolling.
  const { wte, page } = await newUser(t, 'leaver', 'Student', { height: 4000 });
  const modules = await api(page, 'GET', '/modules');
  const module = modules.items.find((m) => m.title === 'Web Development Basics');
  assert.ok(module, 'the demo module is listed');
  await api(page, 'POST', `/parts/${module.id}/enrol`, {});
  const view = await api(page, 'GET', `/parts/${module.id}`);
  const part = view.children.find((c) => c.title === 'HTML Structure');
  const pages = (await api(page, 'GET', `/parts/${part.id}`)).children;
  assert.ok(pages.length >= 3, 'the demo part has pages');

  await wte.open(`#/parts/${pages[0].id}`);
  await wte.waitForScreen('page');
  await wte.waitForText(`Page 1 of ${pages.length}`);
  await wte.click('Go to page', 'button');
  const last = `${pages.length}. ${pages[pages.length - 1].title}`;
  await wte.click(last, 'link');
  await wte.page.waitForFunction((r) => window.wteTest.route === r, `#/parts/${pages[pages.length - 1].id}`);
  await wte.waitForText(`Page ${pages.length} of ${pages.length}`);
  await wte.click('‹ Previous', 'button');
  await wte.waitForText(`Page ${pages.length - 1} of ${pages.length}`);
  await wte.click('Next ›', 'button');
  await wte.waitForText(`Page ${pages.length} of ${pages.length}`);

  await wte.open(`#/parts/${module.id}`);
  await wte.waitForScreen('module');
  await wte.click('Leave this module', 'button');
  await wte.waitForText((x) => x.includes('Your quiz answers are kept'));
  await wte.screenshot('42-leave-confirmation');
  await wte.click('Stay', 'button');
  await wte.waitForText('You are taking this module.');
  assert.equal((await api(page, 'GET', `/parts/${module.id}`)).my_role, 'student');

  await wte.click('Leave this module', 'button');
  await wte.click('Leave the module', 'button');
  await wte.findWidget('Take this module', 'button');
  assert.notEqual((await api(page, 'GET', `/parts/${module.id}`)).my_role, 'student');
});

// The tab's visibility as the browser reports it (headless Chromium never
// hides a tab by itself).
async function setVisible(page, visible) {
  await page.evaluate((v) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (v ? 'visible' : 'hidden') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, visible);
}

test('time on page is sent when the tab is hidden, as a keepalive request with the CSRF header', async (t) => {
  const { wte, page } = await newUser(t, 'timer', 'Student');
  const modules = await api(page, 'GET', '/modules');
  const module = modules.items.find((m) => m.title === 'Web Development Basics');
  await api(page, 'POST', `/parts/${module.id}/enrol`, {});
  const part = (await api(page, 'GET', `/parts/${module.id}`)).children.find((c) => c.title === 'HTML Structure');
  const pages = (await api(page, 'GET', `/parts/${part.id}`)).children;
  // What the client reports, whether or not this server records it yet.
  const reports = [];
  await page.route(`**/api/v1/parts/${part.id}/progress/time`, async (route) => {
    const r = route.request();
    reports.push({ body: JSON.parse(r.postData()), csrf: r.headers()['x-csrf-token'] });
    await route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
  });
  const { csrf_token } = await api(page, 'GET', '/auth/me');

  await wte.open(`#/parts/${pages[0].id}`);
  await wte.waitForScreen('page');
  await page.mouse.move(300, 300);
  await page.waitForTimeout(3000);
  await setVisible(page, false);
  for (let i = 0; i < 50 && reports.length < 1; i++) await page.waitForTimeout(100);
  assert.equal(reports.length, 1, 'hiding the tab sends the time');
  assert.equal(reports[0].body.page_id, pages[0].id);
  assert.ok(reports[0].body.seconds >= 2 && reports[0].body.seconds <= 5, JSON.stringify(reports[0]));
  assert.equal(reports[0].csrf, csrf_token);

});
