// Starts WTE: checks for WebGL2, downloads the wasm and the fonts with a
// visible progress bar, then loads wte.js, which compiles the downloaded
// wasm (Module.instantiateWasm) and runs main().
'use strict';

(function () {
  const FONTS = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSans-Italic.ttf',
    'NotoSans-BoldItalic.ttf', 'DejaVuSans.ttf', 'DejaVuSansMono.ttf'];
  const loading = document.getElementById('loading');
  const bar = document.getElementById('loading-bar');
  const text = document.getElementById('loading-text');
  const retry = document.getElementById('loading-retry');

  let failed = false;
  function fail(message) {
    failed = true;
    loading.classList.add('failed');
    bar.style.width = '100%';
    text.textContent = message;
    retry.hidden = false;
  }
  retry.addEventListener('click', () => window.location.reload());

  const probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) {
    fail('WTE needs WebGL2, which this browser does not offer (or it is switched off). ' +
         'Please use a current Firefox, Chrome, Edge or Safari with hardware acceleration on.');
    return;
  }

  // Progress over all downloads; sizes from Content-Length when the server
  // sends it (a compressed answer may not: then the bar grows by bytes seen).
  const downloads = [];
  function showProgress() {
    let got = 0;
    let total = 0;
    for (const d of downloads) {
      got += d.received;
      total += Math.max(d.total, d.received);
    }
    const pct = total > 0 ? Math.min(99, Math.floor((got / total) * 100)) : 0;
    if (failed) return;
    bar.style.width = pct + '%';
    text.textContent = 'Downloading WTE… ' + pct + '% (' + (got / 1048576).toFixed(1) + ' MB)';
  }

  // `estimate`: expected bytes until the server says (keeps the bar honest
  // while a download has not started yet).
  async function download(url, estimate) {
    const d = { received: 0, total: estimate };
    downloads.push(d);
    // Revalidated on every start, so a new deployment is never mixed with a
    // cached half of the old one.
    const response = await fetch(url, { credentials: 'same-origin', cache: 'no-cache' });
    if (!response.ok) throw new Error(url + ' answered ' + response.status);
    d.version = response.headers.get('ETag') || response.headers.get('Last-Modified') || '';
    const encoded = response.headers.get('Content-Encoding');
    const length = Number(response.headers.get('Content-Length') || 0);
    if (!encoded && length > 0) d.total = length;
    if (!response.body) {
      const buf = new Uint8Array(await response.arrayBuffer());
      d.received = buf.length;
      showProgress();
      return buf;
    }
    const reader = response.body.getReader();
    const chunks = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      d.received += value.length;
      showProgress();
    }
    const out = new Uint8Array(d.received);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  const wasm = download('wte.wasm', 700000);
  const fonts = Promise.all(FONTS.map((f) => download('fonts/' + f, 500000).then((b) => (WTE.fonts[f] = b))));

  Promise.all([wasm, fonts])
    .then(([wasmBytes]) => {
      const version = downloads[0].version;
      bar.style.width = '100%';
      text.textContent = 'Starting…';
      window.Module = {
        canvas: document.getElementById('canvas'),
        instantiateWasm(imports, success) {
          WebAssembly.instantiate(wasmBytes, imports)
            .then((r) => success(r.instance, r.module))
            .catch((e) => fail('WTE could not start: ' + e.message));
          return {};
        },
        print: (t) => console.log(t),
        printErr: (t) => console.warn(t),
        onAbort: (what) => fail('WTE stopped unexpectedly (' + what + '). Reload the page to continue.'),
      };
      const script = document.createElement('script');
      // wte.js and wte.wasm are built together: name the script after the
      // wasm's version so a browser cache never pairs old JS with new wasm.
      script.src = 'wte.js' + (version ? '?v=' + encodeURIComponent(version) : '');
      script.onerror = () => fail('WTE could not be loaded (wte.js). Check your connection and retry.');
      document.body.appendChild(script);
    })
    .catch((e) => fail('WTE could not be downloaded: ' + e.message + '. Check your connection and retry.'));
})();
