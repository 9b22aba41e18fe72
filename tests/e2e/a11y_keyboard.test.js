// Text fields, invalid values and dialogs through the accessibility mirror
// (web/js/a11y.js), with the keyboard only: a field's mirror element holds
// its whole value with the caret and selection kept in step both ways; a
// refused value marks its field invalid with the reason as its description;
// a dialog takes the focus when it opens, keeps Tab inside, closes on Escape
// and gives the focus back to the control that opened it.
// Needs WTE_BASE_URL, WTE_SERVER and WTE_CONFIG (ci/e2e.sh exports them).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { BASE_URL, api, launch, Wte } = require('./lib/wte');
const { focused, tabTo, listenToAnnouncements, told } = require('./lib/a11y');

const TEACHER = { email: 'teacher@example.org', password: 'teacher-demo' };




// The probe's record of a text field (value, caret and anchor in UTF-8 bytes).
function field(page, label) {
  return page.evaluate((l) => window.wteTest.widgets.find((w) => w.kind === 'input' && w.label === l), label);
}

async function waitFor(page, fn, arg, what) {
  try {
    await page.waitForFunction(fn, arg, { timeout: 10000 });
  } catch (e) {
    throw new Error(`${what}: ${e.message}`);
  }
}

test("a text field's mirror element holds its value, caret and selection, both ways", async (t) => {
  const session = await launch();
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await wte.open('#/signin');
  await wte.waitForScreen('signin');
  // The screen gives Email the caret; the focus is on its mirror <input>.
  await waitFor(page, () => document.activeElement && document.activeElement.getAttribute('aria-label') === 'Email', null, 'Email focused');
  const typed = 'léa@example.org';
  await page.keyboard.type(typed, { delay: 10 });
  await waitFor(page, (v) => window.wteTest.widgets.some((w) => w.label === 'Email' && w.value === v), typed, 'the client has the text');
  let f = await focused(page);
  assert.equal(f.tag, 'input');
  assert.equal(f.value, typed, 'the element holds the whole value');
  assert.equal(f.start, typed.length);
  assert.equal(f.end, typed.length);
  let w = await field(page, 'Email');
  assert.equal(w.caret, Buffer.byteLength(typed), "ImGui's caret is at the end");

  // The arrow keys move the caret in the element; ImGui's follows.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  const at = typed.length - 3;
  await waitFor(page, (c) => window.wteTest.widgets.some((w) => w.label === 'Email' && w.caret === c), Buffer.byteLength(typed.slice(0, at)), 'the caret moved in the client');
  f = await focused(page);
  assert.equal(f.start, at);
  assert.equal(f.end, at);
  // A selection made with Shift: the same in both.
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await waitFor(page, (c) => window.wteTest.widgets.some((w) => w.label === 'Email' && w.caret === c), Buffer.byteLength(typed.slice(0, at - 2)), 'the selection reached the client');
  w = await field(page, 'Email');
  assert.equal(w.anchor, Buffer.byteLength(typed.slice(0, at)));
  f = await focused(page);
  assert.deepEqual([f.start, f.end], [at - 2, at]);
  // Typing replaces the selection, in both.
  await page.keyboard.type('X');
  const edited = typed.slice(0, at - 2) + 'X' + typed.slice(at);
  await waitFor(page, (v) => window.wteTest.widgets.some((w) => w.label === 'Email' && w.value === v), edited, 'the replaced selection');
  f = await focused(page);
  assert.equal(f.value, edited);
  assert.equal(f.start, at - 1);

  // The other way: a click on the canvas at the field's start moves ImGui's
  // caret, and the element's with it.
  const rect = await page.evaluate(() => window.wteTest.widgets.find((w) => w.label === 'Email').visible);
  await page.mouse.click(rect[0] + 5, rect[1] + rect[3] / 2);
  await waitFor(page, () => document.activeElement.getAttribute('aria-label') === 'Email' && document.activeElement.selectionStart === 0, null, 'the element follows the caret moved on the canvas');

  // A password stays a password, its value in the element only.
  await page.keyboard.press('Tab');
  await waitFor(page, () => window.wteTest.widgets.some((w) => w.label === 'Password' && w.focused), null, 'Password has the caret');
  await page.keyboard.type('secret');
  f = await focused(page);
  assert.equal(f.type, 'password');
  assert.equal(f.value, 'secret');
  await waitFor(page, () => window.wteTest.widgets.some((w) => w.label === 'Password' && w.filled && w.caret === 6), null, 'the client has the password');
  w = await field(page, 'Password');
  assert.equal(w.value, undefined, 'the probe never carries a password');
  await wte.screenshot('a11y-keyboard-01-field');
  assert.deepEqual(session.errors, []);
});

