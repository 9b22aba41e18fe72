// The accessibility mirror (window.WTEA11y): the canvas is pixels, so the
// widgets and texts each frame drew (the same records as window.wteTest,
// client-wasm/ui/probe.hpp) become hidden-but-accessible DOM nodes in
// <div id="wte-a11y">, each with its role, name and state, placed over its
// rectangle on the canvas so a screen reader's highlight lands on it.
// Kept in step by diffing, never rebuilt: a node is keyed by kind + label +
// occurrence and only what changed is written (a frame without change writes
// nothing; see stats.mutations). The way back: clicking a node (Enter, Space,
// a screen reader's action) presses its widget, focusing a node gives the
// widget ImGui's keyboard focus, and ImGui's focus moving (arrow keys, a text
// field's Tab) moves the DOM focus along. Messages the client marks
// (saved, errors, quiz results) are told through live regions. A rendered
// page is mirrored whole as semantic HTML (the shared HTML writer, handed
// over once per page text) in place of its drawn records: headings, lists,
// tables, code and math read as a web page does, its links lead to the
// app's routes and its quiz is answered through the page renderer.
'use strict';

window.WTEA11y = (function () {
  const root = document.getElementById('wte-a11y');
  const layer = document.getElementById('wte-a11y-layer');
  const statusRegion = document.getElementById('wte-a11y-status');
  const alertRegion = document.getElementById('wte-a11y-alert');
  const skip = document.getElementById('wte-a11y-skip');
  const canvas = document.getElementById('canvas');
  const textInput = document.getElementById('wte-text-input');

  const stats = { frames: 0, mutations: 0, lastMutations: 0, lastMs: 0, maxMs: 0 };
  let keyboardUser = false; // the last input was a key, not the pointer
  let lastFocusedKey = ''; // the widget ImGui had focused in the last frame
  let pendingFocus = null; // { key, until }: a focus the mirror asked ImGui for
  let lastActive = null; // document.activeElement after the last frame
  let announced = new Set(); // messages shown in the last frame
  let mainEl = null;
  let nodesById = new Map(); // ImGui id → node of this frame
  const documents = new Map(); // page HTML by key (ui/probe.hpp document_html)

  function runtimeReady() {
    return typeof Module !== 'undefined' && Module.calledRun;
  }

  // --- writing the DOM only where it differs (each write is counted) ---
  function setAttr(el, name, value) {
    const v = value === undefined || value === null || value === false ? null : String(value);
    const cache = el._wteAttrs || (el._wteAttrs = {});
    if (cache[name] === v) return;
    cache[name] = v;
    if (v === null) el.removeAttribute(name);
    else el.setAttribute(name, v);
    stats.lastMutations++;
  }
  function setProp(el, name, value) {
    const cache = el._wteProps || (el._wteProps = {});
    if (cache[name] === value) return;
    cache[name] = value;
    el[name] = value;
    stats.lastMutations++;
  }
  function setText(el, text) {
    if (el._wteText === text) return;
    el._wteText = text;
    el.textContent = text;
    stats.lastMutations++;
  }
  function setRect(el, r) {
    const s = r ? `${r[0]},${r[1]},${r[2]},${r[3]}` : '';
    if (el._wteRect === s) return;
    el._wteRect = s;
    if (r) {
      el.style.left = r[0] + 'px';
      el.style.top = r[1] + 'px';
      el.style.width = Math.max(1, r[2]) + 'px';
      el.style.height = Math.max(1, r[3]) + 'px';
    }
    stats.lastMutations++;
  }

  // --- what a widget becomes: a real element where HTML has one ---
  function widgetDesc(w) {
    const name = w.label || w.kind;
    const d = {
      kind: w.kind,
      id: w.id || 0,
      enabled: w.enabled !== false,
      rect: w.visible || [w.x, w.y, w.w, w.h],
      attrs: { 'aria-disabled': w.enabled === false ? 'true' : null },
      props: {},
      text: null,
      focused: !!w.focused,
    };
    switch (w.kind) {
      case 'button':
      case 'handle':
        d.tag = 'button';
        d.attrs.type = 'button';
        d.text = name;
        if (w.expanded !== undefined) d.attrs['aria-expanded'] = String(!!w.expanded);
        if (w.kind === 'handle') d.attrs['aria-roledescription'] = 'drag handle';
        break;
      case 'tab':
        d.tag = 'button';
        d.attrs.type = 'button';
        d.attrs.role = 'tab';
        d.attrs['aria-selected'] = String(!!w.checked);
        d.text = name;
        break;
      case 'link':
        d.tag = 'a';
        d.attrs.href = '#';
        d.attrs['aria-current'] = w.checked ? 'true' : null;
        d.text = name;
        break;
      case 'checkbox':
      case 'radio':
        d.tag = 'input';
        d.type = w.kind;
        d.attrs['aria-label'] = name;
        d.props.checked = !!w.checked;
        break;
      case 'input':
        d.tag = 'input';
        d.type = w.password ? 'password' : 'text';
        d.attrs['aria-label'] = name;
        d.attrs.autocomplete = 'off';
        d.props.value = w.value || '';
        break;
      case 'progress':
        d.tag = 'div';
        d.attrs.role = 'progressbar';
        d.attrs['aria-label'] = name;
        d.attrs['aria-valuemin'] = '0';
        d.attrs['aria-valuemax'] = w.max;
        d.attrs['aria-valuenow'] = w.value;
        break;
      case 'console':
        d.tag = 'div';
        d.attrs.role = 'log';
        d.attrs['aria-label'] = name;
        d.text = w.value || '';
        break;
      case 'chart':
        d.tag = 'div';
        d.attrs.role = 'img';
        d.attrs['aria-label'] = w.value ? `${name}: ${w.value}` : name;
        break;
      case 'stat':
        d.tag = 'p';
        d.text = `${name}: ${w.value}`;
        break;
      case 'splitter':
        d.tag = 'div';
        d.attrs.role = 'separator';
        d.attrs['aria-orientation'] = 'vertical';
        d.attrs['aria-label'] = name;
        break;
      default:
        d.tag = 'span';
        d.text = name;
    }
    return d;
  }

  function textDesc(t) {
    const r = t.visible || [t.x, t.y, t.w, t.h];
    if (t.heading) return { kind: 'h' + t.heading, tag: 'h' + t.heading, text: t.text, rect: r, attrs: {}, props: {} };
    return { kind: 'text', tag: 'p', text: t.text, rect: r, attrs: {}, props: {} };
  }

  const REGION_TAG = { banner: 'header', main: 'main', complementary: 'aside', dialog: 'div', document: 'article' };

  // The frame's records as a tree: landmarks and dialogs hold their records
  // in draw order; runs of tabs and radios are grouped (a tablist, a radio group).
  function describe(probe) {
    const items = [];
    const labelled = new Map(); // label → widgets, to drop texts a widget already says
    for (const w of probe.widgets || []) {
      const list = labelled.get(w.label);
      if (list) list.push(w);
      else labelled.set(w.label, [w]);
      items.push({ n: w.n, desc: widgetDesc(w) });
    }
    for (const t of probe.texts || []) {
      if (!t.text || t.text.startsWith('selection:')) continue;
      const same = labelled.get(t.text);
      if (same) {
        const cx = t.x + t.w / 2, cy = t.y + t.h / 2;
        if (same.some((w) => cx >= w.x - 1 && cx <= w.x + w.w + 1 && cy >= w.y - 1 && cy <= w.y + w.h + 1)) continue;
      }
      items.push({ n: t.n, desc: textDesc(t) });
    }
    items.sort((a, b) => a.n - b.n);

    const regions = (probe.regions || []).slice().sort((a, b) => a.from - b.from || b.to - a.to);
    const top = { children: [] };
    const stack = [{ node: top, to: Infinity }];
    let next = 0;
    function openRegionsUpTo(n) {
      while (next < regions.length && regions[next].from <= n) {
        const r = regions[next++];
        while (stack[stack.length - 1].to <= r.from) stack.pop();
        if (r.role === 'document') {
          // The page's HTML stands for every record the renderer made.
          const doc = { kind: 'document', tag: 'article', attrs: {}, props: {}, rect: [r.x, r.y, r.w, r.h],
            docKey: r.key, chosen: r.chosen || {} };
          stack[stack.length - 1].node.children.push(doc);
          stack.push({ node: { children: [] }, to: r.to });
          continue;
        }
        const node = {
          kind: 'region:' + r.role,
          label: r.label,
          tag: REGION_TAG[r.role] || 'div',
          attrs: {
            role: r.role === 'dialog' ? 'dialog' : r.role === 'banner' ? 'banner' : null,
            'aria-label': r.label || null,
          },
          props: {},
          children: [],
          region: r.role,
        };
        stack[stack.length - 1].node.children.push(node);
        stack.push({ node, to: r.to });
      }
    }
    for (const it of items) {
      openRegionsUpTo(it.n);
      while (stack[stack.length - 1].to <= it.n) stack.pop();
      stack[stack.length - 1].node.children.push(it.desc);
    }
    openRegionsUpTo(Infinity);
    group(top);
    return top.children;
  }

  function group(node) {
    if (!node.children) return;
    const out = [];
    for (const c of node.children) {
      group(c);
      const kind = c.kind === 'tab' ? 'tablist' : c.kind === 'radio' ? 'radiogroup' : null;
      const last = out[out.length - 1];
      if (kind && last && last.kind === kind) {
        last.children.push(c);
      } else if (kind) {
        out.push({ kind, tag: 'div', attrs: { role: kind }, props: {}, children: [c] });
      } else {
        out.push(c);
      }
    }
    node.children = out;
  }

  // Keys: kind + label (+ the occurrence among equals), so a node keeps its
  // identity (and a screen reader its place) while the frame around it changes.
  function keyOf(d, seen) {
    const base = d.kind + '\u0001' + (d.children ? d.label || '' : d.text || d.attrs['aria-label'] || '');
    const n = seen.get(base) || 0;
    seen.set(base, n + 1);
    return base + '\u0001' + n;
  }

  function create(d) {
    const el = document.createElement(d.tag);
    if (d.type) el.type = d.type;
    el._wteTag = d.tag + (d.type || '');
    if (d.kind === 'document') el.className = 'wte-a11y-doc';
    else if (!d.children) el.className = 'wte-a11y-node';
    stats.lastMutations++;
    return el;
  }

  let focusLost = false;

  function reconcile(parent, descs, groupName) {
    const old = parent._wteKids || new Map();
    const kids = new Map();
    const els = [];
    const seen = new Map();
    for (const d of descs) {
      const key = keyOf(d, seen);
      let el = old.get(key);
      if (el && el._wteTag !== d.tag + (d.type || '')) el = null;
      if (!el) el = create(d);
      el._wte = d;
      el._wteKey = key;
      for (const a in d.attrs) setAttr(el, a, d.attrs[a]);
      if (d.type === 'radio') setAttr(el, 'name', groupName);
      for (const p in d.props) setProp(el, p, d.props[p]);
      if (d.text !== null && d.text !== undefined) setText(el, d.text);
      if (d.rect) setRect(el, d.rect);
      if (d.docKey !== undefined) fillDocument(el, d);
      if (d.id) nodesById.set(d.id, el);
      if (d.region === 'main') {
        setAttr(el, 'id', 'wte-a11y-main');
        setAttr(el, 'tabindex', '-1');
        mainEl = el;
      }
      if (d.children) reconcile(el, d.children, groupName + '/' + key);
      kids.set(key, el);
      els.push(el);
    }
    for (const [key, el] of old) {
      if (kids.get(key) === el) continue;
      if (el.contains(document.activeElement)) focusLost = true;
      el.remove();
      stats.lastMutations++;
    }
    let ref = parent.firstChild;
    for (const el of els) {
      if (el === ref) {
        ref = ref.nextSibling;
        continue;
      }
      if (el.contains(document.activeElement)) focusLost = true;
      parent.insertBefore(el, ref);
      stats.lastMutations++;
    }
    parent._wteKids = kids;
  }

  // --- a page as HTML: filled once per page text, its quiz inputs kept in
  // step with the answers the renderer holds ---
  function fillDocument(el, d) {
    if (el._wteDoc !== d.docKey) {
      const html = documents.get(d.docKey);
      if (html === undefined) return;
      el._wteDoc = d.docKey;
      el.innerHTML = html;
      stats.lastMutations++;
      for (const a of el.querySelectorAll('a[href^="http"]')) a.target = '_blank';
      el._wteInputs = Array.from(el.querySelectorAll('form.quiz input')).map((input) => {
        const fieldset = input.closest('fieldset');
        return {
          input,
          name: input.closest('form').dataset.quiz + '/' + fieldset.dataset.question,
          index: Array.prototype.indexOf.call(fieldset.querySelectorAll('input'), input),
        };
      });
    }
    for (const q of el._wteInputs) setProp(q.input, 'checked', (d.chosen[q.name] || []).includes(q.index));
  }

  function sendQuiz(article, form, question, answer) {
    if (!runtimeReady() || !article || !form) return;
    const key = article._wteDoc;
    const withString = (s, fn) => {
      const n = Module.lengthBytesUTF8(s) + 1;
      const p = Module._malloc(n);
      Module.stringToUTF8(s, p, n);
      try {
        fn(p);
      } finally {
        Module._free(p);
      }
    };
    withString(form.dataset.quiz || '', (q) => withString(question || '', (n) => Module._wte_mirror_quiz(key, q, n, answer)));
    Module._wte_wake();
  }

  // A click in a page's quiz: an answer chosen, or Check answers.
  function documentClick(e) {
    const article = e.target.closest && e.target.closest('article.wte-a11y-doc');
    if (!article) return false;
    const form = e.target.closest('form.quiz');
    if (!form) return false; // links lead where they say
    if (e.target.tagName === 'INPUT') {
      e.preventDefault();
      const entry = (article._wteInputs || []).find((q) => q.input === e.target);
      if (entry) sendQuiz(article, form, e.target.closest('fieldset').dataset.question, entry.index);
      return true;
    }
    if (e.target.closest('button')) {
      e.preventDefault();
      sendQuiz(article, form, '', -1);
      return true;
    }
    return false;
  }

  // --- announcements: a message is told once, when it appears ---
  function announce(list) {
    const now = new Set();
    for (const m of list || []) {
      const k = m.live + '\u0001' + m.text;
      now.add(k);
      if (announced.has(k)) continue;
      const region = m.live === 'alert' ? alertRegion : statusRegion;
      // A fresh text node so the same words said again are told again.
      region.textContent = '';
      region.textContent = m.text;
      stats.lastMutations += 2;
    }
    announced = now;
  }

  // --- focus, both ways ---
  function syncFocus(el) {
    if (!el || document.activeElement === el) return;
    el._wteSyncing = true;
    el.focus({ preventScroll: true });
    el._wteSyncing = false;
  }

  function leafOf(target) {
    const el = target && target.closest ? target.closest('.wte-a11y-node') : null;
    return el && layer.contains(el) ? el : null;
  }

  function sendPointerClick(rect) {
    const r = canvas.getBoundingClientRect();
    const sx = r.width > 0 ? canvas.width / r.width : 1;
    const sy = r.height > 0 ? canvas.height / r.height : 1;
    const x = (rect[0] + rect[2] / 2 - r.left) * sx, y = (rect[1] + rect[3] / 2 - r.top) * sy;
    Module._wte_pointer(0, x, y, 0);
    Module._wte_pointer(1, x, y, 0);
    Module._wte_pointer(2, x, y, 0);
    Module._wte_pointer(3, x, y, 0);
  }

  function activate(el) {
    const d = el._wte;
    if (!d || !d.enabled || !runtimeReady()) return;
    if (d.id) Module._wte_mirror_activate(d.id, d.kind === 'input' ? 1 : 0);
    else if (d.rect) sendPointerClick(d.rect);
    Module._wte_wake();
  }

  layer.addEventListener('click', (e) => {
    if (documentClick(e)) return;
    const el = leafOf(e.target);
    if (!el) return;
    // The mirror's own defaults (a link's "#", a checkbox ticking itself)
    // must not run: the widget decides and the next frame shows the result.
    e.preventDefault();
    activate(el);
  });

  layer.addEventListener('focusin', (e) => {
    const el = leafOf(e.target);
    if (!el || el._wteSyncing || !el._wte || !el._wte.id || !runtimeReady()) return;
    pendingFocus = { key: el._wteKey, until: stats.frames + 5 };
    if (el._wte.kind === 'input') Module._wte_mirror_activate(el._wte.id, 1);
    else Module._wte_mirror_focus(el._wte.id);
    Module._wte_wake();
  });

  // Characters typed into a mirror field before the client took the caret.
  layer.addEventListener('input', (e) => {
    const el = leafOf(e.target);
    if (!el || el.tagName !== 'INPUT' || !runtimeReady()) return;
    if (e.data) {
      const text = e.data;
      const n = Module.lengthBytesUTF8(text) + 1;
      const p = Module._malloc(n);
      Module.stringToUTF8(text, p, n);
      Module._wte_text_input(p);
      Module._free(p);
    }
    el.value = el._wteProps ? el._wteProps.value || '' : '';
  });

  // Enter in a quiz, or its button: checked by the renderer, never a form submission.
  layer.addEventListener('submit', (e) => {
    e.preventDefault();
    const form = e.target;
    sendQuiz(form.closest('article.wte-a11y-doc'), form, '', -1);
  });

  skip.addEventListener('click', (e) => {
    e.preventDefault();
    if (mainEl) mainEl.focus();
  });

  // The next or previous node a Tab reaches, in the mirror's order.
  function tabbables() {
    return Array.from(root.querySelectorAll('a[href], button, input')).filter((el) => el.tabIndex >= 0 && !el.disabled);
  }

  // Keys: on a mirror node the browser moves the focus (Tab) and clicks
  // (Enter, Space), so the client must not see those keys as well. Tab on the
  // bare page enters the mirror; Tab in a text field goes on to the node
  // after that field. Registered before the client's GLFW listeners.
  function onKey(e) {
    const t = e.target;
    // A radio group moves its choice with the arrow keys itself.
    const arrow = e.key.startsWith('Arrow') && t.type === 'radio';
    const own = e.key === 'Tab' || e.key === 'Enter' || e.key === ' ' || arrow;
    if (e.type === 'keydown') keyboardUser = true;
    if (root.contains(t)) {
      if (own) e.stopImmediatePropagation();
    } else if (e.key === 'Tab' && (t === document.body || t === canvas || t === document.documentElement)) {
      e.stopImmediatePropagation();
    } else if (e.key === 'Tab' && t === textInput && !e.ctrlKey && !e.altKey) {
      const field = focusedNode();
      if (!field || field._wte.kind !== 'input') return;
      e.stopImmediatePropagation();
      e.preventDefault();
      if (e.type !== 'keydown') return;
      const all = tabbables();
      const i = all.indexOf(field);
      const to = all[i + (e.shiftKey ? -1 : 1)];
      if (to) to.focus();
    }
  }
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('keyup', onKey, true);
  window.addEventListener('pointerdown', (e) => {
    if (!root.contains(e.target)) keyboardUser = false;
  }, true);

  let focusedEl = null; // the node of the widget ImGui has focused
  function focusedNode() {
    return focusedEl && focusedEl.isConnected ? focusedEl : null;
  }

  function followImGuiFocus() {
    let fw = null;
    for (const el of nodesById.values()) if (el._wte.focused) fw = el;
    focusedEl = fw;
    const focusedKey = fw ? fw._wteKey : '';
    const active = document.activeElement;
    if (pendingFocus) {
      if (focusedKey === pendingFocus.key || stats.frames > pendingFocus.until) pendingFocus = null;
      else return;
    }
    const changed = focusedKey !== lastFocusedKey;
    lastFocusedKey = focusedKey;
    if (active === textInput) return;
    const inMirror = root.contains(active) && active !== root;
    // Lost by the app, not let go by the user: its node went away, or the
    // text field that had the caret was left (Enter, the screen changed).
    const lost = focusLost || ((!active || active === document.body) && lastActive === textInput);
    if (fw && changed && fw._wte.kind !== 'input' && (inMirror || (lost && keyboardUser))) syncFocus(fw);
    else if (lost && keyboardUser && mainEl) syncFocus(fw || mainEl);
  }

  // While a text field has the caret the hidden <textarea> is what the
  // browser focuses: it carries the field's name.
  function labelTextInput(probe) {
    const f = (probe.widgets || []).find((w) => w.kind === 'input' && w.focused);
    if (f) {
      textInput.setAttribute('aria-label', f.label);
      textInput.removeAttribute('aria-hidden');
    } else if (!textInput.hasAttribute('aria-hidden')) {
      textInput.setAttribute('aria-hidden', 'true');
      textInput.removeAttribute('aria-label');
    }
  }

  function update(probe) {
    const started = performance.now();
    stats.lastMutations = 0;
    focusLost = false;
    nodesById = new Map();
    reconcile(layer, describe(probe), 'wte');
    announce(probe.announce);
    stats.frames++;
    followImGuiFocus();
    lastActive = document.activeElement;
    labelTextInput(probe);
    stats.mutations += stats.lastMutations;
    stats.lastMs = performance.now() - started;
    stats.maxMs = Math.max(stats.maxMs, stats.lastMs);
  }

  // A page's HTML, handed over before the frame that shows it.
  function setDocument(key, html) {
    documents.set(key, html);
    while (documents.size > 8) documents.delete(documents.keys().next().value);
  }

  return { update, stats, describe, document: setDocument };
})();
