// The deployment as Apache2 serves it: the right types, compression and
// cache headers for the bundle, and /api/ proxied with JSON errors intact.
const { test } = require('node:test');
const assert = require('node:assert');
const http = require('node:http');

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