test('a refused sign-in and a refused title mark their fields invalid with the reason', async (t) => {
  const session = await launch({ width: 1400, height: 900 });
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await wte.open('#/signin');
  await wte.waitForScreen('signin');
  await waitFor(page, () => document.activeElement.getAttribute('aria-label') === 'Email', null, 'Email focused');
  await page.keyboard.type(TEACHER.email);
  await page.keyboard.press('Tab');
  await waitFor(page, () => window.wteTest.widgets.some((w) => w.label === 'Password' && w.focused), null, 'Password has the caret');
  await page.keyboard.type('not-the-password');
  await page.keyboard.press('Enter');
  const invalid = (label) => page.evaluate((l) => {
    const el = document.querySelector(`#wte-a11y-layer input[aria-label="${l}"]`);
    const d = el && el.getAttribute('aria-describedby');
    return el && { invalid: el.getAttribute('aria-invalid'), description: d ? document.getElementById(d).textContent : null };
  }, label);
  await waitFor(page, () => {
    const el = document.querySelector('#wte-a11y-layer input[aria-label="Password"]');
    return el && el.getAttribute('aria-invalid') === 'true';
  }, null, 'the password marked invalid');
  const shown = (await page.evaluate(() => window.wteTest.texts.map((x) => x.text)));
  const pw = await invalid('Password');
  assert.ok(pw.description && shown.includes(pw.description), `the description is the error shown: ${pw.description}`);
  assert.deepEqual(await invalid('Email'), pw, 'a refused pair marks both fields');
  // Signing in right clears the marks.
  await tabTo(page, (f) => f.name === 'Password', 'the password field');
  await waitFor(page, () => window.wteTest.widgets.some((w) => w.label === 'Password' && w.focused), null, 'Password has the caret again');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(TEACHER.password);
  await page.keyboard.press('Enter');
  await wte.waitForScreen('modules');

  // The edit dialog: an empty title is refused before anything is sent.
  const mine = await api(page, 'GET', '/modules/mine');
  await wte.open(`#/parts/${mine.items[0].id}`);
  await wte.waitForScreen('module');
  await tabTo(page, (f) => f.tag === 'button' && f.name === 'Edit module', 'Edit module');
  await page.keyboard.press('Enter');
  await waitFor(page, () => document.activeElement.getAttribute('aria-label') === 'Title', null, 'the Title has the focus');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await waitFor(page, () => {
    const el = document.querySelector('#wte-a11y-layer [role=dialog] input[aria-label="Title"]');
    return el && el.getAttribute('aria-invalid') === 'true';
  }, null, 'the title marked invalid');
  const title = await page.evaluate(() => {
    const el = document.querySelector('#wte-a11y-layer [role=dialog] input[aria-label="Title"]');
    return document.getElementById(el.getAttribute('aria-describedby')).textContent;
  });
  assert.match(title, /title/i);
  await wte.screenshot('a11y-keyboard-02-invalid');
  await page.keyboard.press('Escape');
  assert.deepEqual(session.errors, []);
});

