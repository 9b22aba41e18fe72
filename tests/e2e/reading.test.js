// Reading on any device: a press lands where it was pressed even without a
// pointer move before it; on a touch screen a tap clicks, a drag scrolls and
// a long press selects text; the app works on a 375 × 667 phone. A page's
// :asset: image shows inline, another file downloads, and a YouTube card
// plays in place in a privacy-friendly frame over the canvas that follows
// scrolling and goes away with the page.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { request } = require('playwright-core');
const { BASE_URL, launch, Wte } = require('./lib/wte');

const STUDENT = { email: 'student1@example.org', password: 'student1-demo' };
const TEACHER = { email: 'teacher@example.org', password: 'teacher-demo' };
const VIDEO = 'dQw4w9WgXcQ';

// The API as the demo teacher, without a browser page.
async function teacherApi() {
  const ctx = await request.newContext({ baseURL: BASE_URL });
  const login = await ctx.post('/api/v1/auth/login', { data: TEACHER });
  assert.equal(login.status(), 200, 'the demo teacher signs in');
  const csrf = (await login.json()).csrf_token;
  async function call(method, path, { data, body, contentType } = {}) {
    const headers = method === 'GET' ? {} : { 'X-CSRF-Token': csrf };
    if (contentType) headers['Content-Type'] = contentType;
    const r = await ctx.fetch('/api/v1' + path, {
      method,
      headers,
      data: body !== undefined ? body : data === undefined ? undefined : data,
    });
    assert.ok(r.ok(), `${method} ${path} answered ${r.status()}: ${await r.text()}`);
    return (r.headers()['content-type'] || '').startsWith('application/json') ? r.json() : r.body();
  }
  return { call, dispose: () => ctx.dispose() };
}

const FILLER = Array.from({ length: 40 }, (_, i) =>
  `Paragraph ${i + 1} gives the page enough length to scroll past the video and back.`).join('\n\n');

// A page of its own in "Getting Started" with an image and a text asset.
async function mediaPage(teacher) {
  const mine = await teacher.call('GET', '/modules/mine');
  for (const m of mine.items) {
    const mod = await teacher.call('GET', `/parts/${m.id}`);
    const part = mod.children.find((c) => c.title === 'Getting Started');
    if (!part) continue;
    const view = await teacher.call('GET', `/parts/${part.id}`);
    const everything = view.children.find((c) => c.title === 'Everything WTE Can Show');
    const png = await teacher.call('GET', `/parts/${everything.id}/assets/by-name/diagram.png`);
    const content = [
      'Media in place', '==============', '',
      'The tree as a picture :asset:`the inline diagram <inline.png>` inside a sentence,',
      'and :asset:`the notes <notes.txt>` to keep.', '',
      `.. youtube:: https://www.youtube.com/watch?v=${VIDEO}`, '',
      FILLER, '',
    ].join('\n');
    const created = await teacher.call('POST', '/parts', {
      data: { type: 'page', parent_id: part.id, title: 'Media in place', status: 'available', content },
    });
    await teacher.call('POST', `/parts/${created.id}/assets?filename=inline.png&type=asset`, {
      body: png, contentType: 'image/png',
    });
    await teacher.call('POST', `/parts/${created.id}/assets?filename=notes.txt&type=asset`, {
      body: Buffer.from('Notes for the media page.\n'), contentType: 'text/plain',
    });
    return created.id;
  }
  throw new Error('no demo part "Getting Started"');
}

// Touch through CDP, as a finger: start, move in steps, (hold), end.
async function touchDrag(page, from, to, { holdMs = 0, steps = 8 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const point = (p) => [{ x: p.x, y: p.y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
  if (holdMs) await page.waitForTimeout(holdMs);
  for (let i = 1; i <= steps; i++) {
    const p = { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(p) });
    await page.waitForTimeout(30);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const centre = (w) => ({ x: w.x + w.w / 2, y: w.y + w.h / 2 });

async function findText(wte, pred) {
  return (await wte.state()).texts.find((t) => pred(t.text));
}

test('a press without a pointer move before it lands where it was pressed', async (t) => {
  const session = await launch();
  t.after(() => session.close());
  const wte = new Wte(session.page);
  await wte.open('');
  await wte.waitForScreen('signin');
  const email = await wte.findWidget('Email', 'input');
  // The pointer rests elsewhere; the press comes with no move to the field.
  await session.page.mouse.move(5, 5);
  await wte.nextFrame();
  const cdp = await session.page.context().newCDPSession(session.page);
  const at = { ...centre(email), button: 'left', clickCount: 1 };
  await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at });
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at });
  await session.page.waitForFunction(
    () => window.wteTest.widgets.some((x) => x.label === 'Email' && x.kind === 'input' && x.focused),
    null, { timeout: 5000 });
  assert.deepEqual(session.errors, []);
});

