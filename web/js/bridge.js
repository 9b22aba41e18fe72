// The JavaScript half of client-wasm/platform/bridge.cpp: HTTP
// (XMLHttpRequest with the session cookie and CSRF header, byte bodies both
// ways, upload and download progress, abort), URL hash routing, text input
// through a hidden <textarea> (typing, dead keys / IME composition, paste),
// clipboard copy, the pointer (mouse and touch) and the wheel, image decoding
// and external links, tab visibility and the learner's activity (for time on
// page), and the UI test bridge window.wteTest. Every reply wakes the frame loop.
'use strict';

window.wteTest = {
  ready: false,
  screen: '',
  route: '',
  frame: 0,
  // The frame's widgets and texts, whole (web/js/a11y.js keeps them).
  get widgets() {
    return window.WTEA11y ? window.WTEA11y.records().widgets : [];
  },
  get texts() {
    return window.WTEA11y ? window.WTEA11y.records().texts : [];
  },
  // Landmarks, dialogs and rendered pages: {role, label, from, to} over the records' "n".
  get regions() {
    return window.WTEA11y ? window.WTEA11y.records().regions : [];
  },
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

  // Requests in flight by id, so the client can abort them.
  const requests = new Map();

  function deliverHttp(id, status, bytes, contentType, etag) {
    if (!requests.has(id)) return; // aborted
    requests.delete(id);
    if (!runtimeReady()) return;
    const n = bytes ? bytes.length : 0;
    const p = Module._malloc(Math.max(1, n));
    if (n) Module.HEAPU8.set(bytes, p);
    try {
      withCString(contentType || '', (ct) =>
        withCString(etag || '', (et) => Module._wte_http_done(id, status, p, n, ct, et)));
    } finally {
      Module._free(p);
    }
    wake();
  }

  function progress(id, upload, e) {
    if (!runtimeReady() || !requests.has(id)) return;
    Module._wte_http_progress(id, upload ? 1 : 0, e.loaded, e.lengthComputable ? e.total : 0);
    wake();
  }

  function sendText(text) {
    if (!text || !runtimeReady()) return;
    withCString(text, (p) => Module._wte_text_input(p));
  }

  // Asks the client to draw the next frame (it skips frames while idle).
  function wake() {
    if (runtimeReady()) Module._wte_wake();
  }

  // Between keystrokes the <textarea> holds the code editor's caret line, or
  // the lines its selection spans with that part selected (a screen reader
  // reads it; web/js/a11y.js sets it), else nothing: what is typed is taken
  // from each input event and the text put back.
  let line = { text: '', start: 0, end: 0, backward: false };
  let composing = false;

  // The browser's colour scheme, followed live: a change redraws in the new look.
  const darkScheme = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  let prefersDark = !!(darkScheme && darkScheme.matches);
  if (darkScheme)
    darkScheme.addEventListener('change', (e) => {
      prefersDark = e.matches;
      wake();
    });

  // The UI's zoom (Ctrl + / − / 0): the steps browsers use, 50–200 %, kept
  // for the next visit. The browser's own zoom (devicePixelRatio) works beside it.
  const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];
  let uiZoom = 1;
  try {
    const kept = parseFloat(window.localStorage.getItem('wte.zoom'));
    if (ZOOM_STEPS.includes(kept)) uiZoom = kept;
  } catch (e) {}
  function setZoom(z) {
    uiZoom = z;
    window.wteTest.zoom = z;
    try {
      window.localStorage.setItem('wte.zoom', String(z));
    } catch (e) {}
    wake();
  }
  function zoomKey(e) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return false;
    const i = ZOOM_STEPS.indexOf(uiZoom);
    if (e.key === '+' || e.key === '=' || e.code === 'NumpadAdd')
      setZoom(ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, i + 1)]);
    else if (e.key === '-' || e.key === '_' || e.code === 'NumpadSubtract')
      setZoom(ZOOM_STEPS[Math.max(0, i - 1)]);
    else if (e.key === '0' || e.code === 'Numpad0') setZoom(1);
    else return false;
    return true;
  }
  window.wteTest.zoom = uiZoom;

  function clearTextInput() {
    if (composing) return;
    textInput.value = line.text;
    if (line.text) textInput.setSelectionRange(line.start, line.end, line.backward ? 'backward' : 'forward');
  }

  // --- text input ---
  textInput.addEventListener('compositionstart', () => (composing = true));
  textInput.addEventListener('input', (e) => {
    if (e.isComposing) return; // the composed text arrives with compositionend
    const type = e.inputType || 'insertText';
    if ((type === 'insertText' || type === 'insertReplacementText') && e.data) sendText(e.data);
    clearTextInput();
  });
  textInput.addEventListener('compositionend', (e) => {
    composing = false;
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

  // --- pointer: every event goes to C++ with its own position (canvas
  // device pixels), so a press lands where it happened even without a move
  // before it. Touch: a tap is a press and release where the finger was; a
  // drag scrolls like the wheel; a long press presses there and the drag
  // that follows selects text. ---
  const POINTER = { move: 0, press: 1, release: 2, leave: 3 };
  const TAP_SLOP_CSS = 10;
  const LONG_PRESS_MS = 500;
  let touch = null; // { id, x, y, lastY, mode: 'pending' | 'scroll' | 'select', timer }
  let mouseButtons = 0; // DOM `buttons` bits last sent

  function sendPointer(kind, e, button) {
    if (!runtimeReady()) return;
    const r = canvas.getBoundingClientRect();
    const sx = r.width > 0 ? canvas.width / r.width : 1;
    const sy = r.height > 0 ? canvas.height / r.height : 1;
    Module._wte_pointer(kind, (e.clientX - r.left) * sx, (e.clientY - r.top) * sy, button || 0);
  }
  // DOM buttons: 0 left, 1 middle, 2 right; ImGui: 0 left, 1 right, 2 middle.
  const imguiButton = (b) => (b === 1 ? 2 : b === 2 ? 1 : b);
  const DOM_BIT = [1, 4, 2]; // `buttons` bit of DOM button 0, 1, 2

  function touchEnd(e, cancelled) {
    if (!touch || e.pointerId !== touch.id) return;
    clearTimeout(touch.timer);
    if (touch.mode === 'pending' && !cancelled) {
      sendPointer(POINTER.press, e, 0);
      sendPointer(POINTER.release, e, 0);
    } else if (touch.mode === 'select') {
      sendPointer(POINTER.release, e, 0);
    }
    sendPointer(POINTER.leave, e, 0); // no hover left behind by a finger
    touch = null;
  }

  canvas.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'touch') {
      e.preventDefault(); // no emulated mouse events after the touch
      if (touch) return; // a second finger
      sendPointer(POINTER.move, e, 0);
      const t = { id: e.pointerId, x: e.clientX, y: e.clientY, lastY: e.clientY, mode: 'pending' };
      t.timer = setTimeout(() => {
        if (touch !== t || t.mode !== 'pending') return;
        t.mode = 'select';
        sendPointer(POINTER.press, { clientX: t.x, clientY: t.y }, 0);
      }, LONG_PRESS_MS);
      touch = t;
      return;
    }
    try {
      canvas.setPointerCapture(e.pointerId);
    } catch (err) {}
    mouseButtons |= DOM_BIT[e.button] || 0;
    sendPointer(POINTER.press, e, imguiButton(e.button));
  });
  canvas.addEventListener('pointermove', (e) => {
    if (e.pointerType === 'touch') {
      if (!touch || e.pointerId !== touch.id) return;
      if (touch.mode === 'pending' &&
          Math.hypot(e.clientX - touch.x, e.clientY - touch.y) > TAP_SLOP_CSS) {
        touch.mode = 'scroll';
        clearTimeout(touch.timer);
      }
      if (touch.mode === 'scroll') {
        if (runtimeReady()) Module._wte_wheel(touch.lastY - e.clientY);
      } else if (touch.mode === 'select') {
        sendPointer(POINTER.move, e, 0);
      }
      touch.lastY = e.clientY;
      return;
    }
    // A second mouse button pressed or released while another is held.
    if (e.button >= 0 && e.button <= 2) {
      const bit = DOM_BIT[e.button];
      const down = (e.buttons & bit) !== 0;
      if (down !== ((mouseButtons & bit) !== 0)) {
        mouseButtons ^= bit;
        sendPointer(down ? POINTER.press : POINTER.release, e, imguiButton(e.button));
        return;
      }
    }
    sendPointer(POINTER.move, e, 0);
  });
  canvas.addEventListener('pointerup', (e) => {
    if (e.pointerType === 'touch') return touchEnd(e, false);
    mouseButtons &= ~(DOM_BIT[e.button] || 0);
    sendPointer(POINTER.release, e, imguiButton(e.button));
  });
  canvas.addEventListener('pointercancel', (e) => {
    if (e.pointerType === 'touch') return touchEnd(e, true);
    for (let b = 0; b <= 2; b++)
      if (mouseButtons & DOM_BIT[b]) sendPointer(POINTER.release, e, imguiButton(b));
    mouseButtons = 0;
  });
  canvas.addEventListener('pointerleave', (e) => {
    if (e.pointerType !== 'touch' && mouseButtons === 0) sendPointer(POINTER.leave, e, 0);
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
  // Ctrl+S / Cmd+S saves the learner's file or the teacher's page (the client
  // sees the key through GLFW); the browser's "Save page as" must never open
  // over the editor. Ctrl+B / I / K are the content editor's bold, italic and
  // code, not the browser's bookmarks bar, page info or search box.
  window.addEventListener(
    'keydown',
    (e) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && /^[sbikSBIK]$/.test(e.key)) e.preventDefault();
      // Ctrl + / − / 0 zoom the UI, not the page around it.
      if (zoomKey(e)) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
      // F1 opens the app's help, not the browser's.
      if (e.key === 'F1') e.preventDefault();
    },
    true
  );
  // Unsaved text in the content editor: the browser asks before leaving.
  window.addEventListener('beforeunload', (e) => {
    if (!window.WTE || !window.WTE.leaveWarning) return;
    e.preventDefault();
    e.returnValue = '';
  });

  // --- is the learner there: visibility (told at once, so the client can
  // send what it counted while the page may still close) and activity ---
  function visibilityChanged(visible) {
    if (runtimeReady()) Module._wte_visibility(visible ? 1 : 0);
  }
  document.addEventListener('visibilitychange', () =>
    visibilityChanged(document.visibilityState !== 'hidden'));
  window.addEventListener('pagehide', () => visibilityChanged(false));
  let lastActivity = 0;
  function activity() {
    const now = Date.now() / 1000;
    if (now - lastActivity < 1 || !runtimeReady()) return; // one a second is enough
    lastActivity = now;
    Module._wte_activity(now);
  }
  for (const type of ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'])
    window.addEventListener(type, activity, { capture: true, passive: true });

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
    prefersDark: () => prefersDark,
    uiZoom: () => uiZoom,
    leaveWarning: false, // set by the client (platform::set_leave_warning)

    // body: a Uint8Array or null; the reply arrives as bytes with its type.
    // keepalive: fetch that outlives the page (time sent while the tab closes).
    // ifMatch: the file version a save is meant for (If-Match).
    fetch(id, method, url, body, contentType, csrf, keepalive, ifMatch) {
      if (keepalive) {
        const headers = { Accept: 'application/json' };
        if (body && contentType) headers['Content-Type'] = contentType;
        if (csrf) headers['X-CSRF-Token'] = csrf;
        if (ifMatch) headers['If-Match'] = ifMatch;
        requests.set(id, null);
        window
          .fetch(url, { method, body: body || undefined, headers, credentials: 'same-origin', keepalive: true })
          .then((r) => r.arrayBuffer().then((b) => deliverHttp(id, r.status, new Uint8Array(b), r.headers.get('Content-Type'), r.headers.get('ETag'))))
          .catch(() => deliverHttp(id, 0, null, ''));
        return;
      }
      const xhr = new XMLHttpRequest();
      requests.set(id, xhr);
      xhr.open(method, url, true);
      xhr.responseType = 'arraybuffer';
      xhr.withCredentials = true;
      xhr.setRequestHeader('Accept', 'application/json');
      if (body && contentType) xhr.setRequestHeader('Content-Type', contentType);
      if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
      if (ifMatch) xhr.setRequestHeader('If-Match', ifMatch);
      xhr.upload.onprogress = (e) => progress(id, true, e);
      xhr.onprogress = (e) => progress(id, false, e);
      xhr.onload = () =>
        deliverHttp(id, xhr.status, new Uint8Array(xhr.response || new ArrayBuffer(0)),
                    xhr.getResponseHeader('Content-Type'), xhr.getResponseHeader('ETag'));
      xhr.onerror = () => deliverHttp(id, 0, null, '');
      xhr.ontimeout = () => deliverHttp(id, 0, null, '');
      xhr.send(body || null);
    },

    // The client gave up on a request: no reply follows.
    abort(id) {
      const xhr = requests.get(id);
      requests.delete(id);
      if (xhr === null) return; // a keepalive fetch: let it finish, drop its reply
      if (xhr) {
        xhr.onload = xhr.onerror = xhr.ontimeout = xhr.onprogress = xhr.upload.onprogress = null;
        xhr.abort();
      }
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

    // start..end: the selection within `text` (equal: the caret); backward:
    // the caret is at its start.
    setTextInputLine(text, start, end, backward) {
      line = { text, start, end, backward };
      const stale = textInput.value !== text ||
        (text && (textInput.selectionStart !== start || textInput.selectionEnd !== end));
      if (document.activeElement === textInput && stale) clearTextInput();
    },

    // A text field (or the code editor) has the caret. A field is edited in
    // its own mirror element (web/js/a11y.js), which then keeps the focus;
    // the hidden <textarea> serves the code editor.
    textInputState(active, x, y, w, h) {
      const was = textActive;
      textActive = active;
      const mirror = window.WTEA11y;
      if (active) {
        textInput.style.left = x + 'px';
        textInput.style.top = y + 'px';
        textInput.style.width = Math.max(1, w) + 'px';
        textInput.style.height = Math.max(1, h) + 'px';
        if (document.activeElement !== textInput && !mirror.ownsTextEntry()) {
          textInput.focus({ preventScroll: true });
          clearTextInput();
        }
      } else {
        if (document.activeElement === textInput) textInput.blur();
        if (was) mirror.textEntryEnded();
      }
    },

    clipboardWrite(text) {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).catch(() => fallbackCopy(text));
      } else {
        fallbackCopy(text);
      }
    },

    // The client sends a whole frame or what changed (ui/probe_delta.hpp);
    // the mirror keeps the records, window.wteTest sees them whole.
    publishProbe(json) {
      const p = JSON.parse(json);
      window.wteTest.screen = p.screen;
      window.wteTest.route = p.route;
      window.WTEA11y.update(p);
    },

    // tests/bench: ms the wasm reST parser takes for `text` (mean of `runs`).
    benchParse(text, runs = 1) {
      let ms = 0;
      withCString(text, (p) => (ms = Module._wte_bench_parse(p, runs)));
      return ms;
    },

    markReady() {
      window.wteTest.ready = true;
      window.dispatchEvent(new Event('wte-ready'));
      const loading = document.getElementById('loading');
      loading.classList.add('done');
      setTimeout(() => (loading.style.display = 'none'), 300);
    },
  };
})();