test('the register and profile forms mark the field a refusal is about, and only that one', async (t) => {
  const session = await launch({ width: 1280, height: 900 });
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  const marks = () => page.evaluate(() => Object.fromEntries(
    Array.from(document.querySelectorAll('#wte-a11y-layer input')).filter((el) => el.getAttribute('aria-label'))
      .map((el) => {
        const d = el.getAttribute('aria-describedby');
        return [el.getAttribute('aria-label'), el.getAttribute('aria-invalid') === 'true' ? document.getElementById(d).textContent : ''];
      })));
  const marked = (label) => page.waitForFunction((l) => {
    const el = document.querySelector(`#wte-a11y-layer input[aria-label="${l}"]`);
    return el && el.getAttribute('aria-invalid') === 'true';
  }, label, { timeout: 10000 });

  await wte.open('#/register');
  await wte.waitForScreen('register');
  await wte.typeInto('Email', 'someone@example.org');
  await wte.typeInto('Email again', 'someone-else@example.org');
  await wte.typeInto('Your name', 'Some One');
  await wte.click('Create account', 'button');
  await marked('Email again');
  let m = await marks();
  assert.equal(m['Email again'], 'The two email addresses are not the same.');
  assert.equal(m['Email'], '', 'the first address is not the one refused');
  assert.equal(m['Your name'], '');

  await wte.open('');
  await wte.signIn(TEACHER.email, TEACHER.password);
  await wte.waitForScreen('modules');
  await wte.open('#/profile');
  await wte.waitForScreen('profile');
  await wte.typeInto('New password', 'a-new-password');
  await wte.click('Change password', 'button');
  await marked('Current password');
  m = await marks();
  assert.equal(m['Current password'], 'Type your current password.');
  assert.equal(m['New password'], '');
  // The server's refusal names its field too: a wrong current password.
  await wte.typeInto('Current password', 'not-my-password');
  await wte.typeInto('New password again', 'a-new-password');
  await wte.click('Change password', 'button');
  await page.waitForFunction(() => {
    const el = document.querySelector('#wte-a11y-layer input[aria-label="Current password"]');
    const d = el && el.getAttribute('aria-describedby');
    return d && document.getElementById(d).textContent !== 'Type your current password.';
  }, null, { timeout: 10000 });
  m = await marks();
  assert.ok(m['Current password'], 'the wrong current password is marked');
  assert.equal(m['New password again'], '');
  assert.deepEqual(session.errors, []);
});

test('dialogs: the focus goes in, Tab stays inside, Escape closes, the focus comes back', async (t) => {
  const session = await launch({ width: 1400, height: 900 });
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await wte.open('');
  await wte.signIn(TEACHER.email, TEACHER.password);
  await wte.waitForScreen('modules');
  const mine = await api(page, 'GET', '/modules/mine');
  const module = mine.items[0];
  await wte.open(`#/parts/${module.id}`);
  await wte.waitForScreen('module');

  for (const [opener, dialog] of [['Edit module', 'Edit this module'], ['Delete module', `Delete “${module.title}”?`]]) {
    await tabTo(page, (f) => f.tag === 'button' && f.name === opener, opener);
    await page.keyboard.press('Enter');
    await waitFor(page, (d) => {
      const el = document.activeElement;
      return el && el.closest('[role="dialog"]') && el.closest('[role="dialog"]').getAttribute('aria-label') === d;
    }, dialog, `the focus in “${dialog}”`);
    const first = await focused(page);
    // Tab goes round the dialog's controls and comes back to the first.
    const names = [first.name];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      await page.waitForTimeout(30);
      const f = await focused(page);
      assert.equal(f.inDialog, dialog, `Tab ${i + 1} left the dialog for ${f.tag}:${f.name}`);
      if (f.name === first.name && f.tag === first.tag) break;
      names.push(f.name);
    }
    assert.equal((await focused(page)).name, first.name, `Tab came round to the first control: ${names.join(', ')}`);
    assert.ok(names.includes('Cancel'), `Cancel is among ${names.join(', ')}`);
    // Shift+Tab from the first goes to the last.
    await page.keyboard.press('Shift+Tab');
    await page.waitForTimeout(30);
    const last = await focused(page);
    assert.equal(last.inDialog, dialog);
    assert.equal(last.name, names[names.length - 1]);
    await page.keyboard.press('Escape');
    await waitFor(page, () => !document.querySelector('#wte-a11y-layer [role=dialog]'), null, `“${dialog}” closed by Escape`);
    await waitFor(page, (o) => document.activeElement && document.activeElement.textContent.trim() === o, opener, `the focus back on ${opener}`);
  }
  // Escape was Cancel: the module is still there, its title unchanged.
  const again = await api(page, 'GET', `/parts/${module.id}`);
  assert.equal(again.part ? again.part.title : again.title, module.title);
  await wte.screenshot('a11y-keyboard-03-dialog-closed');
  assert.deepEqual(session.errors, []);
});


