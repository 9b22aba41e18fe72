// The accessibility mirror (web/js/a11y.js) in a real browser: axe-core
// finds no serious or critical violation on the signed-out screen, a
// learner's page, the teacher's content editor, the administration and an
// open dialog; Chromium's own accessibility tree (CDP) names the headings,
// buttons and text fields of the sign-in screen and a page; a keyboard-only
// learner signs in, opens a module, reads a page and answers its quiz; the
// mirror is never seen (the screen is the same pixel for pixel without it)
// and a frame without change writes nothing to the DOM.
// Needs WTE_BASE_URL, WTE_SERVER and WTE_CONFIG (ci/e2e.sh exports them).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');
const { BASE_URL, api, launch, Wte } = require('./lib/wte');
const { focused, tabTo } = require('./lib/a11y');

const STUDENT = { email: 'student1@example.org', password: 'student1-demo' };
const TEACHER = { email: 'teacher@example.org', password: 'teacher-demo' };
const ADMIN = { email: 'admin@example.org', password: 'admin-demo' };
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');


async function signedIn(account, options) {
  const session = await launch(options);
  const wte = new Wte(session.page);
  await wte.open('');
  await wte.signIn(account.email, account.password);
  await wte.waitForScreen('modules');
  return { session, wte };
}

// The first page of the first part of a module the account takes or teaches.
async function firstPage(page, moduleTitle) {
  const mine = await api(page, 'GET', '/modules/mine');
  const m = mine.items.find((x) => !moduleTitle || x.title === moduleTitle) || mine.items[0];
  const mod = await api(page, 'GET', `/parts/${m.id}`);
  const part = mod.children.find((c) => c.type === 'part');
  const view = await api(page, 'GET', `/parts/${part.id}`);
  return { module: m, part, page: view.children[0] };
}

// axe-core on the whole document (the evaluate runs outside the page's CSP);
// fails with the violations spelled out when one is serious or critical, or
// is content outside landmarks (region) or a skipped heading level.
async function assertNoSeriousViolations(page, where) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + n.failureSummary),
    }));
  });
  // Moderate findings that are fixed stay fixed: content outside landmarks, skipped heading levels.
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || ['region', 'heading-order'].includes(v.id));
  const minor = violations.filter((v) => !bad.includes(v)).map((v) => `${v.impact} ${v.id}`);
  if (minor.length) console.log(`axe on ${where}, minor: ${minor.join(', ')}`);
  assert.deepEqual(bad, [], `axe on ${where}:\n${JSON.stringify(bad, null, 2)}`);
}

// Chromium's accessibility tree as a screen reader gets it: [{role, name}]
// of the nodes not ignored.
async function axNodes(session) {
  const cdp = await session.context.newCDPSession(session.page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored)
    .map((n) => ({
      role: n.role && n.role.value,
      name: n.name ? n.name.value : '',
      level: ((n.properties || []).find((p) => p.name === 'level') || { value: {} }).value.value,
    }));
}

function hasNode(nodes, role, name) {
  return nodes.some((n) => n.role === role && (typeof name === 'string' ? n.name === name : name.test(n.name)));
}



// The screen with and without the mirror, pixel for pixel (the canvas does
// not change between the two shots: nothing moves on the sign-in screen).
async function differingPixels(page) {
  const withMirror = (await page.screenshot()).toString('base64');
  await page.evaluate(() => (document.getElementById('wte-a11y').style.visibility = 'hidden'));
  const without = (await page.screenshot()).toString('base64');
  await page.evaluate(() => (document.getElementById('wte-a11y').style.visibility = ''));
  return page.evaluate(async ([a, b]) => {
    const load = (src) =>
      new Promise((resolve) => {
        const img = new Image();
        img.onload = () => resolve(img);
        img.src = 'data:image/png;base64,' + src;
      });
    const [ia, ib] = await Promise.all([load(a), load(b)]);
    const px = (img) => {
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, c.width, c.height).data;
    };
    const pa = px(ia), pb = px(ib);
    let n = 0;
    for (let i = 0; i < pa.length; i += 4)
      if (pa[i] !== pb[i] || pa[i + 1] !== pb[i + 1] || pa[i + 2] !== pb[i + 2]) n++;
    return n;
  }, [withMirror, without]);
}

