// Starts WTE: checks for WebGL2, downloads the wasm and the fonts with a
// visible progress bar (compiling the wasm as soon as it is in), then loads
// wte.js, which instantiates it (Module.instantiateWasm) and runs main().
// Rare font faces follow after the first screen.
'use strict';

(function () {
  const FONTS = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSans-Italic.ttf',
    'DejaVuSans.ttf', 'DejaVuSansMono.ttf'];
  // Rare faces come after the first screen; the client draws them with a
  // fallback face until they are here (client-wasm/ui/theme.cpp).
  const LATE_FONTS = ['NotoSans-BoldItalic.ttf'];
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

  const wasm = download('wte.wasm', 1300000);
  const fonts = Promise.all(FONTS.map((f) => download('fonts/' + f, 60000).then((b) => (WTE.fonts[f] = b))));

  // After the first screen is drawn (bridge.js markReady), so rebuilding the
  // font atlas for them never delays it; not in the progress bar.
  function fetchLateFonts() {
    for (const f of LATE_FONTS) {
      fetch('fonts/' + f, { credentials: 'same-origin', cache: 'no-cache' })
        .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(f + ' answered ' + r.status))))
        .then((b) => (WTE.fonts[f] = new Uint8Array(b))) // the client looks each frame
        .catch((e) => console.warn('WTE: ' + e.message + '; drawn with a fallback face'));
    }
  }

  window.addEventListener('wte-ready', fetchLateFonts, { once: true });

  // Compiled while the fonts still arrive.
  const compiled = wasm.then((bytes) => WebAssembly.compile(bytes));

  Promise.all([compiled, fonts])
    .then(([wasmModule]) => {
      const version = downloads[0].version;
      bar.style.width = '100%';
      text.textContent = 'Starting…';
      window.Module = {
        canvas: document.getElementById('canvas'),
        instantiateWasm(imports, success) {
          WebAssembly.instantiate(wasmModule, imports)
            .then((instance) => success(instance, wasmModule))
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
