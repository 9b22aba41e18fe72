// The cluster (ci/stack.sh with WTE_CLUSTER=1: PostgreSQL, three wte-server
// instances, Apache2's balancer): a learner reads in the browser and writes
// (workspace files, time on pages) while one instance is killed with
// SIGKILL. What the learner sees: the session survives (still signed in,
// pages open), at most the requests in flight at the kill fail and succeed
// when retried, and every write that was acknowledged is there afterwards.
// Not a *.test.js: ctest runs it only on the cluster stack.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { BASE_URL, launch, Wte } = require('../lib/wte');

const STUDENT = { email: 'student1@example.org', password: 'student1-demo' };
const EXERCISE = 9; // "Your Own Home Page", a three-pane part of the demo
const PART = 4; // "HTML Structure" and its pages
const PAGES = [5, 6, 7, 8];

test('one of three instances dies under a learner: the session and every acknowledged write survive', async (t) => {
  const pids = (process.env.WTE_SERVER_PIDS || '').split(' ').filter(Boolean).map(Number);
  assert.equal(pids.length, 3, 'three instances (run through WTE_CLUSTER=1 ci/e2e.sh)');
  const session = await launch();
  t.after(() => session.close());
  const { page } = session;
  const wte = new Wte(page);
  await wte.open('');
  await wte.signIn(STUDENT.email, STUDENT.password);
  await wte.waitForScreen('modules');

  const me = await (await page.request.get(BASE_URL + '/api/v1/auth/me')).json();
  const csrf = me.csrf_token;
  // A request in flight on the instance that dies is answered by the proxy
  // with an error (502) or its connection is reset (status 0 here, the
  // browser's "server cannot be reached"): both are a failed request to retry.
  const send = async (url, options) => {
    try {
      const r = await page.request.fetch(url, options);
      return { status: r.status(), body: r.ok() ? await r.text() : '' };
    } catch (e) {
      if (!/ECONNRESET|socket hang up|ECONNREFUSED/.test(String(e))) throw e;
      return { status: 0, body: '' };
    }
  };
  const write = async (n) => {
    const name = `cluster-${n}.txt`;
    const text = `written ${n}`;
    const file = await send(`${BASE_URL}/api/v1/parts/${EXERCISE}/files/${name}`, {
      method: 'PUT',
      headers: { 'X-CSRF-Token': csrf, 'If-Match': '*', 'Content-Type': 'text/plain' },
      data: text,
    });
    const time = await send(`${BASE_URL}/api/v1/parts/${PART}/progress/time`, {
      method: 'POST',
      headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      data: JSON.stringify({ page_id: PAGES[n % PAGES.length], seconds: 1 }),
    });
    return { name, text, file: file.status, time: time.status, seconds: time.status === 200 ? JSON.parse(time.body).seconds : 0, page: PAGES[n % PAGES.length] };
  };

  // Two writers side by side; the kill lands while they write.
  const saved = new Map(); // file name → text, for every 200
  const seconds = new Map(); // page → highest total acknowledged
  const failed = [];
  let stop = false;
  let n = 0;
  const writer = async () => {
    while (!stop) {
      const r = await write(n++);
      if (r.file === 200) saved.set(r.name, r.text);
      else failed.push({ what: 'file', n: r.name, status: r.file });
      if (r.time === 200) seconds.set(r.page, Math.max(seconds.get(r.page) || 0, r.seconds));
      else failed.push({ what: 'time', status: r.time });
    }
  };
  const writers = [writer(), writer()];
  await new Promise((r) => setTimeout(r, 1500));
  const before = saved.size;
  process.kill(pids[1], 'SIGKILL');
  await new Promise((r) => setTimeout(r, 3000));
  stop = true;
  await Promise.all(writers);
  console.log(`cluster: ${saved.size} file writes acknowledged (${before} before the kill), ${failed.length} failed at the kill`);
  assert.ok(before > 5 && saved.size > before + 5, `writes went on after the kill (${before} → ${saved.size})`);
  // Only what was in flight on the killed instance can have failed (each of
  // the two writers had at most one request there), and each is answered
  // with the proxy's error, never a wrong result.
  assert.ok(failed.length <= 2, 'at most the requests in flight failed: ' + JSON.stringify(failed));
  for (const f of failed) assert.ok([0, 502, 503].includes(f.status), JSON.stringify(f));
  // A failed write, retried, goes through on a live instance.
  for (const f of failed.filter((x) => x.what === 'file')) {
    const again = await page.request.fetch(`${BASE_URL}/api/v1/parts/${EXERCISE}/files/${f.n}`, {
      method: 'PUT', headers: { 'X-CSRF-Token': csrf, 'If-Match': '*', 'Content-Type': 'text/plain' }, data: 'retried',
    });
    assert.equal(again.status(), 200, 'the retry of a failed write succeeds');
  }

  // Still signed in, and the UI works on: open the part and a page.
  await wte.open(`#/parts/${PART}`);
  await wte.waitForScreen('part');
  await wte.open(`#/parts/${PAGES[0]}`);
  await wte.waitForScreen('page');
  assert.notEqual((await wte.state()).screen, 'signin');
  await wte.screenshot('cluster-after-kill');

  // Every acknowledged write is stored (read back through the balancer).
  for (const [name, text] of saved) {
    const r = await page.request.get(`${BASE_URL}/api/v1/parts/${EXERCISE}/files/${name}`);
    assert.equal(r.status(), 200, name);
    assert.equal(await r.text(), text, name);
  }
  const progress = await (await page.request.get(`${BASE_URL}/api/v1/parts/${PART}/progress`)).json();
  const stored = JSON.stringify(progress);
  for (const [pageId, total] of seconds) {
    const visit = progress.pages.find((p) => p.page_id === pageId);
    assert.ok(visit, `page ${pageId} has its visit: ${stored.slice(0, 300)}`);
    assert.ok(visit.seconds >= total, `page ${pageId}: ${visit.seconds} s stored, ${total} s acknowledged`);
  }
  assert.deepEqual(session.errors.filter((e) => !/50[23]/.test(e)), []);
});