test('on a 375 × 667 touch screen a student signs in, opens a page, scrolls and selects by touch', async (t) => {
  const teacher = await teacherApi();
  const id = await mediaPage(teacher);
  t.after(async () => {
    await teacher.call('DELETE', `/parts/${id}`);
    await teacher.dispose();
  });

  const session = await launch({ width: 375, height: 667, deviceScaleFactor: 2, hasTouch: true });
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await wte.open('');
  await wte.waitForScreen('signin');
  // Taps only: no pointer ever moves to a field before it is pressed.
  for (const [label, text] of [['Email', STUDENT.email], ['Password', STUDENT.password]]) {
    await page.touchscreen.tap(...Object.values(centre(await wte.findWidget(label, 'input'))));
    await page.waitForFunction(
      (l) => window.wteTest.widgets.some((x) => x.label === l && x.kind === 'input' && x.focused),
      label, { timeout: 5000 });
    await page.keyboard.type(text, { delay: 15 });
  }
  await wte.screenshot('reading-phone-signin');
  const signIn = await wte.findWidget('Sign in', 'button');
  assert.ok(signIn.x >= 0 && signIn.x + signIn.w <= 375, 'the Sign in button fits the phone screen');
  await page.touchscreen.tap(...Object.values(centre(signIn)));
  await wte.waitForScreen('modules');
  await wte.screenshot('reading-phone-modules');

  await wte.open(`#/parts/${id}`);
  await wte.waitForScreen('page');
  await wte.waitForText((x) => x.startsWith('Paragraph 1 '));
  await wte.screenshot('reading-phone-page');

  // A finger dragged upwards scrolls the page up under it.
  const before = await findText(wte, (x) => x.startsWith('Paragraph 2 '));
  await touchDrag(page, { x: 200, y: 560 }, { x: 200, y: 260 });
  await wte.nextFrame();
  const after = await findText(wte, (x) => x.startsWith('Paragraph 2 '));
  assert.ok(after && before && after.y < before.y - 150,
    `the page scrolled with the finger (${before && before.y} → ${after && after.y})`);
  assert.ok(!(await wte.state()).texts.some((x) => x.text.startsWith('selection:')),
    'scrolling selected nothing');

  // A long press on a word, then a drag, selects text.
  const para = await findText(wte, (x) => x.startsWith('Paragraph 5 '));
  assert.ok(para, 'a paragraph is on screen');
  await touchDrag(page, { x: para.x + 1, y: para.y + 8 }, { x: para.x + 200, y: para.y + 8 }, { holdMs: 800 });
  await wte.nextFrame();
  const sel = await findText(wte, (x) => x.startsWith('selection:'));
  assert.ok(sel && sel.text.length > 'selection:'.length + 5, `a long press selected text: ${sel && sel.text}`);
  assert.match(sel.text, /Paragraph/);
  await wte.screenshot('reading-phone-selection');
  assert.deepEqual(session.errors, []);
});

