// The JavaScript half of client-wasm/platform/overlay.cpp (window.WTEOverlay):
// DOM elements (first kind: <iframe>) laid over canvas rectangles given in
// canvas device pixels, with holes cut out where ImGui popups are drawn over
// them, and postMessage from each overlay's own frame queued for the C++ side.
// Style is written only when it changed, so placing every frame costs nothing.
'use strict';

window.WTEOverlay = (function () {
  const canvas = document.getElementById('canvas');
  const overlays = new Map(); // id → { id, el, rect, holes, visible, applied }
  // A chatty frame must not fill memory while nobody takes its messages.
  const MAX_MESSAGES = 1000;
  const messages = [];
  let nextId = 1;
  let lastFocus = null; // what had the keyboard focus before an overlay got it

  function runtimeReady() {
    return typeof Module !== 'undefined' && Module.calledRun;
  }
  function wake() {
    if (runtimeReady() && Module._wte_wake) Module._wte_wake();
  }

  function overlayOf(el) {
    for (const o of overlays.values()) if (o.el === el) return o;
    return null;
  }

  function set(o, prop, value) {
    if (o.applied[prop] === value) return;
    o.applied[prop] = value;
    o.el.style[prop] = value;
  }

  const px = (v) => +v.toFixed(2);

  // The element's box minus the union of the holes, as an even-odd path: the
  // holes are split on a grid of their edges into cells that never overlap
  // (overlapping holes would cancel each other out under even-odd).
  function clipPath(rect, holes, dpr) {
    const W = px(rect.w / dpr);
    const H = px(rect.h / dpr);
    const local = [];
    for (const h of holes) {
      const x0 = Math.max(0, px((h.x - rect.x) / dpr));
      const y0 = Math.max(0, px((h.y - rect.y) / dpr));
      const x1 = Math.min(W, px((h.x + h.w - rect.x) / dpr));
      const y1 = Math.min(H, px((h.y + h.h - rect.y) / dpr));
      if (x1 > x0 && y1 > y0) local.push({ x0, y0, x1, y1 });
    }
    if (local.length === 0) return 'none';
    const edges = (a, b) => [...new Set(local.flatMap((h) => [h[a], h[b]]))].sort((p, q) => p - q);
    const xs = edges('x0', 'x1');
    const ys = edges('y0', 'y1');
    let d = `M0 0H${W}V${H}H0Z`;
    for (let j = 0; j + 1 < ys.length; j++) {
      const covered = (i) =>
        local.some((h) => h.x0 <= xs[i] && h.x1 >= xs[i + 1] && h.y0 <= ys[j] && h.y1 >= ys[j + 1]);
      const cell = (from, to) => (d += `M${xs[from]} ${ys[j]}H${xs[to]}V${ys[j + 1]}H${xs[from]}Z`);
      let start = -1; // first covered cell of the current run
      for (let i = 0; i + 1 < xs.length; i++) {
        const c = covered(i);
        if (c && start < 0) start = i;
        if (!c && start >= 0) {
          cell(start, i);
          start = -1;
        }
      }
      if (start >= 0) cell(start, xs.length - 1);
    }
    return `path(evenodd, "${d}")`;
  }

  function apply(o) {
    if (!o.rect) return;
    const dpr = window.devicePixelRatio || 1;
    const c = canvas.getBoundingClientRect();
    const r = o.rect;
    set(o, 'left', px(c.left + r.x / dpr) + 'px');
    set(o, 'top', px(c.top + r.y / dpr) + 'px');
    set(o, 'width', px(Math.max(0, r.w) / dpr) + 'px');
    set(o, 'height', px(Math.max(0, r.h) / dpr) + 'px');
    set(o, 'clipPath', clipPath(r, o.holes, dpr));
    set(o, 'display', o.visible ? 'block' : 'none');
  }

  // A zoom or a window resize changes devicePixelRatio or the canvas's place.
  window.addEventListener('resize', () => overlays.forEach(apply));

  // An overlay's page may focus itself (autofocus, focus() in a script) and
  // would then receive the keys meant for the app. A click into the frame
  // counts as a user gesture in this page too (user activation reaches the
  // ancestors); focus taken without any gesture goes back to the app. (A
  // frame focusing itself within the seconds after a click on the app keeps
  // the focus: the browser cannot tell us who made that gesture.)
  document.addEventListener('focusin', (e) => {
    if (!overlayOf(e.target)) lastFocus = e.target;
  });
  window.addEventListener('blur', () => {
    setTimeout(() => {
      if (!overlayOf(document.activeElement)) return;
      if (!navigator.userActivation || navigator.userActivation.isActive) return;
      const back = lastFocus && lastFocus.isConnected ? lastFocus : canvas;
      back.focus({ preventScroll: true });
    }, 0);
  });

  window.addEventListener('message', (e) => {
    if (!e.source) return;
    for (const o of overlays.values()) {
      if (e.source !== o.el.contentWindow) continue;
      let text = e.data;
      if (typeof text !== 'string') {
        try {
          text = JSON.stringify(text);
        } catch (err) {
          return;
        }
        if (text === undefined) return;
      }
      messages.push({ id: o.id, text });
      if (messages.length > MAX_MESSAGES) messages.shift();
      wake();
      return;
    }
  });

  return {
    // spec: { src, sandbox, allow, referrerPolicy, title }
    createIframe(spec) {
      const el = document.createElement('iframe');
      // Always sandboxed; an empty list forbids everything.
      el.setAttribute('sandbox', spec.sandbox || '');
      if (spec.allow) el.setAttribute('allow', spec.allow);
      if (spec.referrerPolicy) el.setAttribute('referrerpolicy', spec.referrerPolicy);
      if (spec.title) el.title = spec.title;
      el.tabIndex = -1;
      Object.assign(el.style, {
        position: 'fixed',
        left: '0',
        top: '0',
        width: '0',
        height: '0',
        border: '0',
        margin: '0',
        padding: '0',
        display: 'none',
        zIndex: '1',
      });
      const o = { id: nextId++, el, rect: null, holes: [], visible: false, applied: {} };
      el.src = spec.src;
      document.body.appendChild(el);
      overlays.set(o.id, o);
      return o.id;
    },

    navigate(id, src) {
      const o = overlays.get(id);
      if (o) o.el.src = src;
    },

    // json: the message as JSON text, posted as an object. The target origin
    // is '*' because a sandboxed frame's origin is opaque ("null").
    post(id, json) {
      const o = overlays.get(id);
      if (!o || !o.el.contentWindow) return;
      let message;
      try {
        message = JSON.parse(json);
      } catch (err) {
        return;
      }
      o.el.contentWindow.postMessage(message, '*');
    },

    // rect and holes: { x, y, w, h } in canvas device pixels.
    place(id, rect, holes) {
      const o = overlays.get(id);
      if (!o) return;
      o.rect = rect;
      o.holes = holes;
      apply(o);
    },

    show(id, visible) {
      const o = overlays.get(id);
      if (!o) return;
      o.visible = visible;
      apply(o);
    },

    remove(id) {
      const o = overlays.get(id);
      if (!o) return;
      o.el.remove();
      overlays.delete(id);
      for (let i = messages.length - 1; i >= 0; i--) if (messages[i].id === id) messages.splice(i, 1);
    },

    focused() {
      const o = overlayOf(document.activeElement);
      return o ? o.id : 0;
    },

    nextMessage() {
      return messages.shift() || null;
    },

    element(id) {
      const o = overlays.get(id);
      return o ? o.el : null;
    },
  };
})();