test('the signed-out screen: no serious axe violation, named fields and button, nothing seen', async (t) => {
  const session = await launch();
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await wte.open('#/signin');
  await wte.waitForScreen('signin');
  await page.waitForFunction(() => document.querySelector('#wte-a11y-layer input[aria-label="Email"]'));
  await assertNoSeriousViolations(page, 'the sign-in screen');

  const nodes = await axNodes(session);
  assert.ok(hasNode(nodes, 'heading', 'Sign in'), 'the heading "Sign in"');
  assert.ok(nodes.some((n) => n.role === 'heading' && n.name === 'Sign in' && n.level === 1), 'a level 1 heading');
  assert.ok(hasNode(nodes, 'textbox', 'Email'), 'the Email field');
  assert.ok(hasNode(nodes, 'textbox', 'Password'), 'the Password field');
  assert.ok(hasNode(nodes, 'button', 'Sign in'), 'the Sign in button');
  assert.ok(hasNode(nodes, 'link', 'Forgot your password?'), 'the link to reset a password');
  assert.ok(hasNode(nodes, 'link', 'Skip to content'), 'the skip link');
  assert.ok(hasNode(nodes, 'main', ''), 'the main landmark');
  assert.ok(!nodes.some((n) => n.role === 'canvas' || n.name === 'Web Teaching Environment' && n.role === 'image'),
    'the canvas itself is hidden from assistive technology');

  // Over the widgets: the Email node covers the Email field of the canvas.
  const field = await wte.findWidget('Email', 'input');
  const box = await page.locator('#wte-a11y-layer input[aria-label="Email"]').boundingBox();
  assert.ok(Math.abs(box.x - field.x) < 1 && Math.abs(box.y - field.y) < 1 && Math.abs(box.width - field.w) < 1,
    `the node ${JSON.stringify(box)} lies over the field ${JSON.stringify(field)}`);

  // Never seen, never in the pointer's way (the caret, which blinks, away first).
  await page.mouse.click(5, 795);
  await page.waitForFunction(() => !window.wteTest.widgets.some((w) => w.focused));
  await wte.nextFrame();
  assert.equal(await differingPixels(page), 0, 'the mirror draws nothing over the canvas');
  await wte.screenshot('a11y-01-signin');

  // A frame without change writes nothing to the DOM; new frames do not rebuild.
  const before = await page.evaluate(() => ({ ...window.WTEA11y.stats }));
  await page.evaluate(() => Module._wte_wake());
  await wte.nextFrame();
  await wte.nextFrame();
  const after = await page.evaluate(() => ({ ...window.WTEA11y.stats }));
  assert.equal(after.mutations, before.mutations, 'no DOM writes while nothing changes');
  const sameNode = await page.evaluate(() => {
    const el = document.querySelector('#wte-a11y-layer input[aria-label="Email"]');
    el.dataset.mark = 'kept';
    return true;
  });
  assert.ok(sameNode);
  await wte.typeInto('Email', 'someone@example.org');
  assert.equal(await page.evaluate(() => document.querySelector('#wte-a11y-layer input[aria-label="Email"]').dataset.mark), 'kept',
    'the field node is updated in place, not made again');
  assert.equal(await page.evaluate(() => document.querySelector('#wte-a11y-layer input[aria-label="Email"]').value),
    'someone@example.org');
});

test("a learner's page: headings in the accessibility tree, no serious axe violation", async (t) => {
  const { session, wte } = await signedIn(STUDENT);
  t.after(() => session.close());
  const { page } = session;
  await assertNoSeriousViolations(page, 'the module list');
  const list = await axNodes(session);
  assert.ok(hasNode(list, 'list', ''), 'the modules are a list');
  assert.ok(list.filter((n) => n.role === 'listitem').length >= 2, 'each module a list item');
  const where = await firstPage(page);
  await wte.open(`#/parts/${where.page.id}`);
  await wte.waitForScreen('page');
  await page.waitForFunction((title) => [...document.querySelectorAll('#wte-a11y-layer h1')].some((h) => h.textContent === title), where.page.title);
  await assertNoSeriousViolations(page, 'a page');

  const nodes = await axNodes(session);
  assert.ok(nodes.some((n) => n.role === 'heading' && n.name === where.page.title && n.level === 1), 'the page title is a level 1 heading');
  assert.ok(nodes.some((n) => n.role === 'heading' && n.level >= 2), 'a section heading below it');
  assert.ok(hasNode(nodes, 'link', where.module.title), 'the breadcrumb link to the module');
  assert.ok(hasNode(nodes, 'banner', ''), 'the top bar is the banner landmark');
  assert.ok(hasNode(nodes, 'tab', 'Modules'), 'the top bar tabs');
  assert.ok(hasNode(nodes, 'button', 'Sign out'));
  assert.ok(hasNode(nodes, 'checkbox', 'High contrast'));
  await wte.screenshot('a11y-02-page');

  // The page as HTML: every construct of the demo's showcase page reads as
  // a web page does, math named by its source.
  const mod = (await api(page, 'GET', '/modules/mine')).items.find((m) => m.title === 'Web Development Basics');
  const gettingStarted = (await api(page, 'GET', `/parts/${mod.id}`)).children.find((c) => c.title === 'Getting Started');
  const everything = (await api(page, 'GET', `/parts/${gettingStarted.id}`)).children.find((c) => c.title === 'Everything WTE Can Show');
  await wte.open(`#/parts/${everything.id}`);
  await wte.waitForScreen('page');
  await page.waitForFunction(() => document.querySelector('#wte-a11y-layer article table'));
  const rich = await axNodes(session);
  assert.ok(hasNode(rich, 'heading', 'Text and inline styles'), 'a section heading');
  assert.ok(hasNode(rich, 'table', ''), 'a table');
  assert.ok(rich.some((n) => /^(math|MathMLMath)$/.test(n.role) && /\\|\^|_/.test(n.name)), 'math named by its LaTeX source');
  assert.ok(hasNode(rich, 'link', 'the course handout'), 'the handout link');
  await assertNoSeriousViolations(page, 'the showcase page');

  // Activating a node (a screen reader's click) presses its widget.
  await page.evaluate(() => [...document.querySelectorAll('#wte-a11y-layer [role=tab]')].find((b) => b.textContent === 'My modules').click());
  await wte.waitForScreen('my-modules');
});

