// The dark theme: it follows the browser's prefers-color-scheme (live, as
// the setting changes), the account's choice in the profile (System / Light
// / Dark) wins over it on every device and after a reload, and page content
// (code, admonitions, quizzes, math) is shot in dark for a person to look at.
// Needs WTE_BASE_URL (ci/e2e.sh exports it).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { api, launch, Wte } = require('./lib/wte');

const STUDENT = { email: 'student1@example.org', password: 'student1-demo' };

// The colour of one pixel of the page as shot (CSS px from the top left).
async function pixel(page, x, y) {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, x, y }) => {
      const img = new Image();
      await new Promise((r) => {
        img.onload = r;
        img.src = 'data:image/png;base64,' + png;
      });
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      return Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3));
    },
    { png, x, y }
  );
}

const isDark = (rgb) => rgb.every((v) => v < 40);
const isLight = (rgb) => rgb.every((v) => v > 200);

// Waits until the background corner is dark (or light, or exactly black for
// high contrast), a few frames at most.
const BLACK = 'black';
async function waitForBackground(wte, want, what) {
  const ok = want === BLACK ? (rgb) => String(rgb) === '0,0,0' : want ? isDark : isLight;
  const named = want === BLACK ? 'black' : want ? 'dark' : 'light';
  let rgb;
  for (let i = 0; i < 20; i++) {
    await wte.nextFrame();
    rgb = await pixel(wte.page, 3, 780);
    if (ok(rgb)) return;
  }
  assert.fail(`${what}: the background should be ${named}, is ${rgb}`);
}

// Waits until the account's stored theme is `theme` (the profile saves it
// as the choice is made), failing the test if it never is.
async function waitForStoredTheme(page, theme) {
  let stored;
  for (let i = 0; i < 50; i++) {
    stored = (await api(page, 'GET', '/auth/me')).user.options.theme;
    if (stored === theme) return;
    await page.waitForTimeout(100);
  }
  assert.equal(stored, theme, 'the theme the account keeps');
}

test("a dark browser gets the dark theme, live, before and after signing in", async (t) => {
  const session = await launch();
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await wte.open('#/signin');
  await wte.waitForScreen('signin');
  await waitForBackground(wte, true, 'signed out, dark browser');
  await wte.screenshot('theme-01-signin-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await waitForBackground(wte, false, 'the browser turned light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await waitForBackground(wte, true, 'the browser turned dark again');
  await wte.signIn(STUDENT.email, STUDENT.password);
  await wte.waitForScreen('modules');
  await waitForBackground(wte, true, 'signed in, theme System');
  await wte.screenshot('theme-02-modules-dark');
  assert.deepEqual(session.errors, []);
});

test("the profile's Light wins over a dark browser, after a reload too; Dark over a light one", async (t) => {
  const session = await launch();
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await wte.open('');
  await wte.signIn(STUDENT.email, STUDENT.password);
  await wte.waitForScreen('modules');
  await wte.open('#/profile');
  await wte.waitForScreen('profile');
  await waitForBackground(wte, true, 'theme System in a dark browser');
  await wte.screenshot('theme-03-profile-dark');
  await wte.click('Light', 'radio');
  await waitForBackground(wte, false, 'Light chosen');
  await waitForStoredTheme(page, 'light');
  await page.reload();
  await page.waitForFunction(() => window.wteTest && window.wteTest.ready, null, { timeout: 60000 });
  await wte.waitForScreen('profile');
  await waitForBackground(wte, false, 'Light after a reload in a dark browser');

  await page.emulateMedia({ colorScheme: 'light' });
  await wte.click('Dark', 'radio');
  await waitForBackground(wte, true, 'Dark chosen in a light browser');
  // High contrast wins over dark (black, not the dark theme's blue-grey).
  await wte.click('Use high contrast colours', 'checkbox');
  await waitForBackground(wte, BLACK, 'high contrast on over Dark');
  await wte.click('Use high contrast colours', 'checkbox');
  await waitForBackground(wte, true, 'high contrast off: Dark again');
  await wte.click('System', 'radio');
  await waitForBackground(wte, false, 'System in a light browser');
  await waitForStoredTheme(page, 'system');
  assert.deepEqual(session.errors, []);
});

test('page content reads in dark: code, admonitions, quizzes and math (screenshots)', async (t) => {
  const session = await launch();
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await wte.open('');
  await wte.signIn(STUDENT.email, STUDENT.password);
  await wte.waitForScreen('modules');
  const mine = await api(page, 'GET', '/modules/mine');
  const mod = mine.items.find((m) => m.title === 'Web Development Basics');
  const tree = await api(page, 'GET', `/parts/${mod.id}`);
  const pages = [];
  for (const [partTitle, pageTitle] of [['Getting Started', 'Everything WTE Can Show'], ['HTML Structure', 'Check Your Understanding']]) {
    const part = tree.children.find((c) => c.title === partTitle);
    const view = await api(page, 'GET', `/parts/${part.id}`);
    pages.push(view.children.find((c) => c.title === pageTitle));
  }
  let shot = 0;
  for (const p of pages) {
    await wte.open(`#/parts/${p.id}`);
    await wte.waitForScreen('page');
    await waitForBackground(wte, true, `page ${p.title}`);
    // Down the page a screen at a time: code, admonitions, tables, math, the quiz.
    for (let i = 0; i < 8; i++) {
      await wte.screenshot(`theme-page-${String(++shot).padStart(2, '0')}-dark`);
      await page.mouse.move(640, 400);
      await page.mouse.wheel(0, 640);
      await wte.nextFrame();
      await wte.nextFrame();
    }
  }
  assert.ok(shot > 0, 'pages were shot');
  assert.deepEqual(session.errors, []);
});
