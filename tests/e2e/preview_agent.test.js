// The preview agent in a real browser: a learner's page in the sandboxed
// preview frame says hello, loads, beats, forwards console output and errors
// with their file and line, has a working localStorage stand-in, and
// scrolls where the app asks.
const { test } = require('node:test');
const assert = require('node:assert');
const http = require('node:http');
const { BASE_URL, launch, request } = require('./lib/wte');

const INDEX = `<!DOCTYPE html>
<html>
<head><title>Agent test</title></head>
<body style="height: 3000px">
<script>
console.log('one', {a: 1}, [2], 3);
localStorage.setItem('k', 'stored');
console.info(localStorage.getItem('k'), localStorage.length);
</script>
<script src="script.js"></script>
</body>
</html>
`;
const SCRIPT = `console.warn("from the file");
null.x;
`;

test('the agent reports hello, load, heartbeats, console lines and errors, and restores the scroll', async () => {
  const login = await request('POST', '/api/v1/auth/login', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'student1@example.org', password: 'student1-demo' }),
  });
  assert.strictEqual(login.status, 200);
  const cookie = login.headers['set-cookie'][0].split(';')[0];
  const writeHeaders = { Cookie: cookie, 'X-CSRF-Token': JSON.parse(login.body).csrf_token, 'If-Match': '*' };
  const module = JSON.parse((await request('GET', '/api/v1/parts/1', { headers: { Cookie: cookie } })).body);
  const part = module.children.find((c) => c.title === 'Your Own Home Page').id;
  const workspace = JSON.parse((await request('GET', `/api/v1/parts/${part}/workspace`, { headers: { Cookie: cookie } })).body);
  for (const [name, text] of [['index.html', INDEX], ['script.js', SCRIPT]]) {
    const r = await request('PUT', `/api/v1/parts/${part}/files/${name}`, { headers: writeHeaders, body: text });
    assert.strictEqual(r.status, 200, r.body);
  }

  const { page, close } = await launch();
  try {
    // Any page of the app's origin can hold the frame (frame-ancestors).
    await page.goto(BASE_URL + '/api/v1/health');
    await page.evaluate((url) => {
      window.got = [];
      window.addEventListener('message', (e) => window.got.push(e.data));
      const frame = document.createElement('iframe');
      frame.id = 'preview';
      frame.src = url;
      frame.style.height = '300px';
      document.body.appendChild(frame);
    }, workspace.preview_url);
    await page.waitForFunction(() => window.got.filter((m) => m.wte === 'heartbeat').length >= 2, null, { timeout: 10000 });
    const got = await page.evaluate(() => window.got);
    const kinds = got.map((m) => m.wte);
    assert.strictEqual(kinds[0], 'hello');
    assert.ok(kinds.includes('loaded'), kinds.join());
    const consoleLines = got.filter((m) => m.wte === 'console');
    const find = (text) => consoleLines.find((m) => m.text.includes(text));
    assert.deepStrictEqual(find('one'), { wte: 'console', level: 'log', text: 'one {"a":1} [2] 3', line: 6, column: 9, source: 'index.html' });
    assert.strictEqual(find('stored').text, 'stored 1');
    assert.strictEqual(find('stored').level, 'info');
    assert.deepStrictEqual(find('from the file'), { wte: 'console', level: 'warn', text: 'from the file', line: 1, column: 9, source: 'script.js' });
    const error = consoleLines.find((m) => m.level === 'error');
    assert.ok(error, JSON.stringify(consoleLines));
    assert.match(error.text, /null/); // the real message: crossorigin made the script's errors readable
    assert.deepStrictEqual([error.source, error.line], ['script.js', 2]);

    await page.evaluate(() => document.getElementById('preview').contentWindow.postMessage({ wte: 'restore-scroll', x: 0, y: 700 }, '*'));
    await page.waitForFunction(() => window.got.some((m) => m.wte === 'scroll' && m.y === 700), null, { timeout: 5000 });
  } finally {
    await close();
  }
});
