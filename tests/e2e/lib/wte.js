// Browser-test helpers for WTE: launches headless Chromium (playwright-core,
// Debian's /usr/bin/chromium) and drives the canvas UI through the UI test
// bridge window.wteTest: find a widget by label, click its centre with the
// real mouse, type with the real keyboard.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');
const { chromium } = require('playwright-core');

const BASE_URL = (process.env.WTE_BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const SCREENSHOT_DIR = path.resolve(__dirname, '../../../build/screenshots');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-gl=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// A fresh browser profile per launch; returns { context, page, close() }.
// timezoneId: the browser's time zone (an IANA name), for local-time tests;
// hasTouch: a touch screen (page.touchscreen, CDP touch events).
async function launch({ width = 1280, height = 800, deviceScaleFactor = 1, timezoneId, hasTouch = false } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wte-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.WTE_CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width, height },
    deviceScaleFactor,
    hasTouch,
    locale: 'en-GB',
    ...(timezoneId ? { timezoneId } : {}),
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // Expected HTTP errors (401 before sign-in, 404 of a missing part) are
    // logged by Chromium as "Failed to load resource"; they are not faults.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// Whether a widget is drawn whole, not cut by its scrolling area's edge.
function wholly(w) {
  if (!w.visible) return false;
  const [, vy, , vh] = w.visible;
  return vy <= w.y + 0.5 && vy + vh >= w.y + w.h - 0.5;
}

class Wte {
  constructor(page, { timeout = 15000 } = {}) {
    this.page = page;
    this.timeout = timeout;
  }

  // Opens the app at a hash route ('#/modules') and waits for the first screen.
  async open(hash = '') {
    await this.page.goto(BASE_URL + '/' + hash);
    await this.page.waitForFunction(() => window.wteTest && window.wteTest.ready, null, {
      timeout: 60000,
    });
  }

  async state() {
    return this.page.evaluate(() => ({
      ready: window.wteTest.ready,
      screen: window.wteTest.screen,
      route: window.wteTest.route,
      frame: window.wteTest.frame,
      widgets: window.wteTest.widgets,
      texts: window.wteTest.texts,
    }));
  }

  async waitForScreen(name, timeout = this.timeout) {
    try {
      await this.page.waitForFunction((n) => window.wteTest.ready && window.wteTest.screen === n, name, {
        timeout,
      });
    } catch (e) {
      const s = await this.state();
      throw new Error(`screen "${name}" did not appear; showing "${s.screen}" at ${s.route}: ` +
        s.texts.map((t) => t.text).join(' | '));
    }
    // One more frame so the published widgets belong to the new screen.
    await this.nextFrame();
  }

  async nextFrame() {
    const f = await this.page.evaluate(() => window.wteTest.frame);
    await this.page.waitForFunction((f0) => window.wteTest.frame > f0 + 1, f);
  }

  // The first widget whose label is exactly `label` (and of `kind` if given).
  // With `near` (a text on screen), the one of those closest to that text:
  // rows of a list each have their own "Edit".
  async findWidget(label, kind, near) {
    const deadline = Date.now() + this.timeout;
    for (;;) {
      const { widgets, texts } = await this.page.evaluate(() => ({
        widgets: window.wteTest.widgets,
        texts: window.wteTest.texts,
      }));
      const all = widgets.filter((x) => x.label === label && (!kind || x.kind === kind));
      const anchor = near === undefined ? null : texts.find((t) => t.text === near);
      if (all.length && near === undefined) return all[0];
      if (all.length && anchor) {
        const mid = (r) => r.y + r.h / 2;
        return all.reduce((a, b) => (Math.abs(mid(b) - mid(anchor)) < Math.abs(mid(a) - mid(anchor)) ? b : a));
      }
      if (Date.now() > deadline) {
        throw new Error(`no widget "${label}"` + (near === undefined ? '' : ` near "${near}"`) +
          '; widgets: ' + widgets.map((x) => `${x.kind}:${x.label}`).join(', '));
      }
      await this.page.waitForTimeout(50);
    }
  }

  // Scrolls the screen with the mouse wheel, as a person would, until the
  // widget is wholly inside its scrolling area (not under the top bar nor
  // below the window's edge).
  async scrollIntoView(label, kind, near) {
    let w = await this.findWidget(label, kind, near);
    const vp = this.page.viewportSize();
    for (let i = 0; i < 40 && !wholly(w); i++) {
      const above = w.visible ? w.visible[1] > w.y : w.y < vp.height / 2;
      await this.page.mouse.move(vp.width / 2, vp.height / 2);
      await this.page.mouse.wheel(0, above ? -120 : 120);
      await this.nextFrame();
      w = await this.findWidget(label, kind, near);
    }
    return w;
  }

  async click(label, kind, near) {
    // Wait until the widget stands still (a form that just opened may still
    // move by a frame's layout), as a person would before clicking.
    let w = await this.scrollIntoView(label, kind, near);
    for (let i = 0; i < 10; i++) {
      await this.nextFrame();
      const again = await this.findWidget(label, kind, near);
      const still = again.x === w.x && again.y === w.y && again.w === w.w;
      w = again;
      if (still) break;
    }
    if (!w.enabled) throw new Error(`widget "${label}" is disabled`);
    if (!w.visible) throw new Error(`widget "${label}" cannot be scrolled into view`);
    // Move, press and release may reach the app between two frames: each
    // lands where it happened, and the release waits for the next frame.
    const [vx, vy, vw, vh] = w.visible;
    await this.page.mouse.click(vx + vw / 2, vy + vh / 2);
    return w;
  }

  // Clicks a text field, waits until it has the caret, types like a person.
  async typeInto(label, text, { clear = false } = {}) {
    await this.click(label, 'input');
    await this.page.waitForFunction(
      (l) => window.wteTest.widgets.some((x) => x.label === l && x.kind === 'input' && x.focused),
      label,
      { timeout: this.timeout }
    );
    if (clear) {
      await this.page.keyboard.press('Control+A');
      await this.page.keyboard.press('Backspace');
    }
    await this.page.keyboard.type(text, { delay: 15 });
    await this.nextFrame();
  }

  async texts() {
    return (await this.page.evaluate(() => window.wteTest.texts)).map((t) => t.text);
  }

  async waitForText(predicate, timeout = this.timeout) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const all = await this.texts();
      const hit = all.find((t) => (typeof predicate === 'string' ? t === predicate : predicate(t)));
      if (hit !== undefined) return hit;
      if (Date.now() > deadline) throw new Error(`text not shown; texts: ${all.join(' | ')}`);
      await this.page.waitForTimeout(50);
    }
  }

  async screenshot(name) {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.nextFrame();
    const file = path.join(SCREENSHOT_DIR, name + '.png');
    await this.page.screenshot({ path: file });
    return file;
  }

  // Signs in through the form, as a person would.
  async signIn(email, password) {
    await this.waitForScreen('signin');
    await this.typeInto('Email', email);
    await this.typeInto('Password', password);
    await this.click('Sign in', 'button');
  }
}