test('the teacher editor, a dialog and the administration: no serious axe violation', async (t) => {
  const { session, wte } = await signedIn(TEACHER, { width: 1400, height: 900 });
  t.after(() => session.close());
  const { page } = session;
  const where = await firstPage(page);

  await wte.open(`#/parts/${where.module.id}`);
  await wte.waitForScreen('module');
  await wte.click('Edit module', 'button');
  await wte.findWidget('Save', 'button');
  await page.waitForFunction(() => document.querySelector('#wte-a11y-layer [role=dialog]'));
  const nodes = await axNodes(session);
  assert.ok(hasNode(nodes, 'dialog', 'Edit this module'), 'the Edit dialog is a named dialog');
  assert.ok(hasNode(nodes, 'textbox', 'Title'), 'with its Title field');
  await assertNoSeriousViolations(page, 'the Edit module dialog');
  await wte.screenshot('a11y-03-dialog');
  await wte.click('Cancel', 'button');

  // A part's statistics: the pages are a table with column headers.
  await wte.open(`#/parts/${where.part.id}/stats`);
  await wte.waitForScreen('stats');
  await wte.waitForText('Median time');
  const stats = await axNodes(session);
  assert.ok(hasNode(stats, 'table', ''), 'the pages table');
  assert.ok(hasNode(stats, 'columnheader', 'Visits'), 'its column headers');
  assert.ok(stats.filter((n) => n.role === 'row').length >= 2, 'a row per page');
  await assertNoSeriousViolations(page, 'the statistics');

  await wte.open(`#/parts/${where.page.id}`);
  await wte.waitForScreen('page');
  await wte.click('Edit content', 'button');
  await wte.waitForScreen('content-editor');
  await wte.findWidget('Source', 'input');
  await assertNoSeriousViolations(page, 'the content editor');
  await wte.screenshot('a11y-04-editor');
  session.errors.length = 0;

  const admin = await signedIn(ADMIN);
  t.after(() => admin.session.close());
  await admin.wte.click('Administration', 'tab');
  await admin.wte.waitForScreen('admin-users');
  await assertNoSeriousViolations(admin.session.page, 'the administration');
  await admin.wte.screenshot('a11y-05-admin');
});

