// Zoom to 200 % and narrow screens (issue 14): every screen keeps all of its
// controls. 200 % browser zoom is emulated as a 640 × 450 CSS viewport at
// deviceScaleFactor 2, a phone as 375 × 740. Each control (button, field,
// checkbox, radio, tab, link) a screen has at 1280 px must be there, inside
// the viewport's width (scrolling down is fine, cut off at the side is not);
// controls folded away (the top bar's Menu, the workspace's pane tabs) count
// once revealed. The app's own zoom (Ctrl + / − / 0) scales the UI, 50–200 %,
// and is kept for the next visit. Screenshots of every screen at both sizes
// land in build/screenshots/zoom-*.png for a person to look at.
// Needs WTE_BASE_URL (ci/e2e.sh exports it).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { api, launch, Wte } = require('./lib/wte');

const STUDENT = { email: 'student1@example.org', password: 'student1-demo' };
const TEACHER = { email: 'teacher@example.org', password: 'teacher-demo' };
const ADMIN = { email: 'admin@example.org', password: 'admin-demo' };
const CONTROLS = ['button', 'input', 'checkbox', 'radio', 'tab', 'link', 'select'];

const SIZES = {
  desktop: { width: 1280, height: 800, deviceScaleFactor: 1 },
  zoom200: { width: 640, height: 450, deviceScaleFactor: 2 },
  phone: { width: 375, height: 740, deviceScaleFactor: 1 },
};

// The demo's parts and pages the screens below open.
async function demoIds(page) {
  const mine = await api(page, 'GET', '/modules/mine');
  const mod = mine.items.find((m) => m.title === 'Web Development Basics');
  const tree = await api(page, 'GET', `/parts/${mod.id}`);
  const byTitle = async (partTitle, pageTitle) => {
    const part = tree.children.find((c) => c.title === partTitle);
    const view = await api(page, 'GET', `/parts/${part.id}`);
    return { part: part.id, page: view.children.find((c) => c.title === pageTitle).id };
  };
  const html = await byTitle('HTML Structure', 'Check Your Understanding');
  const showcase = await byTitle('Getting Started', 'Everything WTE Can Show');
  const home = await byTitle('Your Own Home Page', 'Exercise: Your Own Home Page');
  return { module: mod.id, part: html.part, quiz: html.page, page: showcase.page, exercise: home.page };
}

// The widgets drawn, less those of a rendered page (its links are culled to
// what is in view, like its text, and the mirror shows the page as HTML).
async function widgets(wte) {
  return wte.page.evaluate(() => {
    const pages = window.wteTest.regions.filter((r) => r.role === 'document');
    return window.wteTest.widgets.filter((w) => !pages.some((r) => w.n >= r.from && w.n < r.to));
  });
}
// A label on two lines where one did not fit says the same words.
const key = (w) => `${w.kind}:${w.label.replace(/\s+/g, ' ')}`;
const isControl = (w) => CONTROLS.includes(w.kind) && w.label;

// Clicks a button of the top bar, through its Menu where the bar is folded.
async function topBar(wte, label, kind = 'button') {
  const here = (await widgets(wte)).find((w) => w.label === label && w.kind === kind);
  if (!here) {
    await wte.click('Menu', 'button');
    await wte.nextFrame();
  }
  await wte.click(label, kind);
}

// The demo module's screen with `button` pressed, once `shows` is drawn.
const onModule = (button, shows) => async (wte, ids) => {
  await wte.open(`#/parts/${ids.module}`);
  await wte.waitForScreen('module');
  await wte.click(button, 'button');
  await wte.findWidget(shows, 'button');
};