test('a page shows its image asset inline, downloads its other files, and plays YouTube in place', async (t) => {
  const teacher = await teacherApi();
  const id = await mediaPage(teacher);
  t.after(async () => {
    await teacher.call('DELETE', `/parts/${id}`);
    await teacher.dispose();
  });

  const session = await launch({ width: 1280, height: 800 });
  t.after(() => session.close());
  const { page, context } = session;
  // No network here: the embed answers from this stand-in.
  const embeds = [];
  await context.route('https://www.youtube-nocookie.com/**', (route) => {
    embeds.push(route.request().url());
    route.fulfill({ status: 200, contentType: 'text/html', body: '<p>player</p>' });
  });
  const wte = new Wte(page);
  await wte.open('');
  await wte.signIn(STUDENT.email, STUDENT.password);
  await wte.waitForScreen('modules');
  await wte.open(`#/parts/${id}`);
  await wte.waitForScreen('page');

  // The image asset is drawn in the text (reported by its alt text, in the
  // rectangle it fills, once decoded: 536 × 140).
  await page.waitForFunction(() => window.wteTest.texts.some((x) => x.text === 'the inline diagram'), null,
    { timeout: 10000 });
  const img = await findText(wte, (x) => x === 'the inline diagram');
  assert.ok(Math.abs(img.w - 536) < 2 && Math.abs(img.h - 140) < 2, `inline image is ${img.w} × ${img.h}`);
  assert.ok(!(await wte.state()).widgets.some((x) => x.label === 'the inline diagram'),
    'a shown image is no download link');

  // The text asset is a link that downloads the file.
  const download = page.waitForEvent('download');
  await wte.click('the notes', 'link');
  const saved = await download;
  assert.equal(saved.suggestedFilename(), 'notes.txt');
  const fs = require('node:fs');
  assert.equal(fs.readFileSync(await saved.path(), 'utf8'), 'Notes for the media page.\n');
  assert.equal(page.context().pages().length, 1, 'no new tab for a download');
  await wte.screenshot('reading-assets');

  // The card plays in place: a sandboxed youtube-nocookie frame over it.
  const card = await wte.findWidget('YouTube video', 'link');
  await wte.click('YouTube video', 'link');
  const frame = page.locator(`iframe[src^="https://www.youtube-nocookie.com/embed/${VIDEO}"]`);
  await frame.waitFor({ state: 'visible', timeout: 10000 });
  const attrs = await frame.evaluate((el) => ({
    src: el.src, sandbox: el.getAttribute('sandbox'), allow: el.getAttribute('allow'),
    referrer: el.getAttribute('referrerpolicy'), title: el.title,
  }));
  assert.equal(attrs.src, `https://www.youtube-nocookie.com/embed/${VIDEO}?autoplay=1`);
  assert.deepEqual(attrs.sandbox.split(' ').sort(),
    ['allow-popups', 'allow-presentation', 'allow-same-origin', 'allow-scripts']);
  assert.match(attrs.allow, /autoplay/);
  assert.match(attrs.allow, /fullscreen/);
  assert.equal(attrs.referrer, 'strict-origin-when-cross-origin');
  assert.equal(attrs.title, 'YouTube video');
  await page.waitForFunction(() => !!document.querySelector('iframe')); // loaded from the stand-in
  assert.ok(embeds.some((u) => u.includes(`/embed/${VIDEO}`)), 'the embed was requested');

  // Where the card was: the frame lies over the box the renderer reports.
  await wte.nextFrame();
  const box = async () => (await wte.state()).texts.find((x) => x.text === `YouTube video ${VIDEO}`);
  const rect = async () => frame.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height, display: getComputedStyle(el).display };
  });
  let b = await box();
  let r = await rect();
  assert.ok(Math.abs(b.x - card.x) < 1 && Math.abs(b.y - card.y) < 1, 'the player replaces the card in place');
  for (const k of ['x', 'y', 'w', 'h']) assert.ok(Math.abs(r[k] - b[k]) < 1.5, `frame ${k} ${r[k]} = box ${b[k]}`);
  assert.ok(Math.abs(r.w / r.h - 16 / 9) < 0.02, 'a 16:9 player');
  // The link for when embedding is refused stays.
  await wte.findWidget('Open on YouTube', 'link');
  await wte.screenshot('reading-youtube');

  // It follows scrolling (the wheel beside it: over it, the frame gets it)...
  await page.mouse.move(1150, 500);
  await page.mouse.wheel(0, 120);
  await page.waitForFunction((y0) => {
    const t = window.wteTest.texts.find((x) => x.text.startsWith('YouTube video '));
    return t && t.y < y0 - 50;
  }, b.y, { timeout: 5000 });
  await wte.nextFrame();
  b = await box();
  r = await rect();
  assert.ok(Math.abs(r.y - b.y) < 1.5 && r.display === 'block', `frame follows: ${r.y} vs ${b.y}`);
  // ...is hidden once scrolled out of view...
  for (let i = 0; i < 12 && (await rect()).display !== 'none'; i++) {
    await page.mouse.wheel(0, 400);
    await wte.nextFrame();
  }
  assert.equal((await rect()).display, 'none', 'hidden when scrolled out of view');
  // ...and goes away when the reader moves on (in the app, no reload).
  await page.evaluate(() => (window.location.hash = '#/modules'));
  await wte.waitForScreen('modules');
  await wte.nextFrame();
  assert.equal(await page.locator('iframe').count(), 0, 'no frame left after leaving the page');
  assert.deepEqual(session.errors, []);
});
