// Courses in and out in a real browser against a real wte-server: the demo
// teacher exports a part, imports the ZIP into another module through the
// picker, and opens the copy; a learner downloads the module's offline copy
// and reads a page of it from disk (file://). Screenshots in build/screenshots/.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { api, launch, SCREENSHOT_DIR, Wte } = require('./lib/wte');

const TEACHER = { email: 'teacher@example.org', password: 'teacher-demo' };
const LEARNER = { email: 'student1@example.org', password: 'student1-demo' };
const SIZE = { width: 1280, height: 1000 };

async function signedIn(t, who) {
  const browser = await launch(SIZE);
  t.after(() => browser.close());
  const wte = new Wte(browser.page);
  await wte.open('');
  await wte.signIn(who.email, who.password);
  await wte.waitForScreen('modules');
  return { page: browser.page, wte };
}

// The demo module and its part "HTML Structure", as the API names them.
async function demo(page) {
  const modules = await api(page, 'GET', '/modules');
  const module = modules.items.find((m) => m.title === 'Web Development Basics');
  assert.ok(module, 'the demo module is listed');
  const view = await api(page, 'GET', `/parts/${module.id}`);
  const part = view.children.find((c) => c.title === 'HTML Structure');
  assert.ok(part, 'the demo part is there');
  return { module, part };
}

function unzip(file, dir) {
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', file, dir]);
}

test('a teacher exports a part and imports it into another module', async (t) => {
  const { page, wte } = await signedIn(t, TEACHER);
  const { part } = await demo(page);
  const pages = (await api(page, 'GET', `/parts/${part.id}`)).children;
  const target = await api(page, 'POST', '/parts', { type: 'module', title: 'Imported Things' });

  await wte.open(`#/parts/${part.id}`);
  await wte.waitForScreen('part');
  const downloaded = page.waitForEvent('download');
  await wte.click('Export', 'button');
  const download = await downloaded;
  assert.equal(download.suggestedFilename(), 'HTML Structure.zip');
  const zip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wte-export-')), 'part.zip');
  await download.saveAs(zip);
  assert.equal(fs.readFileSync(zip).subarray(0, 2).toString(), 'PK', 'a ZIP');

  await wte.open(`#/parts/${target.id}`);
  await wte.waitForScreen('module');
  await wte.click('Import…', 'button');
  const chooserShown = page.waitForEvent('filechooser');
  await wte.click('Choose a ZIP…', 'button');
  await (await chooserShown).setFiles(zip);
  await wte.waitForText((x) => x.startsWith('Imported “HTML Structure”.'));
  await wte.screenshot('transfer-imported');
  await wte.click('Open “HTML Structure”', 'link');
  await wte.waitForScreen('part');
  for (const p of pages) await wte.findWidget(p.title, 'link');
  const copy = await api(page, 'GET', (await wte.state()).route.replace('#', ''));
  assert.equal(copy.ancestors[0].id, target.id, 'the copy is in the other module');
  assert.deepEqual(copy.children.map((c) => c.title), pages.map((p) => p.title));

  // Not a ZIP: the refusal in place, nothing created.
  const before = (await api(page, 'GET', `/parts/${target.id}`)).children.length;
  // Back on the module, the panel still shows the last import.
  await wte.open(`#/parts/${target.id}`);
  await wte.waitForScreen('module');
  const again = page.waitForEvent('filechooser');
  await wte.click('Choose a ZIP…', 'button');
  await (await again).setFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') });
  await wte.waitForText((x) => x.startsWith('notes.zip: '));
  await wte.screenshot('transfer-refused');
  assert.equal((await api(page, 'GET', `/parts/${target.id}`)).children.length, before);
});

test('a learner downloads the offline copy and reads it from disk', async (t) => {
  const { page, wte } = await signedIn(t, LEARNER);
  const { module } = await demo(page);
  await wte.open(`#/parts/${module.id}`);
  await wte.waitForScreen('module');
  const downloaded = page.waitForEvent('download');
  await wte.click('Offline copy', 'button');
  const download = await downloaded;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wte-offline-'));
  const zip = path.join(dir, 'offline.zip');
  await download.saveAs(zip);
  unzip(zip, dir);
  const index = path.join(dir, 'index.html');
  assert.ok(fs.existsSync(index), 'index.html at the top of the ZIP');

  // From disk, in a page of its own: the index, then a page through its link.
  const offline = await page.context().newPage();
  await offline.goto('file://' + index);
  assert.match(await offline.textContent('body'), /HTML Structure/);
  const first = offline.locator('a[href$=".html"]').first();
  await first.click();
  await offline.waitForLoadState();
  assert.ok(offline.url().startsWith('file://'), 'still on disk');
  assert.ok((await offline.textContent('body')).trim().length > 50, 'the page has its content');
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await offline.screenshot({ path: path.join(SCREENSHOT_DIR, 'offline-page.png'), fullPage: false });
});