// Every screen: who sees it, how to get there, and what folds controls away.
const SCREENS = [
  { name: 'signin', account: null, go: (wte) => wte.open('#/signin'), screen: 'signin' },
  { name: 'modules', account: STUDENT, go: (wte) => wte.open('#/modules'), screen: 'modules' },
  { name: 'module', account: STUDENT, go: (wte, ids) => wte.open(`#/parts/${ids.module}`), screen: 'module' },
  { name: 'part', account: STUDENT, go: (wte, ids) => wte.open(`#/parts/${ids.part}`), screen: 'part' },
  { name: 'page', account: STUDENT, go: (wte, ids) => wte.open(`#/parts/${ids.page}`), screen: 'page' },
  { name: 'quiz', account: STUDENT, go: (wte, ids) => wte.open(`#/parts/${ids.quiz}`), screen: 'page' },
  {
    name: 'workspace', account: STUDENT, go: (wte, ids) => wte.open(`#/parts/${ids.exercise}`), screen: 'workspace',
    reveal: [['Lesson', 'tab'], ['Code', 'tab'], ['Preview', 'tab']],
    // Side by side a pane collapses; on a narrow screen the panes are tabs instead.
    wideOnly: ['button:Collapse Lesson', 'button:Collapse Code', 'button:Collapse Preview'],
  },
  { name: 'profile', account: STUDENT, go: (wte) => wte.open('#/profile'), screen: 'profile' },
  {
    name: 'help', account: STUDENT, screen: 'modules',
    go: async (wte) => {
      await wte.open('#/modules');
      await wte.waitForScreen('modules');
      await topBar(wte, 'Help');
      await wte.waitForText((t) => t === 'Help' || t.startsWith('Help'));
    },
  },
  { name: 'content-editor', account: TEACHER, go: (wte, ids) => wte.open(`#/parts/${ids.page}/edit`), screen: 'content-editor' },
  { name: 'stats', account: TEACHER, go: (wte, ids) => wte.open(`#/parts/${ids.part}/stats`), screen: 'stats' },
  { name: 'members', account: TEACHER, go: (wte, ids) => wte.open(`#/parts/${ids.module}/users`), screen: 'members' },
  { name: 'dialog', account: TEACHER, screen: 'module', go: onModule('Edit module', 'Save') },
  { name: 'arranging', account: TEACHER, screen: 'module', go: onModule('Arrange', 'Add after') },
  { name: 'admin-users', account: ADMIN, go: (wte) => wte.open('#/admin/users'), screen: 'admin-users' },
  { name: 'admin-modules', account: ADMIN, go: (wte) => wte.open('#/admin/modules'), screen: 'admin-modules' },
];

// One browser per account and size, signed in through the API.
async function sessionFor(account, size) {
  const session = await launch(SIZES[size]);
  const wte = new Wte(session.page);
  await wte.open('#/signin');
  await wte.waitForScreen('signin');
  if (account) {
    await wte.signIn(account.email, account.password);
    await wte.waitForScreen('modules');
  }
  return { session, wte };
}

// The screen's controls: what is drawn, plus what the reveal clicks (and the
// top bar's Menu) show; each with the rectangle it had when seen.
async function reachable(wte, entry) {
  const seen = new Map();
  const take = async () => {
    for (const w of await widgets(wte)) if (isControl(w) && !seen.has(key(w))) seen.set(key(w), w);
  };
  await wte.nextFrame();
  await take();
  for (const [label, kind] of entry.reveal || []) {
    if (!(await widgets(wte)).some((w) => w.label === label && w.kind === kind)) continue;
    await wte.click(label, kind);
    await wte.nextFrame();
    await wte.nextFrame();
    await take();
  }
  // One click, then wait for the Menu to say it is open (or closed): read
  // after a fixed frame or two, a busy screen's stale record made a second
  // click close what the first had opened.
  const menu = async (open) => {
    const m = (await widgets(wte)).find((w) => w.label === 'Menu' && w.kind === 'button');
    if (!m || !!m.expanded === open) return;
    await wte.click('Menu', 'button');
    await wte.page.waitForFunction((o) => window.wteTest.widgets.some(
      (w) => w.label === 'Menu' && w.kind === 'button' && !!w.expanded === o), open, { timeout: 10000 });
    await wte.nextFrame();
  };
  if ((await widgets(wte)).some((w) => w.label === 'Menu' && w.kind === 'button')) {
    await menu(true);
    await take();
    await menu(false);
  }
  return seen;
}

