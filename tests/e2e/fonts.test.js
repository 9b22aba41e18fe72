// Fonts on first load: the loader fetches the bold italic face only after the
// first screen; a page with bold italic, Greek and math is drawn with the
// bold face until it is here and then with its own, and works on when it
// never arrives. Screenshots: fonts-late-bold-italic, fonts-without-bold-italic.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { api, launch, Wte } = require('./lib/wte');

const TEACHER = { email: 'teacher@example.org', password: 'teacher-demo' };
const CONTENT = `Faces and symbols
=================

Plain, **bold** and *italic* words: Ærø, ő, ș, αβγ ΣΩ.

A bold term with *bold italic words* in it
   Its definition.

Math: :math:\`\\sum_{i=1}^{n} x_i \\leq \\sqrt{n} \\cdot \\alpha\` and arrows → ⇒ ∀x ∈ A.
`;

async function pageWithFaces(page) {
  const part = await api(page, 'POST', '/parts', { type: 'part', parent_id: 1, title: 'Font lab' });
  return api(page, 'POST', '/parts', { type: 'page', parent_id: part.id, title: 'Faces', content: CONTENT });
}

async function openAsTeacher(session) {
  const wte = new Wte(session.page);
  await wte.open('');
  await wte.signIn(TEACHER.email, TEACHER.password);
  await wte.waitForScreen('modules');
  return wte;
}

test('bold italic arrives after the first screen and the page switches to it', async (t) => {
  const session = await launch();
  t.after(() => session.close());
  const { page } = session;
  const wte = await openAsTeacher(session);
  const faces = await pageWithFaces(page);

  await wte.open(`#/parts/${faces.id}`); // a fresh start, straight onto the page
  await wte.waitForScreen('page');
  await page.waitForFunction(() => !!window.WTE.fonts['NotoSans-BoldItalic.ttf'], null, { timeout: 15000 });
  await wte.nextFrame();
  await wte.waitForText((x) => x.includes('bold italic words'));
  await wte.screenshot('fonts-late-bold-italic');
  assert.deepEqual(session.errors, []);
});

test('without the bold italic file the page is drawn with the bold face', async (t) => {
  const session = await launch();
  t.after(() => session.close());
  const { page } = session;
  await page.route('**/fonts/NotoSans-BoldItalic.ttf', (route) => route.fulfill({ status: 404, body: '' }));
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const wte = await openAsTeacher(session);
  const faces = await pageWithFaces(page);

  await wte.open(`#/parts/${faces.id}`);
  await wte.waitForScreen('page');
  await wte.waitForText((x) => x.includes('bold italic words'));
  await page.waitForTimeout(1000); // time enough for the refused file to have come
  await wte.nextFrame();
  await wte.screenshot('fonts-without-bold-italic');
  assert.ok(warnings.some((w) => w.includes('fallback face')), warnings.join('\n'));
  assert.equal(await page.evaluate(() => window.WTE.fonts['NotoSans-BoldItalic.ttf']), undefined);
});