// Every other screen, as each kind of user reaches it: the screens above
// carry their own assertions; here each one only has to pass axe.
test('every other screen and dialog: no serious axe violation', async (t) => {
  const visit = async (page, wte, hash, screen) => {
    await wte.open(hash);
    await wte.waitForScreen(screen);
    await page.waitForFunction(() => !window.wteTest.texts.some((x) => /^Loading/.test(x.text)), null, { timeout: 10000 });
    await wte.nextFrame();
  };
  const signedOut = await launch();
  t.after(() => signedOut.close());
  const out = new Wte(signedOut.page);
  for (const [hash, screen] of [['#/register', 'register'], ['#/forgot', 'forgot'], ['#/reset/not-a-token', 'reset']]) {
    await visit(signedOut.page, out, hash, screen);
    await assertNoSeriousViolations(signedOut.page, `the ${screen} screen`);
  }

  const learner = await signedIn(STUDENT);
  t.after(() => learner.session.close());
  const lp = learner.session.page;
  const where = await firstPage(lp, 'Web Development Basics');
  const tree = await api(lp, 'GET', `/parts/${where.module.id}`);
  const home = tree.children.find((c) => c.title === 'Your Own Home Page');
  const exercise = (await api(lp, 'GET', `/parts/${home.id}`)).children.find((c) => c.title === 'Exercise: Your Own Home Page');
  for (const [hash, screen] of [
    ['#/my', 'my-modules'], [`#/parts/${where.module.id}`, 'module'], [`#/parts/${where.part.id}`, 'part'],
    [`#/parts/${exercise.id}`, 'workspace'], ['#/profile', 'profile'],
  ]) {
    await visit(lp, learner.wte, hash, screen);
    await assertNoSeriousViolations(lp, `the learner's ${screen} screen`);
  }
  await learner.wte.screenshot('a11y-06-workspace-axe');

  const teacher = await signedIn(TEACHER, { width: 1400, height: 900 });
  t.after(() => teacher.session.close());
  const tp = teacher.session.page;
  const mine = await firstPage(tp, 'Web Development Basics');
  for (const [hash, screen] of [[`#/parts/${mine.module.id}/users`, 'members'], [`#/parts/${mine.part.id}/files`, 'files']]) {
    await visit(tp, teacher.wte, hash, screen);
    await assertNoSeriousViolations(tp, `the teacher's ${screen} screen`);
  }
  await visit(tp, teacher.wte, `#/parts/${mine.part.id}`, 'part');
  await teacher.wte.click('Delete part', 'button');
  await tp.waitForFunction(() => document.querySelector('#wte-a11y-layer [role=dialog]'));
  await assertNoSeriousViolations(tp, 'the Delete part dialog');
  await teacher.wte.click('Cancel', 'button');
  await visit(tp, teacher.wte, `#/parts/${mine.module.id}`, 'module');
  await teacher.wte.click('Arrange', 'button');
  await teacher.wte.findWidget('Add after', 'button');
  await assertNoSeriousViolations(tp, 'the module tree while arranging');

  const admin = await signedIn(ADMIN);
  t.after(() => admin.session.close());
  const ap = admin.session.page;
  for (const [hash, screen] of [['#/admin/modules', 'admin-modules'], ['#/admin/rerender', 'admin-rerender']]) {
    await visit(ap, admin.wte, hash, screen);
    await assertNoSeriousViolations(ap, `the ${screen} screen`);
  }
  for (const s of [signedOut, learner.session, teacher.session, admin.session]) assert.deepEqual(s.errors, []);
});

// A new learner of "Web Development Basics" without quiz answers.
async function newLearner() {
  for (const v of ['WTE_SERVER', 'WTE_CONFIG']) assert.ok(process.env[v], `${v} is set (run through ci/e2e.sh)`);
  const account = { email: `a11y-${Date.now()}@example.org`, password: 'a11y-learner-pw-1' };
  await promisify(execFile)(process.env.WTE_SERVER, [
    'user', 'add', process.env.WTE_CONFIG, account.email, 'Keyboard Learner', '--password', account.password,
    '--group', 'Student',
  ]);
  const session = await launch();
  const login = await session.page.request.post(BASE_URL + '/api/v1/auth/login', { data: account });
  const { csrf_token } = await login.json();
  const module = (await api(session.page, 'GET', '/modules')).items.find((m) => m.title === 'Web Development Basics');
  const r = await session.page.request.post(`${BASE_URL}/api/v1/parts/${module.id}/enrol`, {
    headers: { 'X-CSRF-Token': csrf_token, 'Content-Type': 'application/json' },
    data: '{}',
  });
  assert.equal(r.status(), 200, `enrol answered ${r.status()}`);
  await session.page.request.post(BASE_URL + '/api/v1/auth/logout', { headers: { 'X-CSRF-Token': csrf_token } });
  return { session, account };
}