// Signs in with the keyboard alone: the screen gives Email the caret.
async function keyboardSignIn(page, wte, who) {
  await wte.open('#/signin');
  await wte.waitForScreen('signin');
  await waitFor(page, () => document.activeElement && document.activeElement.getAttribute('aria-label') === 'Email', null, 'Email focused');
  await page.keyboard.type(who.email);
  await page.keyboard.press('Tab');
  await waitFor(page, () => window.wteTest.widgets.some((w) => w.label === 'Password' && w.focused), null, 'Password has the caret');
  await page.keyboard.type(who.password);
  await page.keyboard.press('Enter');
  await wte.waitForScreen('modules');
}

// The code editor's caret line, as the focused <textarea> holds it.
const editorLine = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { id: el.id, name: el.getAttribute('aria-label'), value: el.value, at: el.selectionStart };
});
// The focused element's text and selection, as a screen reader reads them.
const focusedSelection = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { id: el.id, value: el.value, start: el.selectionStart, end: el.selectionEnd, name: el.getAttribute('aria-label') };
});

test('keyboard only: a learner edits a workspace file, saves it with Ctrl+S and leaves the editor', async (t) => {
  const session = await launch({ width: 1280, height: 800 });
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  // The teacher's part "Your Own Home Page" has an index.html template (as in workspace.test.js).
  const request = session.context.request;
  const login = await request.post(BASE_URL + '/api/v1/auth/login', { data: TEACHER });
  assert.equal(login.status(), 200);
  let ids = null;
  for (const m of (await api(page, 'GET', '/modules/mine')).items) {
    const part = (await api(page, 'GET', `/parts/${m.id}`)).children.find((c) => c.title === 'Your Own Home Page');
    if (!part) continue;
    const view = await api(page, 'GET', `/parts/${part.id}`);
    ids = { part: part.id, page: view.children.find((c) => c.title === 'Exercise: Your Own Home Page').id };
    const assets = await api(page, 'GET', `/parts/${part.id}/assets`);
    if (!assets.items.some((a) => a.filename === 'index.html' && a.type === 'template')) {
      const me = await (await request.get(BASE_URL + '/api/v1/auth/me')).json();
      await request.post(`${BASE_URL}/api/v1/parts/${part.id}/assets?filename=index.html&type=template&mimetype=text/html`, {
        headers: { 'X-CSRF-Token': me.csrf_token, 'Content-Type': 'text/html' },
        data: '<!DOCTYPE html>\n<html>\n<body>\n<h1>My name</h1>\n</body>\n</html>\n',
      });
    }
    break;
  }
  assert.ok(ids, 'the demo part "Your Own Home Page"');
  await session.context.clearCookies();

  await keyboardSignIn(page, wte, { email: 'student1@example.org', password: 'student1-demo' });
  await wte.open(`#/parts/${ids.page}`);
  await wte.waitForScreen('workspace');
  await wte.waitForText((x) => x === 'Saved', 15000);
  // Tab reaches the editor (its mirror <textarea>); the editor takes the caret.
  await tabTo(page, (f) => f.tag === 'textarea' && f.name.startsWith('index.html'), 'the index.html editor');
  await waitFor(page, () => window.wteTest.widgets.some((w) => w.label === 'index.html' && w.kind === 'input' && w.focused), null, 'the editor has the caret');
  // The focused <textarea> holds the caret line and says which line it is.
  await waitFor(page, () => /index\.html, line 1$/.test(document.activeElement.getAttribute('aria-label') || ''), null, 'line 1 named');
  const text = () => page.evaluate(() => window.wteTest.widgets.find((w) => w.label === 'index.html' && w.kind === 'input').value);
  let line = await editorLine(page);
  assert.equal(line.value, (await text()).split('\n')[0]);
  assert.equal(line.at, 0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await waitFor(page, () => /, line 2$/.test(document.activeElement.getAttribute('aria-label')), null, 'line 2 named');
  line = await editorLine(page);
  assert.equal(line.at, line.value.length, 'the caret at the end of the line');
  // Tab indents in the editor.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('<p>Typed with the keyboard alone</p>', { delay: 10 });
  await waitFor(page, () => document.activeElement.value.includes('<p>Typed with the keyboard alone</p>'), null, 'the new line read back');
  assert.match((await editorLine(page)).value, /^\s+<p>/, 'Tab indented the line');
  await page.keyboard.press('Control+S');
  await wte.waitForText((x) => x === 'Saved', 5000);
  const saved = await page.request.get(`${BASE_URL}/api/v1/parts/${ids.part}/files/index.html`);
  assert.match(await saved.text(), /\n\s+<p>Typed with the keyboard alone<\/p>\n/);
  // A selection made with Shift+arrows is read out: the focused <textarea>
  // holds the selected lines with the selected part selected.
  const lines = (await text()).split('\n');
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await waitFor(page, () => document.activeElement.selectionEnd === 3, null, 'three characters selected');
  line = await focusedSelection(page);
  assert.deepEqual(line, { id: 'wte-text-input', value: lines[0], start: 0, end: 3, name: 'index.html, line 1' });
  await page.keyboard.press('Shift+ArrowDown');
  await waitFor(page, () => document.activeElement.value.includes('\n'), null, 'the selection spans two lines');
  line = await focusedSelection(page);
  assert.deepEqual(line, {
    id: 'wte-text-input', value: `${lines[0]}\n${lines[1]}`, start: 0, end: lines[0].length + 1 + Math.min(3, lines[1].length),
    name: 'index.html, lines 1 to 2',
  });
  // Shift+Up takes it back to the first line; Right lets the selection go.
  await page.keyboard.press('Shift+ArrowUp');
  await waitFor(page, () => !document.activeElement.value.includes('\n'), null, 'the selection back on one line');
  assert.deepEqual(await focusedSelection(page), { id: 'wte-text-input', value: lines[0], start: 0, end: 3, name: 'index.html, line 1' });
  await page.keyboard.press('ArrowRight');
  await waitFor(page, () => document.activeElement.selectionStart === document.activeElement.selectionEnd, null, 'no selection left');
  // Escape, then Tab: the focus moves on and the editor lets go of the caret.
  const before = await text();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await waitFor(page, () => document.activeElement.id !== 'wte-text-input' && document.activeElement.closest('#wte-a11y'), null, 'the focus left the editor');
  await waitFor(page, () => !window.wteTest.widgets.some((w) => w.label === 'index.html' && w.kind === 'input' && w.focused), null, 'the editor let go');
  assert.equal(await text(), before, 'the Tab that left indented nothing');
  await wte.screenshot('a11y-keyboard-04-workspace');
  assert.deepEqual(session.errors, []);
});

test('keyboard only: a teacher changes a page in the content editor and saves it', async (t) => {
  const session = await launch({ width: 1400, height: 900 });
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await keyboardSignIn(page, wte, TEACHER);
  // A page of its own to change (the demo pages stay as they are).
  let pageId = null;
  for (const m of (await api(page, 'GET', '/modules/mine')).items) {
    const part = (await api(page, 'GET', `/parts/${m.id}`)).children.find((c) => c.type === 'part');
    if (!part) continue;
    const made = await api(page, 'POST', '/parts', {
      type: 'page', parent_id: part.id, title: 'Keyboard page', content: 'Keyboard page\n=============\n\nFirst paragraph.\n',
    });
    pageId = made.id;
    break;
  }
  assert.ok(pageId);
  await wte.open(`#/parts/${pageId}`);
  await wte.waitForScreen('page');
  await tabTo(page, (f) => f.tag === 'button' && f.name === 'Edit content', 'Edit content');
  await page.keyboard.press('Enter');
  await wte.waitForScreen('content-editor');
  await tabTo(page, (f) => f.tag === 'textarea' && f.name.startsWith('Source'), 'the Source editor');
  await waitFor(page, () => window.wteTest.widgets.some((w) => w.label === 'Source' && w.kind === 'input' && w.focused), null, 'the editor has the caret');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nTyped by keyboard.\n', { delay: 10 });
  await wte.waitForText((x) => x.includes('Unsaved changes'));
  await page.keyboard.press('Control+S');
  await wte.waitForText((x) => / · Saved$/.test(x) || x === 'Saved', 8000);
  const saved = await api(page, 'GET', `/parts/${pageId}`);
  assert.match(saved.content, /First paragraph\.\n+Typed by keyboard\.\n/);
  await wte.screenshot('a11y-keyboard-05-content-editor');
  assert.deepEqual(session.errors, []);
});

test("a reader moving by heading in the page's HTML scrolls the canvas there", async (t) => {
  const session = await launch({ width: 1280, height: 700 });
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await keyboardSignIn(page, wte, TEACHER);
  let pageId = null;
  const sections = Array.from({ length: 12 }, (_, i) => `Section ${i + 1}\n----------\n\n${'A paragraph of this section. '.repeat(30)}\n`).join('\n');
  for (const m of (await api(page, 'GET', '/modules/mine')).items) {
    const part = (await api(page, 'GET', `/parts/${m.id}`)).children.find((c) => c.type === 'part');
    if (!part) continue;
    pageId = (await api(page, 'POST', '/parts', {
      type: 'page', parent_id: part.id, title: 'Long page', content: `Long page\n=========\n\n${sections}`,
    })).id;
    break;
  }
  await wte.open(`#/parts/${pageId}`);
  await wte.waitForScreen('page');
  await page.waitForFunction(() => document.querySelector('#wte-a11y-layer article h2'));
  const seen = (name) => page.evaluate((n) => window.wteTest.texts.some((x) => x.text === n && x.visible), name);
  assert.equal(await seen('Section 10'), false, 'Section 10 starts below the fold');
  // What a screen reader does when it moves to a heading: focus it.
  await page.evaluate(() => [...document.querySelectorAll('#wte-a11y-layer article h2')].find((h) => h.textContent === 'Section 10').focus());
  await waitFor(page, () => window.wteTest.texts.some((x) => x.text === 'Section 10' && x.visible && x.visible[1] >= 0 && x.visible[1] < 400), null, 'Section 10 scrolled onto the canvas');
  await wte.screenshot('a11y-keyboard-06-section');

  // In browse mode a reader moves without focusing: it scrolls the text it
  // reads into view. Up to Section 3, down to Section 7, back up to 3.
  await page.evaluate(() => document.activeElement.blur());
  for (const name of ['Section 3', 'Section 7', 'Section 3']) {
    await page.evaluate((n) => [...document.querySelectorAll('#wte-a11y-layer article h2')].find((h) => h.textContent === n).scrollIntoView(), name);
    await waitFor(page, (n) => window.wteTest.texts.some((x) => x.text === n && x.visible && x.visible[1] >= 0 && x.visible[1] < 400), name,
      `${name} scrolled onto the canvas without focus`);
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BODY', 'reading moved no focus');
  }
  assert.equal(await seen('Section 10'), false, 'Section 10 has left the canvas');
  assert.deepEqual(session.errors, []);
});

test('an upload is told when it starts, at its milestones and when it is done, not at every step', async (t) => {
  const session = await launch({ width: 1400, height: 900 });
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await wte.open('#/parts/1');
  await wte.signIn(TEACHER.email, TEACHER.password);
  await wte.waitForScreen('module');
  await wte.click('Files', 'button');
  await wte.waitForScreen('files');
  await listenToAnnouncements(page);
  const chooserShown = page.waitForEvent('filechooser');
  await wte.click('Upload assets…', 'button');
  const chooser = await chooserShown;
  await chooser.setFiles([{ name: 'slides.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(4 * 1048576, 7) }]);
  await wte.waitForText('slides.bin uploaded.', 30000);
  const said = (await told(page)).filter((m) => m.live === 'status' && m.text.includes('slides.bin')).map((m) => m.text);
  assert.ok(said.some((m) => /^Uploading slides\.bin: (0|25|50|75)%$/.test(m)), `the start is told: ${said.join(' | ')}`);
  assert.equal(said[said.length - 1], 'slides.bin uploaded.');
  const steps = said.filter((m) => m.startsWith('Uploading'));
  assert.ok(steps.length <= 5, `milestones only: ${steps.join(' | ')}`);
  for (const m of steps) assert.match(m, /: (0|25|50|75|100)%$/);
  assert.deepEqual(session.errors, []);
});
