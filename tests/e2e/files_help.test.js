// The teacher's Files screen and the help in a real browser against a real
// wte-server: the demo teacher opens a module's Files, chooses two files in
// the browser's picker (one over the server's upload limit: a clear message
// naming the file and the limit, nothing stored), drops a third onto the
// screen, renames one, then opens the help with F1 (the primer beside the
// screen) and closes it with Esc. Screenshots in build/screenshots/.
// Needs WTE_BASE_URL (ci/e2e.sh exports it).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { BASE_URL, launch, Wte } = require('./lib/wte');

const TEACHER = { email: 'teacher@example.org', password: 'teacher-demo' };

async function assets(page, part) {
  const r = await page.request.get(`${BASE_URL}/api/v1/parts/${part}/assets`);
  assert.ok(r.ok(), `GET assets answered ${r.status()}`);
  return r.json();
}

async function widgetGone(wte, label, kind) {
  await wte.page.waitForFunction(
    ([l, k]) => !window.wteTest.widgets.some((w) => w.label === l && w.kind === k),
    [label, kind],
    { timeout: wte.timeout }
  );
}

test('a teacher uploads, drops and renames files, and reads the help beside the screen', async (t) => {
  const session = await launch({ width: 1400, height: 900 });
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await wte.open('#/parts/1');
  await wte.signIn(TEACHER.email, TEACHER.password);
  await wte.waitForScreen('module');

  await wte.click('Files', 'button');
  await wte.waitForScreen('files');
  assert.match(await page.evaluate(() => window.location.hash), /^#\/parts\/1\/files$/);
  const before = await assets(page, 1);
  const limit = before.upload_limit;
  assert.ok(limit > 0);

  // Two files by the picker; the second is bigger than the server takes.
  const chooserShown = page.waitForEvent('filechooser');
  await wte.click('Upload assets…', 'button');
  const chooser = await chooserShown;
  assert.equal(chooser.isMultiple(), true);
  const bigSize = limit + 2 * 1048576;
  await chooser.setFiles([
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Remember the alt text.\n') },
    { name: 'lecture.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(bigSize, 1) },
  ]);
  await wte.waitForText('notes.txt uploaded.');
  const mb = (n) => `${Math.round(n / 1048576)} MB`;
  await wte.waitForText(
    `lecture.mp4 is ${mb(bigSize)}; files can be at most ${mb(limit)} (the server's upload limit).`
  );
  await wte.findWidget('notes.txt', 'link');
  let names = (await assets(page, 1)).items.map((a) => a.filename);
  assert.ok(names.includes('notes.txt'));
  assert.ok(!names.includes('lecture.mp4'), 'a file over the limit is not stored');
  await wte.screenshot('files-uploaded');

  // A file dropped onto the screen (over the assets list) becomes an asset.
  const heading = (await wte.page.evaluate(() => window.wteTest.texts)).find((x) => x.text === 'Assets');
  assert.ok(heading, 'the Assets heading is on screen');
  await page.evaluate(
    ([x, y]) => {
      const dt = new DataTransfer();
      dt.items.add(new File(['h1 { color: teal; }\n'], 'extra.css', { type: 'text/css' }));
      const canvas = document.getElementById('canvas');
      for (const type of ['dragenter', 'dragover', 'drop'])
        canvas.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, dataTransfer: dt }));
    },
    [heading.x + 20, heading.y + heading.h + 20]
  );
  await wte.waitForText('extra.css uploaded.');
  await wte.findWidget('extra.css', 'link');
  const extra = (await assets(page, 1)).items.find((a) => a.filename === 'extra.css');
  assert.equal(extra.type, 'asset');
  assert.equal(extra.mimetype, 'text/css');

  // Rename notes.txt through its row's actions.
  await wte.click('notes.txt', 'link');
  await wte.click('Rename', 'button');
  await wte.typeInto('File name', 'readme.txt', { clear: true });
  await page.keyboard.press('Enter');
  await wte.findWidget('readme.txt', 'link');
  names = (await assets(page, 1)).items.map((a) => a.filename);
  assert.ok(names.includes('readme.txt') && !names.includes('notes.txt'), names.join(', '));
  await wte.screenshot('files-renamed');

  // F1 opens the help beside the screen; Esc closes it.
  await page.keyboard.press('F1');
  await wte.findWidget('Close help', 'button');
  await wte.findWidget('Writing pages', 'tab');
  const files = await wte.findWidget('Upload assets…', 'button');
  const close = await wte.findWidget('Close help', 'button');
  assert.ok(files.x < close.x, 'the Files screen stays beside the help');
  await wte.waitForText((s) => s.startsWith('.. quiz:: html-basics'));
  await wte.screenshot('help-primer');
  await page.keyboard.press('Escape');
  await widgetGone(wte, 'Close help', 'button');
  assert.equal((await wte.state()).screen, 'files');
});