test('keyboard only: sign in, open a module, read a page, answer its quiz', async (t) => {
  const { session, account } = await newLearner();
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await wte.open('#/signin');
  await wte.waitForScreen('signin');

  // The sign-in screen gives the Email field the caret by itself.
  await page.waitForFunction(() => window.wteTest.widgets.some((w) => w.label === 'Email' && w.focused));
  await page.keyboard.type(account.email);
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => window.wteTest.widgets.some((w) => w.label === 'Password' && w.focused));
  await page.keyboard.type(account.password);
  await page.keyboard.press('Enter');
  await wte.waitForScreen('modules');

  // After signing in the focus is in the screen's content, where the next
  // Tab goes on. On a page opened afresh, the first Tab reaches "Skip to
  // content", which leads past the top bar into the content.
  assert.equal((await focused(page)).id, 'wte-a11y-main');
  await page.reload();
  await wte.waitForScreen('modules');
  const skip = await tabTo(page, () => true, 'anything');
  assert.equal(skip.id, 'wte-a11y-skip', 'the first Tab reaches "Skip to content"');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'wte-a11y-main');
  const first = await tabTo(page, () => true, 'anything');
  assert.ok(!['Modules', 'My modules', 'Sign out'].includes(first.name), `past the top bar: ${first.name}`);

  await tabTo(page, (f) => f.tag === 'a' && f.name === 'Web Development Basics', 'the module');
  await page.keyboard.press('Enter');
  await wte.waitForScreen('module');
  await tabTo(page, (f) => f.tag === 'a' && f.name === 'HTML Structure', 'the part');
  await page.keyboard.press('Enter');
  await wte.waitForScreen('part');
  await tabTo(page, (f) => f.tag === 'a' && f.name === 'Check Your Understanding', 'the quiz page');
  await page.keyboard.press('Enter');
  await wte.waitForScreen('page');
  await page.waitForFunction(() => [...document.querySelectorAll('#wte-a11y-layer h1')].some((h) => h.textContent === 'Check Your Understanding'));
  const nodes = await axNodes(session);
  assert.ok(nodes.some((n) => n.role === 'heading' && n.name === 'Check Your Understanding' && n.level === 1));

  // The page is there as HTML: the quiz is a form with a legend per question.
  assert.ok(nodes.some((n) => n.role === 'radio'), 'the quiz answers are radio buttons');
  assert.ok(nodes.some((n) => n.role === 'group'), 'each question is a group');

  // The quiz: a radio group moved through with the arrow keys, checkboxes
  // with Space; the mirror shows the answer the renderer holds.
  const chosen = (name) => page.waitForFunction((n) => [...document.querySelectorAll('#wte-a11y-layer form.quiz input')]
    .some((i) => i.checked && i.labels[0] && i.labels[0].textContent.trim() === n), name);
  await tabTo(page, (f) => f.type === 'radio', 'the first question');
  await page.keyboard.press('Space');
  for (let i = 0; i < 8 && (await focused(page)).name !== 'img'; i++) await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).name, 'img');
  await chosen('img');
  for (const answer of ['ul', 'ol']) {
    await tabTo(page, (f) => f.type === 'checkbox' && f.name === answer, `the answer ${answer}`);
    await page.keyboard.press('Space');
    await chosen(answer);
  }
  await tabTo(page, (f) => f.tag === 'button' && f.name === 'Check answers', 'Check answers');
  await page.keyboard.press('Enter');
  // The result is told, not only drawn, and the server has it.
  await page.waitForFunction(() => document.getElementById('wte-a11y-status').textContent.includes('Right'), null, { timeout: 10000 });
  const id = (await page.evaluate(() => window.wteTest.route)).replace('#/parts/', '');
  const answers = await api(page, 'GET', `/parts/${id}/quiz-answers`);
  assert.equal(answers.items.length, 2);
  for (const item of answers.items) assert.equal(item.correct, true, `the answer to ${item.question} is right`);
  await wte.screenshot('a11y-06-keyboard-quiz');
  assert.deepEqual(session.errors, []);
});

test("the browser's preferences: more contrast before signing in, no blinking caret with less motion", async (t) => {
  const session = await launch();
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await page.emulateMedia({ contrast: 'more', reducedMotion: 'reduce' });
  await wte.open('#/signin');
  await wte.waitForScreen('signin');
  await page.waitForFunction(() => window.wteTest.widgets.some((w) => w.label === 'Email' && w.focused));
  await wte.screenshot('a11y-07-prefers-contrast');
  // The high-contrast theme's black background, where the calm one is light.
  const corner = await page.evaluate(async (png) => {
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
    return Array.from(g.getImageData(3, 3, 1, 1).data.slice(0, 3));
  }, (await page.screenshot()).toString('base64'));
  assert.ok(corner.every((v) => v < 40), `a dark background: ${corner}`);
  // The caret stays: two shots a blink apart are the same.
  await page.waitForTimeout(300);
  const a = (await page.screenshot()).toString('base64');
  await page.waitForTimeout(700);
  const b = (await page.screenshot()).toString('base64');
  assert.ok(a === b, 'nothing moves on the screen');
});