async function visit(wte, entry, ids) {
  await entry.go(wte, ids);
  await wte.waitForScreen(entry.screen);
  await wte.nextFrame();
}

test('at 200 % zoom and on a 375 px phone every screen keeps all its controls, none cut off at the side', async (t) => {
  const desktop = {};
  let ids;
  for (const account of [null, STUDENT, TEACHER, ADMIN]) {
    const { session, wte } = await sessionFor(account, 'desktop');
    try {
      if (account && !ids) ids = await demoIds(session.page);
      for (const entry of SCREENS.filter((e) => e.account === account)) {
        await visit(wte, entry, ids);
        desktop[entry.name] = await reachable(wte, entry);
        await wte.screenshot(`zoom-${entry.name}-1280`);
      }
    } finally {
      await session.close();
    }
  }

  const problems = [];
  for (const size of ['zoom200', 'phone']) {
    const width = SIZES[size].width;
    for (const account of [null, STUDENT, TEACHER, ADMIN]) {
      const { session, wte } = await sessionFor(account, size);
      try {
        for (const entry of SCREENS.filter((e) => e.account === account)) {
          await visit(wte, entry, ids);
          await wte.screenshot(`zoom-${entry.name}-${size}`);
          const small = await reachable(wte, entry);
          for (const [k] of desktop[entry.name]) {
            if (k === 'button:Menu' || (entry.wideOnly || []).includes(k)) continue;
            const w = small.get(k);
            if (!w) problems.push(`${size} ${entry.name}: ${k} is missing`);
            else if (w.x < -0.5 || w.x + w.w > width + 0.5)
              problems.push(`${size} ${entry.name}: ${k} is cut off at the side (x ${w.x}, w ${w.w} of ${width})`);
          }
        }
      } finally {
        await session.close();
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('Ctrl + and Ctrl − scale the UI between 50 and 200 %, Ctrl 0 resets it, kept after a reload', async (t) => {
  const session = await launch();
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await wte.open('#/signin');
  await wte.waitForScreen('signin');
  const before = await wte.findWidget('Sign in', 'button');
  const zoom = () => page.evaluate(() => window.wteTest.zoom);
  for (let i = 0; i < 8; i++) await page.keyboard.press('Control+Equal');
  assert.equal(await zoom(), 2, 'at most 200 %');
  await wte.nextFrame();
  await wte.nextFrame();
  const big = await wte.findWidget('Sign in', 'button');
  assert.ok(Math.abs(big.h - 2 * before.h) < 2, `the button grows twice as tall: ${before.h} → ${big.h}`);
  assert.equal(await page.evaluate(() => window.devicePixelRatio), 1, "the browser's own zoom is untouched");
  await wte.screenshot('zoom-ctrl-plus-200');
  await page.reload();
  await wte.open('#/signin');
  await wte.waitForScreen('signin');
  assert.equal(await zoom(), 2, 'kept for the next visit');
  for (let i = 0; i < 12; i++) await page.keyboard.press('Control+Minus');
  assert.equal(await zoom(), 0.5, 'at least 50 %');
  await wte.nextFrame();
  await wte.nextFrame();
  const small = await wte.findWidget('Sign in', 'button');
  assert.ok(Math.abs(small.h - before.h / 2) < 2, `the button half as tall: ${small.h}`);
  await page.keyboard.press('Control+Digit0');
  assert.equal(await zoom(), 1);
  await wte.nextFrame();
  await wte.nextFrame();
  const reset = await wte.findWidget('Sign in', 'button');
  assert.ok(Math.abs(reset.h - before.h) < 1, 'back to 100 %');
  assert.deepEqual(session.errors, []);
});