// An HTTP request straight to BASE_URL (the API as a script sees it): {status, headers, body as text}.
function request(method, path, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(BASE_URL + path, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

// Mails the real SMTP server of ci/e2e.sh received (its Maildir): each as
// {to, subject, text}, text being the decoded plain-text part.
function mails() {
  const dir = process.env.WTE_MAILDIR;
  if (!dir) throw new Error('WTE_MAILDIR is not set (run through ci/e2e.sh)');
  const out = [];
  for (const sub of ['new', 'cur']) {
    const folder = path.join(dir, sub);
    if (!fs.existsSync(folder)) continue;
    for (const name of fs.readdirSync(folder).sort()) {
      const raw = fs.readFileSync(path.join(folder, name), 'latin1');
      const header = (h) => (raw.match(new RegExp('^' + h + ': (.*)$', 'mi')) || [])[1] || '';
      const plain = raw.split(/\r?\n--/).find((part) => /Content-Type: text\/plain/i.test(part)) || '';
      const b64 = plain.split(/\r?\n\r?\n/).slice(1).join('').replace(/\s+/g, '');
      out.push({ to: header('To'), subject: header('Subject'), text: Buffer.from(b64, 'base64').toString('utf8') });
    }
  }
  return out;
}

// The first mail to `address` whose text matches `pattern`, waiting for it to arrive.
async function waitForMail(address, pattern, timeout = 30000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const hit = mails().find((m) => m.to.includes(address) && pattern.test(m.text));
    if (hit) return hit;
    if (Date.now() > deadline) {
      throw new Error(`no mail to ${address} matching ${pattern}; mails: ` + JSON.stringify(mails().map((m) => [m.to, m.subject])));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The REST API with the signed-in browser's cookie and CSRF token; the
// answer's JSON (a non-2xx answer fails the test, naming it).
async function api(page, method, path, body) {
  const headers = {};
  if (method !== 'GET') {
    const me = await page.request.get(BASE_URL + '/api/v1/auth/me');
    headers['X-CSRF-Token'] = (await me.json()).csrf_token;
    headers['Content-Type'] = 'application/json';
    // A script's content save overwrites whatever is stored (the content
    // editor names the version it edited).
    if (body && body.content !== undefined) headers['If-Match'] = '*';
  }
  const r = await page.request.fetch(BASE_URL + '/api/v1' + path, {
    method,
    headers,
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!r.ok()) throw new Error(`${method} ${path} answered ${r.status()}: ${await r.text()}`);
  const text = await r.text();
  return text ? JSON.parse(text) : null;
}

module.exports = { BASE_URL, SCREENSHOT_DIR, api, launch, request, mails, waitForMail, Wte };
