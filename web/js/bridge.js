// The JavaScript half of client-wasm/platform/bridge.cpp: HTTP (fetch with
// the session cookie and CSRF header), URL hash routing, text input through a
// hidden <textarea> (typing, dead keys / IME composition, paste), clipboard
// copy, the mouse wheel, the page renderer's fetches, image decoding and
// external links, and the UI test bridge window.wteTest.
'use strict';

window.wteTest = {
  ready: false,
  screen: '',
  route: '',
  frame: 0,
  widgets: [],
  texts: [],
};

window.WTE = (function () {
  const textInput = document.getElementById('wte-text-input');
  const canvas = document.getElementById('canvas');
  let textActive = false;

  function runtimeReady() {
    return typeof Module !== 'undefined' && Module.calledRun;
  }

  // Copies a JS string into wasm memory for the duration of one call.
  function withCString(text, fn) {
    const n = Module.lengthBytesUTF8(text) + 1;
    const p = Module._malloc(n);
    Module.stringToUTF8(text, p, n);
    try {
      fn(p, n - 1);
    } finally {
      Module._free(p);
    }
  }

  function deliverHttp(id, status, text) {
    if (!runtimeReady()) return;
    withCString(text, (p, len) => Module._wte_http_done(id, status, p, len));
  }

  function sendText(text) {
    if (!text || !runtimeReady()) return;
    withCString(text, (p) => Module._wte_text_input(p));
  }

  // Asks the client to draw the next frame (it skips frames while idle).
  function wake() {
    if (runtimeReady()) Module._wte_wake();
  }

  function clearTextInput() {
    textInput.value = '';
  }

  // --- text input ---
  textInput.addEventListener('input', (e) => {
    if (e.isComposing) return; // the composed text arrives with compositionend
    const type = e.inputType || 'insertText';
    if ((type === 'insertText' || type === 'insertReplacementText') && e.data) sendText(e.data);
    clearTextInput();
  });
  textInput.addEventListener('compositionend', (e) => {
    sendText(e.data);
    clearTextInput();
  });
  textInput.addEventListener('paste', (e) => {
    e.preventDefault();
    const text = (e.clipboardData || window.clipboardData).getData('text/plain');
    sendText(text.replace(/\r\n?/g, '\n'));
    clearTextInput();
  });
  // Keep the caret in the text field: a click on the canvas must not take
  // the focus away from the hidden textarea.
  canvas.addEventListener('mousedown', (e) => {
    if (textActive) e.preventDefault();
  });
  canvas.addEventListener(
    'wheel',
    (e) => {
      let dy = e.deltaY;
      if (e.deltaMode === 1) dy *= 16;
      else if (e.deltaMode === 2) dy *= window.innerHeight;
      if (runtimeReady()) Module._wte_wheel(dy);
      e.preventDefault();
    },
    { passive: false }
  );
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());

  // --- routing ---
  function hashChanged() {
    if (!runtimeReady()) return;
    withCString(window.location.hash || '', (p) => Module._wte_hash_changed(p));
  }
  window.addEventListener('hashchange', hashChanged);
  window.addEventListener('popstate', hashChanged);

  function fallbackCopy(text) {
    const wasActive = document.activeElement === textInput;
    textInput.value = text;
    textInput.select();
    try {
      document.execCommand('copy');
    } catch (err) {
      console.warn('WTE: copy failed', err);
    }
    clearTextInput();
    if (!wasActive) textInput.blur();
  }

  return {
    fonts: {},

    fetch(id, method, url, body, csrf) {
      const headers = { Accept: 'application/json' };
      if (body) headers['Content-Type'] = 'application/json';
      if (csrf) headers['X-CSRF-Token'] = csrf;
      window
        .fetch(url, {
          method,
          headers,
          body: body || undefined,
          credentials: 'same-origin',
          cache: 'no-store',
        })
        .then((r) => r.text().then((t) => deliverHttp(id, r.status, t)))
        .catch(() => deliverHttp(id, 0, ''));
    },

    // Requests of the page renderer (quiz answers, link titles): the same
    // fetch, answered to the renderer's own queue.
    contentFetch(id, method, url, body, csrf) {
      const headers = { Accept: 'application/json' };
      if (body) headers['Content-Type'] = 'application/json';
      if (csrf) headers['X-CSRF-Token'] = csrf;
      const done = (status, text) => {
        if (!runtimeReady()) return;
        withCString(text, (p, len) => Module._wte_content_http_done(id, status, p, len));
        wake();
      };
      window
        .fetch(url, { method, headers, body: body || undefined, credentials: 'same-origin', cache: 'no-store' })
        .then((r) => r.text().then((t) => done(r.status, t)))
        .catch(() => done(0, ''));
    },

    // An image of the page, decoded by the browser (any format it knows);
    // the renderer uploads the bitmap as a WebGL texture.
    decodeImage(url) {
      return window
        .fetch(url, { credentials: 'same-origin' })
        .then((r) => {
          if (!r.ok) throw new Error(url + ' answered ' + r.status);
          return r.blob();
        })
        .then((blob) => createImageBitmap(blob, { premultiplyAlpha: 'none', colorSpaceConversion: 'default' }))
        .then(
          (bitmap) => {
            wake();
            return bitmap;
          },
          (err) => {
            wake();
            throw err;
          }
        );
    },

    openExternal(url) {
      const w = window.open(url, '_blank', 'noopener,noreferrer');
      if (w) w.opener = null;
    },

    setHash(hash, replace) {
      if (window.location.hash === hash) return;
      if (replace) window.history.replaceState(null, '', hash);
      else window.location.hash = hash;
    },

    textInputState(active, x, y, w, h) {
      textActive = active;
      if (active) {
        textInput.style.left = x + 'px';
        textInput.style.top = y + 'px';
        textInput.style.width = Math.max(1, w) + 'px';
        textInput.style.height = Math.max(1, h) + 'px';
        if (document.activeElement !== textInput) textInput.focus({ preventScroll: true });
      } else if (document.activeElement === textInput) {
        textInput.blur();
      }
    },

    clipboardWrite(text) {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).catch(() => fallbackCopy(text));
      } else {
        fallbackCopy(text);
      }
    },

    publishProbe(json) {
      const p = JSON.parse(json);
      window.wteTest.screen = p.screen;
      window.wteTest.route = p.route;
      window.wteTest.widgets = p.widgets;
      window.wteTest.texts = p.texts;
    },

    markReady() {
      window.wteTest.ready = true;
      const loading = document.getElementById('loading');
      loading.classList.add('done');
      setTimeout(() => (loading.style.display = 'none'), 300);
    },
  };
})();
