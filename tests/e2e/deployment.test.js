// The deployment as Apache2 serves it: the right types, compression and
// cache headers for the bundle, and /api/ proxied with JSON errors intact.
const { test } = require('node:test');
const assert = require('node:assert');
const http = require('node:http');
const zlib = require('node:zlib');

const base = process.env.WTE_BASE_URL || 'http://127.0.0.1:8080';

function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(base + path, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('the wasm binary is served as application/wasm, compressed, revalidated', async () => {
  const plain = await get('/wte.wasm');
  assert.strictEqual(plain.status, 200);
  assert.match(plain.headers['content-type'], /^application\/wasm/);
  assert.strictEqual(plain.headers['cache-control'], 'no-cache');
  assert.ok(plain.headers['etag'], 'an ETag lets browsers revalidate cheaply');
  const gz = await get('/wte.wasm', { 'Accept-Encoding': 'gzip' });
  assert.strictEqual(gz.headers['content-encoding'], 'gzip');
  assert.ok(gz.body.length < plain.body.length * 0.7, `gzip ${gz.body.length} vs ${plain.body.length}`);
});

test('precompressed files go out as they are: their type, gzip, Vary, an ETag and 304s', async () => {
  const files = [
    ['/wte.wasm', /^application\/wasm/, 'no-cache'],
    ['/js/loader.js', /^text\/javascript/, 'no-cache'],
    ['/fonts/NotoSans-Regular.ttf', /^font\/ttf/, 'public, max-age=604800'],
  ];
  for (const [path, type, cache] of files) {
    const gz = await get(path, { 'Accept-Encoding': 'gzip, deflate' });
    assert.strictEqual(gz.status, 200, path);
    assert.match(gz.headers['content-type'], type, path);
    assert.strictEqual(gz.headers['content-encoding'], 'gzip', path);
    assert.match(gz.headers['vary'] || '', /Accept-Encoding/, path);
    assert.strictEqual(gz.headers['cache-control'], cache, path);
    const plain = await get(path);
    assert.strictEqual(plain.headers['content-encoding'], undefined, path);
    assert.ok(zlib.gunzipSync(gz.body).equals(plain.body), `${path}: the .gz twin is the same file`);
    const again = await get(path, { 'Accept-Encoding': 'gzip, deflate', 'If-None-Match': gz.headers.etag });
    assert.strictEqual(again.status, 304, path);
  }
});

test('the page shell and the API come through the same origin', async () => {
  const index = await get('/');
  assert.strictEqual(index.status, 200);
  assert.match(index.headers['content-type'], /text\/html/);
  assert.match(index.body.toString(), /<canvas/);
  const health = await get('/api/v1/health');
  assert.strictEqual(health.status, 200);
  assert.strictEqual(JSON.parse(health.body).status, 'ok');
});

test('API errors pass through the proxy as JSON', async () => {
  const r = await get('/api/v1/parts/1');
  assert.strictEqual(r.status, 401);
  assert.match(r.headers['content-type'], /application\/json/);
  assert.strictEqual(JSON.parse(r.body).error.code, 'unauthorized');
});

function request(method, path, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(base + path, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

test('the preview keeps its own headers through Apache; the app keeps its own', async () => {
  const login = await request('POST', '/api/v1/auth/login', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'student1@example.org', password: 'student1-demo' }),
  });
  assert.strictEqual(login.status, 200);
  const cookie = login.headers['set-cookie'][0].split(';')[0];
  const module = JSON.parse((await request('GET', '/api/v1/parts/1', { headers: { Cookie: cookie } })).body);
  const part = module.children.find((c) => c.title === 'Your Own Home Page').id;
  const workspace = await request('GET', `/api/v1/parts/${part}/workspace`, { headers: { Cookie: cookie } });
  assert.strictEqual(workspace.status, 200);
  const url = JSON.parse(workspace.body).preview_url;

  for (const path of [url, url.replace('index.html', 'style.css'), url.replace('index.html', 'nope.html')]) {
    const r = await get(path);
    assert.strictEqual(r.status, path.endsWith('nope.html') ? 404 : 200, path);
    assert.strictEqual(r.headers['x-frame-options'], undefined, `${path}: the app's X-Frame-Options would hide the frame`);
    assert.strictEqual(r.headers['referrer-policy'], 'no-referrer', path);
    assert.strictEqual(r.headers['cache-control'], 'no-store', path);
    assert.match(r.headers['content-security-policy'], /^sandbox allow-scripts .*frame-ancestors 'self' /, path);
    assert.strictEqual(r.headers['access-control-allow-origin'], '*', path);
  }
  const app = await get('/');
  assert.strictEqual(app.headers['x-frame-options'], 'DENY');
  assert.strictEqual(app.headers['referrer-policy'], 'same-origin');
});
