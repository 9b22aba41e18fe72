// The JavaScript half of client-wasm/platform/files.cpp (window.WTEFiles):
// the browser's file picker, files dropped on the canvas, and downloads.
// Picked and dropped files are read here (File.arrayBuffer) and wait in a
// queue until the C++ side copies them into wasm memory once per frame; the
// frame loop is woken when one is ready.
'use strict';

window.WTEFiles = (function () {
  const canvas = document.getElementById('canvas');
  // Answers nobody took yet (no screen asked): the oldest are dropped so
  // forgotten files do not pile up in memory.
  const MAX_WAITING = 8;
  const queues = { pick: [], drop: [] };
  let current = null; // the answer C++ is copying out (next() .. release())
  let sizeLimit = 32 * 1048576;
  let waitingPick = null; // a request that needs the learner's next gesture
  let hover = { active: false, x: 0, y: 0 };

  function runtimeReady() {
    return typeof Module !== 'undefined' && Module.calledRun;
  }
  function wake() {
    if (runtimeReady() && Module._wte_wake) Module._wte_wake();
  }

  // A drop is meant for the screen it landed on: one no screen took within
  // this time (it landed where files are not taken) is forgotten.
  const DROP_LIFETIME_MS = 3000;

  function push(kind, answer) {
    const q = queues[kind];
    answer.at = performance.now();
    q.push(answer);
    while (q.length > MAX_WAITING) q.shift();
    wake();
  }

  // state: 0 read, 1 larger than the limit (not read), 2 could not be read
  // (a folder, or a file removed meanwhile).
  function readFiles(list) {
    return Promise.all(
      Array.from(list).map((f) => {
        const meta = { name: f.name, type: f.type || '', size: f.size };
        if (f.size > sizeLimit) return Promise.resolve({ ...meta, state: 1, bytes: null });
        return f.arrayBuffer().then(
          (b) => ({ ...meta, state: 0, bytes: new Uint8Array(b) }),
          () => ({ ...meta, state: 2, bytes: null })
        );
      })
    );
  }

  // --- file picker ---
  function openPicker(req) {
    const input = document.createElement('input');
    input.type = 'file';
    if (req.accept) input.accept = req.accept;
    input.multiple = req.multiple;
    input.style.display = 'none';
    document.body.appendChild(input);
    let answered = false;
    const answer = (files) => {
      if (answered) return;
      answered = true;
      input.remove();
      window.removeEventListener('focus', onFocusBack);
      if (!files || files.length === 0) {
        push('pick', { id: req.id, cancelled: true, x: 0, y: 0, files: [] });
        return;
      }
      readFiles(files).then((read) => push('pick', { id: req.id, cancelled: false, x: 0, y: 0, files: read }));
    };
    // Browsers without the input's cancel event: the window gets the focus
    // back when the picker closes; a choice (change) comes before that.
    const onFocusBack = () => setTimeout(() => answer(input.files), 500);
    input.addEventListener('change', () => answer(input.files));
    input.addEventListener('cancel', () => answer(null));
    if (!('oncancel' in input)) window.addEventListener('focus', onFocusBack);
    input.click();
  }

  // ImGui handles a click in the frame after the browser's event, outside the
  // event handler. Chromium, Firefox and Safari still count that as a user
  // gesture (transient activation lasts about a second or more), so the picker
  // opens at once; when the browser says the gesture has expired, the request
  // waits for the next pointerup or key press, whose listener opens it.
  function onGesture(e) {
    if (!waitingPick || (e.type === 'keydown' && e.key === 'Escape')) return;
    const req = waitingPick;
    waitingPick = null;
    openPicker(req);
  }
  window.addEventListener('pointerup', onGesture, true);
  window.addEventListener('keydown', onGesture, true);

  // --- drop target ---
  function carriesFiles(e) {
    const types = e.dataTransfer && e.dataTransfer.types;
    return !!types && Array.prototype.indexOf.call(types, 'Files') >= 0;
  }
  function canvasPoint(e) {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }
  function setHover(active, x, y) {
    if (hover.active === active && hover.x === x && hover.y === y) return;
    hover = { active, x, y };
    if (runtimeReady() && Module._wte_drag_hover) Module._wte_drag_hover(active ? 1 : 0, x, y);
    wake();
  }
  function onDragOver(e) {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    const p = canvasPoint(e);
    setHover(true, p.x, p.y);
  }
  canvas.addEventListener('dragenter', onDragOver);
  canvas.addEventListener('dragover', onDragOver);
  canvas.addEventListener('dragleave', (e) => {
    if (carriesFiles(e)) setHover(false, hover.x, hover.y);
  });
  canvas.addEventListener('drop', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    const p = canvasPoint(e);
    setHover(false, p.x, p.y);
    readFiles(e.dataTransfer.files).then((read) => push('drop', { id: 0, cancelled: false, x: p.x, y: p.y, files: read }));
  });
  // Anywhere else on the page a dropped file must not replace the app.
  window.addEventListener('dragover', (e) => {
    if (e.target === canvas || !carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'none';
  });
  window.addEventListener('drop', (e) => {
    if (carriesFiles(e)) e.preventDefault();
  });

  // --- downloads ---
  function clickLink(href, filename) {
    const a = document.createElement('a');
    a.href = href;
    a.download = filename || '';
    a.rel = 'noopener';
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  return {
    pick(id, accept, multiple) {
      if (waitingPick) push('pick', { id: waitingPick.id, cancelled: true, x: 0, y: 0, files: [] });
      waitingPick = null;
      const req = { id, accept, multiple };
      const active = navigator.userActivation ? navigator.userActivation.isActive : true;
      if (active) openPicker(req);
      else waitingPick = req;
    },

    setSizeLimit(bytes) {
      sizeLimit = bytes;
    },

    // The C++ side takes answers one by one: next() makes the oldest of a
    // kind current and describes it (without bytes), bytes(i) gives file i's
    // content to copy, release() lets it go.
    next(kind) {
      const q = queues[kind];
      if (kind === 'drop') while (q.length && performance.now() - q[0].at > DROP_LIFETIME_MS) q.shift();
      current = q.shift() || null;
      if (!current) return null;
      return JSON.stringify({
        id: current.id,
        cancelled: current.cancelled,
        x: current.x,
        y: current.y,
        files: current.files.map((f) => ({
          name: f.name,
          type: f.type,
          size: f.size,
          state: f.state,
          length: f.bytes ? f.bytes.length : 0,
        })),
      });
    },
    bytes(i) {
      return current.files[i].bytes;
    },
    release() {
      current = null;
    },

    saveBytes(filename, type, bytes) {
      const url = URL.createObjectURL(new Blob([bytes], { type: type || 'application/octet-stream' }));
      clickLink(url, filename);
      // The browser reads the blob when the download starts; keep it a while
      // for browsers that start late.
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    },

    // Same origin only: only then does the browser honour `download` and send
    // the session cookie.
    saveUrl(url, filename) {
      let u;
      try {
        u = new URL(url, window.location.href);
      } catch (err) {
        return false;
      }
      if (u.origin !== window.location.origin) return false;
      clickLink(u.href, filename);
      return true;
    },
  };
})();
