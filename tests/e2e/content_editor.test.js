// The teacher's content editor in a real browser against a real wte-server:
// the teacher opens a copy of a demo page from its "Edit content" button,
// clicks a paragraph of the preview and the caret lands on its source line,
// types reST and sees the preview follow (and the "•" in the tab's title),
// saves with Ctrl+S, reloads and finds the saved text.
// Needs WTE_BASE_URL (ci/e2e.sh exports it).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { BASE_URL, launch, Wte } = require('./lib/wte');

const TEACHER = { email: 'teacher@example.org', password: 'teacher-demo' };

async function call(request, method, path, body) {
  const headers = {};
  if (method !== 'GET') {
    const me = await request.get(BASE_URL + '/api/v1/auth/me');
    headers['X-CSRF-Token'] = (await me.json()).csrf_token;
  }
  const r = await request.fetch(BASE_URL + '/api/v1' + path, { method, headers, data: body });
  assert.ok(r.status() < 300, `${method} ${path} answered ${r.status()}: ${await r.text()}`);
  return r.json();
}

// A copy of the demo page "Welcome to the Web" (other browser tests read the
// original), with a first paragraph of our own on line 4.
async function demoPageCopy(request) {
  const mine = await call(request, 'GET', '/modules/mine');
  for (const m of mine.items) {
    const mod = await call(request, 'GET', `/parts/${m.id}`);
    const part = mod.children.find((c) => c.title === 'Getting Started');
    if (!part) continue;
    const view = await call(request, 'GET', `/parts/${part.id}`);
    const demo = view.children.find((c) => c.title === 'Welcome to the Web');
    const original = await call(request, 'GET', `/parts/${demo.id}`);
    const content = 'Editing the web\n===============\n\nThe first paragraph of the copy.\n\n' +
      original.content;
    const page = await call(request, 'POST', '/parts', {
      type: 'page', parent_id: part.id, title: 'Editing the web', content,
    });
    return page.id;
  }
  throw new Error('no demo part "Getting Started"');
}

test('a teacher edits a page: the preview follows, a click finds the line, Ctrl+S saves', async (t) => {
  const session = await launch({ width: 1400, height: 900 });
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await wte.open('');
  await wte.signIn(TEACHER.email, TEACHER.password);
  await wte.waitForScreen('modules');
  const id = await demoPageCopy(page.request);

  await wte.open(`#/parts/${id}`);
  await wte.waitForScreen('page');
  await wte.click('Edit content', 'button');
  await wte.waitForScreen('content-editor');
  await wte.findWidget('Source', 'input');
  await wte.findWidget('Bold', 'button');
  assert.equal(await page.title(), 'Editing Editing the web — WTE');

  // A click on a paragraph of the preview puts the caret on its source line.
  const para = (await wte.state()).texts.find((x) => x.text === 'The first paragraph of the copy.');
  assert.ok(para, 'the preview shows the first paragraph');
  await page.mouse.click(para.x + 20, para.y + para.h / 2);
  await wte.waitForText((x) => x.startsWith('Line 4, column 1'));
  await page.waitForFunction(() =>
    window.wteTest.widgets.some((x) => x.label === 'Source' && x.kind === 'input' && x.focused));

  // Typing there: the preview shows the new paragraph, no save needed.
  await page.keyboard.type('Typed in the editor, seen at once.\n\n', { delay: 15 });
  await wte.waitForText((x) => x.includes('Typed in the editor, seen at once.'), 5000);
  await wte.waitForText((x) => x.includes('Unsaved changes'));
  assert.equal(await page.title(), '• Editing Editing the web — WTE');
  await wte.screenshot('content-editor-01-typing');

  // Ctrl+S saves (If-Match on the ETag GET sent) and the browser's Save never opens.
  await page.keyboard.press('Control+S');
  await wte.waitForText((x) => x.endsWith('· Saved'), 5000);
  assert.equal(await page.title(), 'Editing Editing the web — WTE');
  const saved = await call(page.request, 'GET', `/parts/${id}`);
  assert.ok(saved.content.includes('\nTyped in the editor, seen at once.\n\nThe first paragraph'), saved.content);

  // After a reload the editor opens the saved text.
  await page.reload();
  await page.waitForFunction(() => window.wteTest && window.wteTest.ready, null, { timeout: 60000 });
  await wte.waitForScreen('content-editor');
  const source = await wte.findWidget('Source', 'input');
  assert.ok(source.value.includes('Typed in the editor, seen at once.'), 'the editor shows the saved text');
  await wte.waitForText((x) => x.includes('Typed in the editor, seen at once.'));
  await wte.screenshot('content-editor-02-reloaded');
});
