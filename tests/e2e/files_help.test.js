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
const zlib = require('node:zlib');
const { BASE_URL, launch, Wte } = require('./lib/wte');

const TEACHER = { email: 'teacher@example.org', password: 'teacher-demo' };

// A 24×24 RGB PNG with coloured stripes, made here (no image files in the tree).
function stripesPng() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const size = 24;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const colours = [[47, 95, 208], [240, 180, 40], [30, 150, 90]];
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) row.push(...colours[Math.floor(x / 8)]);
    rows.push(Buffer.from(row));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

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
  const png = stripesPng();
  await page.evaluate(
    ([x, y, png]) => {
      const dt = new DataTransfer();
      dt.items.add(new File(['h1 { color: teal; }\n'], 'extra.css', { type: 'text/css' }));
      dt.items.add(new File([new Uint8Array(png)], 'stripes.png', { type: 'image/png' }));
      const canvas = document.getElementById('canvas');
      for (const type of ['dragenter', 'dragover', 'drop'])
        canvas.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, dataTransfer: dt }));
    },
    [heading.x + 20, heading.y + heading.h + 20, [...png]]
  );
  await wte.waitForText('extra.css uploaded.');
  await wte.waitForText('stripes.png uploaded.');
  // Its row shows type and size, with the image itself as the thumbnail.
  await wte.waitForText(`image/png · ${png.length} bytes`);
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
  // Each example's source, and beside it its rendering by the page renderer.
  const texts = await page.evaluate(() => window.wteTest.texts);
  // (the first example: the renderer draws, and so reports, only what is on screen)
  const source = texts.find((x) => x.text.startsWith('Text can be *emphasised*'));
  const shown = texts.find((x) => x.text.startsWith('Text can be') && !x.text.includes('*'));
  assert.ok(source && shown, 'the first example and its rendering are drawn');
  assert.ok(shown.x >= source.x + source.w, 'the rendering stands beside its source');
  await wte.screenshot('help-primer');
  await page.keyboard.press('Escape');
  await widgetGone(wte, 'Close help', 'button');
  assert.equal((await wte.state()).screen, 'files');
});
