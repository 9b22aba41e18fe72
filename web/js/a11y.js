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

  // --- writing the DOM only where it differs (each write is counted). What
  // was written is kept in a plain record per node (one shape, fast to
  // read), never on the DOM elements themselves. ---
  const recordOf = new WeakMap(); // element → its record
  function record(el, tag) {
    const r = { el, tag, key: '', d: null, raw: null, attrs: {}, props: {}, text: undefined, rect: '', kids: null, order: null, doc: undefined, inputs: null, answer: -1, field: null };
    recordOf.set(el, r);
    return r;
  }
  function setAttr(n, name, value) {
    const v = value === undefined || value === null || value === false ? null : String(value);
    if (n.attrs[name] === v) return;
    n.attrs[name] = v;
    if (v === null) n.el.removeAttribute(name);
    else n.el.setAttribute(name, v);
    stats.lastMutations++;
  }
  function setProp(n, name, value) {
    if (n.props[name] === value) return;
    n.props[name] = value;
    n.el[name] = value;
    stats.lastMutations++;
  }
  function setText(n, text) {
    if (n.text === text) return;
    n.text = text;
    n.el.textContent = text;
    stats.lastMutations++;
  }
  // Rectangles are written against the layer's shift (a scroll moves the
  // layer, not every node: see applyDelta).
  let layerShift = 0;
  function setRect(n, r) {
    const y = layerShift ? Math.round((r[1] - layerShift) * 10) / 10 : r[1];
    const s = r[0] + ',' + y + ',' + r[2] + ',' + r[3];
    if (n.rect === s) return;
    n.rect = s;
    const st = n.el.style;
    st.left = r[0] + 'px';
    st.top = y + 'px';
    st.width = Math.max(1, r[2]) + 'px';
    st.height = Math.max(1, r[3]) + 'px';
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
        d.tag = w.multiline ? 'textarea' : 'input';
        if (!w.multiline) d.type = w.password ? 'password' : 'text';
        d.attrs['aria-label'] = name;
        d.attrs.autocomplete = 'off';
        // A field's value and caret: syncField (the element is edited in place).
        if (w.multiline) d.props.value = w.value || '';
        d.attrs['aria-invalid'] = w.invalid ? 'true' : null;
        d.attrs['aria-describedby'] = w.invalid ? errorMessage(w.id, w.invalid) : null;
        if (!w.invalid) dropErrorMessage(w.id);
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
    const widgets = [], texts = [];
    const labelled = new Map(); // label → widgets, to drop texts a widget already says
    for (const w of probe.widgets || []) {
      const list = labelled.get(w.label);
      if (list) list.push(w);
      else labelled.set(w.label, [w]);
      // A leaf: its full description is made only when its record changed.
      widgets.push({ n: w.n, desc: { leaf: true, raw: w, kind: w.kind, name: w.label } });
    }
    for (const t of probe.texts || []) {
      if (!t.text || t.text.startsWith('selection:')) continue;
      const same = labelled.get(t.text);
      if (same) {
        const cx = t.x + t.w / 2, cy = t.y + t.h / 2;
        if (same.some((w) => cx >= w.x - 1 && cx <= w.x + w.w + 1 && cy >= w.y - 1 && cy <= w.y + w.h + 1)) continue;
      }
      texts.push({ n: t.n, desc: { leaf: true, raw: t, kind: t.heading ? 'h' + t.heading : 'text', name: t.text } });
    }
    // Both lists are in draw order already: merged, not sorted.
    const items = [];
    let i = 0, j = 0;
    while (i < widgets.length || j < texts.length)
      items.push(j >= texts.length || (i < widgets.length && widgets[i].n < texts[j].n) ? widgets[i++] : texts[j++]);

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

  const inside = (t, w) => {
    const cx = t.x + t.w / 2, cy = t.y + t.h / 2;
    return cx >= w.x && cx <= w.x + w.w && cy >= w.y && cy <= w.y + w.h;
  };
  const wrapper = (kind, tag, role, children) => ({ kind, tag, attrs: { role }, props: {}, children });

  function group(node) {
    if (!node.children) return;
    const out = [];
    let list = null, table = null, row = null;
    for (const c of node.children) {
      group(c);
      const raw = c.raw;
      const last = out[out.length - 1];
      // A list's rows (texts inside a row's rectangle are part of it).
      if (list && last === list && c.leaf && raw.kind === undefined && inside(raw, list.lastItem)) {
        list.children[list.children.length - 1].children.push(c);
        continue;
      }
      if (c.leaf && raw.item) {
        if (last !== list || !list) out.push((list = wrapper('list', 'ul', 'list', [])));
        list.children.push(wrapper('listitem', 'li', null, [c]));
        list.lastItem = raw;
        continue;
      }
      // A table's cells, a row starting at each first column.
      if (c.leaf && raw.cell !== undefined) {
        if (last !== table || !table) {
          out.push((table = wrapper('table', 'div', 'table', [])));
          row = null;
        }
        if (raw.cell === 0 || !row) table.children.push((row = wrapper('row', 'div', 'row', [])));
        const role = raw.header ? 'columnheader' : 'cell';
        row.children.push(wrapper(role, 'div', role, [c]));
        continue;
      }
      const kind = c.kind === 'tab' ? 'tablist' : c.kind === 'radio' ? 'radiogroup' : null;
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

  // Keys: a widget's ImGui id, else kind + label (+ the occurrence among
  // equals), so a node keeps its identity (and a screen reader its place)
  // while the frame around it changes, and a button renamed in place
  // (Save → Saving…) stays the node it was. The first of a name is keyed by
  // the name alone (its kind is checked against the node's): no new string
  // to hash per node and frame.
  function keyOf(d, seen) {
    const name = d.leaf ? d.raw.id || d.name : d.kind + '\u0001' + (d.label || '');
    const n = seen.get(name);
    if (n === undefined) {
      seen.set(name, 1);
      return name;
    }
    seen.set(name, n + 1);
    return d.kind + '\u0001' + name + '\u0001' + n;
  }

  function create(d, tag) {
    const el = document.createElement(d.tag);
    if (d.type) el.type = d.type;
    if (d.kind === 'document') el.className = 'wte-a11y-doc';
    else if (!d.children) el.className = 'wte-a11y-node';
    stats.lastMutations++;
    return record(el, tag);
  }

  let focusLost = false;
  const layerRecord = record(layer, 'layer');

  // Whether a widget's or text's record is as it was (then its node is too).
  function sameRecord(a, b) {
    if (a === null) return false;
    if (a.x !== b.x || a.y !== b.y || a.w !== b.w || a.h !== b.h || a.label !== b.label || a.text !== b.text ||
        a.kind !== b.kind || a.enabled !== b.enabled || a.checked !== b.checked || a.focused !== b.focused ||
        a.id !== b.id || a.value !== b.value || a.max !== b.max || a.expanded !== b.expanded ||
        a.password !== b.password || a.heading !== b.heading || a.multiline !== b.multiline ||
        a.caret !== b.caret || a.anchor !== b.anchor || a.filled !== b.filled || a.invalid !== b.invalid)
      return false;
    const va = a.visible, vb = b.visible;
    if (!va || !vb) return va === vb || (!va && !vb);
    return va[0] === vb[0] && va[1] === vb[1] && va[2] === vb[2] && va[3] === vb[3];
  }

  function reconcile(parent, descs, groupName) {
    const old = parent.kids || new Map();
    const kids = new Map();
    const order = [];
    const seen = new Map();
    let same = parent.order !== null && parent.order.length === descs.length;
    for (let d of descs) {
      const key = keyOf(d, seen);
      let n = old.get(key);
      if (n && n.d.kind !== d.kind) n = undefined;
      if (d.leaf) {
        const raw = d.raw;
        if (n && sameRecord(n.raw, raw)) {
          n.raw = raw;
          if (n.d.rect) setRect(n, raw.visible || [raw.x, raw.y, raw.w, raw.h]);
          if (raw.key !== undefined) nodeByKey.set(raw.key, n);
          if (n.d.id) nodesById.set(n.d.id, n);
          else if (raw.focused) nodesById.set(-1, n);
          if (same && parent.order[order.length] !== n) same = false;
          kids.set(key, n);
          order.push(n);
          continue;
        }
        d = raw.text !== undefined && raw.kind === undefined ? textDesc(raw) : widgetDesc(raw);
        d.raw = raw;
      }
      const tag = d.type ? d.tag + d.type : d.tag;
      if (n && n.tag !== tag) n = undefined;
      if (!n) n = create(d, tag);
      n.d = d;
      n.raw = d.raw || null;
      n.key = key;
      if (n.raw && n.raw.key !== undefined) nodeByKey.set(n.raw.key, n);
      const attrs = d.attrs;
      for (const a in attrs) setAttr(n, a, attrs[a]);
      if (d.type === 'radio') setAttr(n, 'name', groupName);
      const props = d.props;
      for (const p in props) setProp(n, p, props[p]);
      if (d.text !== null && d.text !== undefined) setText(n, d.text);
      if (d.rect) setRect(n, d.rect);
      if (d.docKey !== undefined) fillDocument(n, d);
      if (d.kind === 'input' && !d.raw.multiline) syncField(n, d.raw);
      if (d.id) nodesById.set(d.id, n);
      // A focused widget without an ImGui id (the content editor's source).
      else if (d.raw && d.raw.focused) nodesById.set(-1, n);
      if (d.region === 'main') {
        setAttr(n, 'id', 'wte-a11y-main');
        setAttr(n, 'tabindex', '-1');
        mainEl = n.el;
      }
      if (d.children) reconcile(n, d.children, groupName + '/' + key);
      if (same && parent.order[order.length] !== n) same = false;
      kids.set(key, n);
      order.push(n);
    }
    parent.kids = kids;
    parent.order = order;
    if (same) return; // the same nodes in the same order: nothing to move
    for (const [key, n] of old) {
      if (kids.get(key) === n) continue;
      if (n.el.contains(document.activeElement)) focusLost = true;
      n.el.remove();
      stats.lastMutations++;
    }
    let ref = parent.el.firstChild;
    for (const n of order) {
      if (n.el === ref) {
        ref = ref.nextSibling;
        continue;
      }
      if (n.el.contains(document.activeElement)) focusLost = true;
      parent.el.insertBefore(n.el, ref);
      stats.lastMutations++;
    }
  }

  // --- a page as HTML: filled once per page text, its quiz inputs kept in
  // step with the answers the renderer holds ---
  function fillDocument(n, d) {
    if (n.doc !== d.docKey) {
      const html = documents.get(d.docKey);
      if (html === undefined) return;
      n.doc = d.docKey;
      n.el.innerHTML = html;
      stats.lastMutations++;
      for (const a of n.el.querySelectorAll('a[href^="http"]')) a.target = '_blank';
      // A reader moving by heading may focus it (the canvas scrolls there).
      for (const h of n.el.querySelectorAll('h1, h2, h3, h4, h5, h6')) h.tabIndex = -1;
      n.inputs = Array.from(n.el.querySelectorAll('form.quiz input')).map((input) => {
        const fieldset = input.closest('fieldset');
        const q = record(input, 'quiz-input');
        q.key = input.closest('form').dataset.quiz + '/' + fieldset.dataset.question;
        q.answer = Array.prototype.indexOf.call(fieldset.querySelectorAll('input'), input);
        return q;
      });
    }
    for (const q of n.inputs) setProp(q, 'checked', (d.chosen[q.key] || []).includes(q.answer));
  }

  // `s` as a C string in the module's memory for the length of fn(pointer).
  function withString(s, fn) {
    const n = Module.lengthBytesUTF8(s) + 1;
    const p = Module._malloc(n);
    Module.stringToUTF8(s, p, n);
    try {
      fn(p);
    } finally {
      Module._free(p);
    }
  }

  function sendQuiz(article, form, question, answer) {
    const a = article && recordOf.get(article);
    if (!runtimeReady() || !a || !form) return;
    const key = a.doc;
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
      const q = recordOf.get(e.target);
      if (q) sendQuiz(article, form, e.target.closest('fieldset').dataset.question, q.answer);
      return true;
    }
    if (e.target.closest('button')) {
      e.preventDefault();
      sendQuiz(article, form, '', -1);
      return true;
    }
    return false;
  }

  // --- text fields: the field's own mirror <input> is where it is edited.
  // Not #wte-text-input: the mirror element is the one a screen reader
  // already names and places over the field, so a single element carries the
  // name, the whole value, the caret and the selection, and the focus never
  // bounces between two elements. The browser edits it (typing, IME,
  // dictation, paste, a mobile keyboard); each edit or caret move goes to the
  // client as the whole text with its selection (ui/probe.hpp FieldEdit), and
  // the client's value and caret come back each frame. #wte-text-input stays
  // for the code editor, which is not an ImGui field. ---
  const utf8Length = (s) => (runtimeReady() ? Module.lengthBytesUTF8(s) : s.length);
  // The UTF-16 offset in `s` of the byte offset `bytes` of its UTF-8 form.
  function utf16Offset(s, bytes) {
    let b = 0, i = 0;
    while (i < s.length && b < bytes) {
      const c = s.codePointAt(i);
      b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      i += c >= 0x10000 ? 2 : 1;
    }
    return i;
  }
  const isField = (n) => !!n && !!n.d && n.d.kind === 'input' && !!n.raw && !n.raw.multiline;
  function fieldState(n) {
    return n.field || (n.field = { pending: null, until: 0, composing: false, sent: null, agreed: false });
  }

  // The element's text and selection to the client, unless it has them already.
  function sendField(n) {
    const f = fieldState(n), el = n.el;
    // Only the element being edited speaks (a left one's late events do not).
    if (f.composing || !runtimeReady() || !n.d.id || document.activeElement !== el) return;
    const v = el.value;
    const back = el.selectionDirection === 'backward';
    const s0 = el.selectionStart === null ? v.length : el.selectionStart;
    const s1 = el.selectionEnd === null ? v.length : el.selectionEnd;
    const anchor = utf8Length(v.slice(0, back ? s1 : s0)), caret = utf8Length(v.slice(0, back ? s0 : s1));
    const sent = f.sent;
    if (sent && sent.value === v && sent.anchor === anchor && sent.caret === caret) return;
    f.sent = f.pending = { value: v, anchor, caret };
    f.until = performance.now() + 1000;
    const len = Module.lengthBytesUTF8(v) + 1;
    const p = Module._malloc(len);
    Module.stringToUTF8(v, p, len);
    Module._wte_mirror_field(n.d.id, p, anchor, caret);
    Module._free(p);
    Module._wte_wake();
  }

  // The client's value and caret into the element, once it has caught up
  // with what was sent (typing runs ahead of the frames).
  function syncField(n, w) {
    const f = fieldState(n), el = n.el;
    if (f.composing) return;
    // A key may have moved the element's caret with its keyup (which sends
    // it) still to come: what differs from the last agreed state is sent
    // first, so a frame in between does not put the old caret back.
    if (!f.pending && f.agreed) sendField(n);
    if (f.pending) {
      const p = f.pending;
      const same = (w.password ? !!w.filled === (p.value !== '') : (w.value || '') === p.value) &&
        (w.caret === undefined || (w.caret === p.caret && w.anchor === p.anchor));
      if (!same && performance.now() < f.until) return;
      f.pending = null;
    }
    // A password's text is never in the record: the element keeps what was typed.
    const want = w.password ? (w.filled ? el.value : '') : w.value || '';
    if (el.value !== want) {
      el.value = want;
      stats.lastMutations++;
    }
    if (w.caret !== undefined && document.activeElement === el) {
      const a = utf16Offset(want, w.anchor), c = utf16Offset(want, w.caret);
      const from = Math.min(a, c), to = Math.max(a, c);
      if (el.selectionStart !== from || el.selectionEnd !== to) {
        el.setSelectionRange(from, to, c < a ? 'backward' : 'forward');
        stats.lastMutations++;
      }
    }
    f.sent = { value: want, anchor: w.anchor, caret: w.caret };
    // Only a caret both sides hold is one the element can have moved since.
    f.agreed = w.caret !== undefined && document.activeElement === el;
  }

  function fieldOf(target) {
    const n = leafOf(target);
    return isField(n) ? n : null;
  }
  layer.addEventListener('compositionstart', (e) => {
    const n = fieldOf(e.target);
    if (n) fieldState(n).composing = true;
  });
  layer.addEventListener('compositionend', (e) => {
    const n = fieldOf(e.target);
    if (!n) return;
    fieldState(n).composing = false;
    sendField(n);
  });
  // A caret moved by the keys, a selection made by a screen reader or the browser.
  layer.addEventListener('select', (e) => {
    const n = fieldOf(e.target);
    if (n) sendField(n);
  }, true);
  document.addEventListener('selectionchange', () => {
    const n = fieldOf(document.activeElement);
    if (n) sendField(n);
  });

  // The messages of invalid fields, pointed to by their aria-describedby.
  const errorBox = document.createElement('div');
  errorBox.id = 'wte-a11y-errors';
  errorBox.className = 'wte-a11y-live';
  root.appendChild(errorBox);
  const errorNodes = new Map(); // ImGui id → the message's element
  function errorMessage(id, text) {
    let el = errorNodes.get(id);
    if (!el) {
      el = document.createElement('span');
      el.id = 'wte-a11y-error-' + id;
      errorBox.appendChild(el);
      errorNodes.set(id, el);
    }
    if (el.textContent !== text) el.textContent = text;
    return el.id;
  }
  function dropErrorMessage(id) {
    const el = errorNodes.get(id);
    if (!el) return;
    el.remove();
    errorNodes.delete(id);
  }

  // --- announcements: a message is told once, when it appears ---
  function announce(list) {
    const now = new Set();
    const fresh = { status: [], alert: [] };
    for (const m of list || []) {
      const k = m.live + '\u0001' + m.text;
      now.add(k);
      if (!announced.has(k)) fresh[m.live === 'alert' ? 'alert' : 'status'].push(m.text);
    }
    announced = now;
    // What appeared in one frame is told together, a line each: a region
    // changed twice before the reader looks says only its last text.
    for (const [live, texts] of Object.entries(fresh)) {
      if (!texts.length) continue;
      const region = live === 'alert' ? alertRegion : statusRegion;
      // Fresh nodes so the same words said again are told again; one line each.
      region.textContent = '';
      for (const t of texts) {
        const line = document.createElement('div');
        line.textContent = t;
        region.appendChild(line);
      }
      stats.lastMutations += 1 + texts.length;
    }
  }

  // --- focus, both ways ---
  let syncing = null; // the element the mirror itself is focusing
  function syncFocus(el) {
    if (!el || document.activeElement === el) return;
    syncing = el;
    el.focus({ preventScroll: true });
    syncing = null;
  }

  // The record of the widget node an event happened on.
  function leafOf(target) {
    const el = target && target.closest ? target.closest('.wte-a11y-node') : null;
    return el && layer.contains(el) ? recordOf.get(el) || null : null;
  }

  // A click where a widget is (its centre, or near its top left corner: the
  // caret of a text area at its start).
  function sendPointerClick(rect, corner) {
    const r = canvas.getBoundingClientRect();
    const sx = r.width > 0 ? canvas.width / r.width : 1;
    const sy = r.height > 0 ? canvas.height / r.height : 1;
    const cx = corner ? rect[0] + Math.min(8, rect[2] / 2) : rect[0] + rect[2] / 2;
    const cy = corner ? rect[1] + Math.min(8, rect[3] / 2) : rect[1] + rect[3] / 2;
    const x = (cx - r.left) * sx, y = (cy - r.top) * sy;
    Module._wte_pointer(0, x, y, 0);
    Module._wte_pointer(1, x, y, 0);
    Module._wte_pointer(2, x, y, 0);
    Module._wte_pointer(3, x, y, 0);
  }

  function activate(n) {
    const d = n.d;
    if (!d || !d.enabled || !runtimeReady()) return;
    // A text area of many lines is the client's own editor, not an ImGui field.
    if (d.raw && d.raw.multiline) sendPointerClick(d.rect, true);
    else if (d.id) Module._wte_mirror_activate(d.id, d.kind === 'input' ? 1 : 0);
    else if (d.rect) sendPointerClick(d.rect, false);
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

  // The canvas scrolls to the section (an element with an id) of a page.
  function showSection(article, section) {
    const a = recordOf.get(article);
    if (!section || !article.contains(section) || !a || a.doc === undefined) return;
    withString(section.id, (p) => Module._wte_mirror_section(a.doc, p));
  }

  // A reader in browse mode moves without focusing: it scrolls what it reads
  // into view (scrollIntoView on the page's HTML, a scroll container of its
  // own). The canvas follows to the innermost section starting at or above
  // the new top, and the HTML goes back to its top so the next move scrolls
  // it again.
  let docFocusAt = -Infinity;
  layer.addEventListener('scroll', (e) => {
    const article = e.target;
    if (!article.classList || !article.classList.contains('wte-a11y-doc') || article.scrollTop === 0) return;
    // A scroll that focusing a heading caused brings that heading, maybe to
    // the bottom: the focusin handler has sent its section already.
    if (runtimeReady() && performance.now() - docFocusAt > 250) {
      const top = article.getBoundingClientRect().top + 1;
      let section = null;
      for (const el of article.querySelectorAll('[id]')) {
        if (el.getBoundingClientRect().top <= top) section = el;
        else break;
      }
      showSection(article, section);
      Module._wte_wake();
    }
    article.scrollTop = 0;
  }, true);

  layer.addEventListener('focusin', (e) => {
    // Into a page's HTML: the canvas shows no widget focused meanwhile, and
    // scrolls to the section the reader is in.
    const article = e.target.closest('article.wte-a11y-doc');
    if (article) docFocusAt = performance.now();
    if (runtimeReady() && article) {
      Module._wte_mirror_focus(0);
      showSection(article, e.target.closest('[id]'));
      Module._wte_wake();
    }
    const n = leafOf(e.target);
    if (!n || syncing === n.el || !n.d || !runtimeReady()) return;
    // The code editor is pressed where it is (it may have no ImGui id).
    const editor = n.raw && n.raw.multiline;
    if (!n.d.id && !editor) return;
    pendingFocus = { key: n.key, until: stats.frames + 5 };
    if (editor) activate(n);
    else if (n.d.kind === 'input') Module._wte_mirror_activate(n.d.id, 1);
    else Module._wte_mirror_focus(n.d.id);
    Module._wte_wake();
  });

  // A field edited in place; characters typed into the code editor's node
  // before the editor took the caret.
  layer.addEventListener('input', (e) => {
    const n = leafOf(e.target);
    if (isField(n)) {
      if (!e.isComposing) sendField(n);
      return;
    }
    if (!n || (n.el.tagName !== 'INPUT' && n.el.tagName !== 'TEXTAREA') || !runtimeReady()) return;
    if (e.data) {
      const text = e.data;
      const n = Module.lengthBytesUTF8(text) + 1;
      const p = Module._malloc(n);
      Module.stringToUTF8(text, p, n);
      Module._wte_text_input(p);
      Module._free(p);
    }
    n.el.value = n.props.value || '';
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
  function tabbables(within = root) {
    return Array.from(within.querySelectorAll('a[href], button, input, textarea')).filter((el) => el.tabIndex >= 0 && !el.disabled);
  }

  // Keys a text field's element handles itself (the browser edits it and the
  // client follows its value): all but Enter, Escape, Tab, F-keys and the
  // app's shortcuts (Ctrl+S, B, I, K).
  function editingKey(e) {
    if (e.key === 'Enter' || e.key === 'Escape' || e.key === 'Tab' || /^F\d+$/.test(e.key)) return false;
    if (e.key === 'Shift' || e.key === 'Control' || e.key === 'Alt' || e.key === 'Meta') return false;
    return !((e.ctrlKey || e.metaKey) && /^[sbik]$/i.test(e.key));
  }

  // The code editor keeps Tab for indenting; Escape, then Tab (or
  // Shift+Tab) moves on from it (client-wasm/app/help.cpp says so). True
  // when the key was that Tab.
  let editorEscaped = false;
  function editorKey(e) {
    const editor = focusedNode();
    if (!editor || !editor.raw.multiline || e.type !== 'keydown') return false;
    if (e.key === 'Escape') {
      editorEscaped = true;
      return false;
    }
    if (e.key === 'Shift') return false;
    const leave = editorEscaped && e.key === 'Tab' && !e.ctrlKey && !e.altKey;
    editorEscaped = false;
    if (!leave) return false;
    const all = tabbables();
    const i = all.indexOf(editor.el);
    const to = all[i + (e.shiftKey ? -1 : 1)];
    if (to) to.focus();
    return true;
  }

  // In a dialog, Tab and Shift+Tab go round its controls; Escape presses its
  // Cancel (or Close). True when the key was the dialog's.
  function dialogKey(e) {
    const dialog = e.target.closest && e.target.closest('[role="dialog"]');
    if (!dialog || !layer.contains(dialog)) return false;
    if (e.key === 'Escape') {
      const cancel = Array.from(dialog.querySelectorAll('button')).find((b) => /^(Cancel|Close)$/.test(b.textContent.trim()));
      if (!cancel) return false;
      e.preventDefault();
      if (e.type === 'keydown') {
        const n = recordOf.get(cancel);
        if (n) activate(n);
      }
      return true;
    }
    if (e.key !== 'Tab' || e.ctrlKey || e.altKey) return false;
    const all = tabbables(dialog);
    if (!all.length) return false;
    const i = all.indexOf(e.target);
    const wrap = e.shiftKey ? i <= 0 : i === all.length - 1;
    if (!wrap && i >= 0) return false;
    e.preventDefault();
    if (e.type === 'keydown') all[e.shiftKey ? all.length - 1 : 0].focus();
    return true;
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
      if (dialogKey(e)) e.stopImmediatePropagation();
      else if (fieldOf(t)) {
        // After a key the caret may have moved (keyup never reaches the
        // element's listeners: it stops here).
        if (e.type === 'keyup') sendField(fieldOf(t));
        // Enter (submit), Escape and the shortcuts go on to the client.
        if (e.key === 'Tab' || editingKey(e)) e.stopImmediatePropagation();
      } else if (own) e.stopImmediatePropagation();
    } else if (e.key === 'Tab' && (t === document.body || t === canvas || t === document.documentElement)) {
      e.stopImmediatePropagation();
    } else if (t === textInput && editorKey(e)) {
      e.stopImmediatePropagation();
      e.preventDefault();
    } else if (e.key === 'Tab' && t === textInput && !e.ctrlKey && !e.altKey) {
      // A text area of many lines keeps Tab for indenting.
      const field = focusedNode();
      if (!field || field.d.kind !== 'input' || field.raw.multiline) return;
      e.stopImmediatePropagation();
      e.preventDefault();
      if (e.type !== 'keydown') return;
      const all = tabbables();
      const i = all.indexOf(field.el);
      const to = all[i + (e.shiftKey ? -1 : 1)];
      if (to) to.focus();
    }
  }
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('keyup', onKey, true);
  window.addEventListener('pointerdown', (e) => {
    if (!root.contains(e.target)) keyboardUser = false;
  }, true);

  let focusedRecord = null; // the node of the widget ImGui has focused
  function focusedNode() {
    return focusedRecord && focusedRecord.el.isConnected ? focusedRecord : null;
  }

  function followImGuiFocus() {
    let fw = null;
    for (const n of nodesById.values()) if (n.d.focused) fw = n;
    focusedRecord = fw;
    const focusedKey = fw ? fw.key : '';
    const active = document.activeElement;
    if (pendingFocus) {
      if (focusedKey === pendingFocus.key || stats.frames > pendingFocus.until) pendingFocus = null;
      else return;
    }
    const changed = focusedKey !== lastFocusedKey;
    lastFocusedKey = focusedKey;
    const inMirror = root.contains(active) && active !== root;
    // Lost by the app, not let go by the user: its node went away, or the
    // text field that had the caret was left (Enter, the screen changed).
    const lost = focusLost || ((!active || active === document.body) &&
      (lastActive === textInput || (lastActive && !lastActive.isConnected) || !!fieldOf(lastActive)));
    // A text field given the caret (by the screen, a click on the canvas) is
    // edited in its element: the focus goes there.
    if (isField(fw)) {
      if (active !== fw.el && (changed || lost || !inMirror)) {
        syncFocus(fw.el);
        syncField(fw, fw.raw);
      }
      return;
    }
    if (active === textInput) return;
    if (fw && changed && fw.d.kind !== 'input' && (inMirror || (lost && keyboardUser))) syncFocus(fw.el);
    else if (lost && keyboardUser && mainEl) syncFocus(fw ? fw.el : mainEl);
  }

  // While a text field has the caret the hidden <textarea> is what the
  // browser focuses: it carries the field's name.
  function labelTextInput(probe) {
    const f = (probe.widgets || []).find((w) => w.kind === 'input' && w.focused);
    if (f) {
      // The code editor's caret line is what the <textarea> holds, so a
      // screen reader reads the current line (and says which it is). With a
      // selection it holds the selected lines, the selection on the selected
      // part: #wte-text-input rather than the editor's mirror <textarea>
      // because it has the focus while the editor has the caret, and a reader
      // reads out the focused element's selection as Shift+arrows grow it.
      let name = f.label;
      if (f.multiline && f.value !== undefined && f.caret !== undefined) {
        const v = f.value, at = utf16Offset(v, f.caret);
        const from = Math.min(at, utf16Offset(v, f.anchor)), to = Math.max(at, utf16Offset(v, f.anchor));
        const start = v.lastIndexOf('\n', from - 1) + 1;
        const end = v.indexOf('\n', to);
        const lineAt = (offset) => {
          let line = 1;
          for (let i = v.indexOf('\n'); i >= 0 && i < offset; i = v.indexOf('\n', i + 1)) line++;
          return line;
        };
        const first = lineAt(start), last = lineAt(to);
        name = first === last ? `${f.label}, line ${lineAt(at)}` : `${f.label}, lines ${first} to ${last}`;
        window.WTE.setTextInputLine(v.slice(start, end < 0 ? v.length : end), from - start, to - start, at < to);
      } else {
        window.WTE.setTextInputLine('', 0, 0, false);
      }
      if (textInput.getAttribute('aria-label') !== name) textInput.setAttribute('aria-label', name);
      textInput.removeAttribute('aria-hidden');
    } else if (!textInput.hasAttribute('aria-hidden')) {
      textInput.setAttribute('aria-hidden', 'true');
      textInput.removeAttribute('aria-label');
    }
  }

  // The client let go of the caret (Enter, a click elsewhere): the field's
  // element lets go of the focus too, unless the mirror is moving it there.
  function textEntryEnded() {
    const n = fieldOf(document.activeElement);
    if (!n || (pendingFocus && pendingFocus.key === n.key)) return;
    n.el.blur();
  }
  // A field's element has the focus: the hidden <textarea> must not take it.
  // Or a node the keyboard moved to whose widget the next frame focuses (Tab
  // from a field to the next control): the caret is still in the old field
  // for a frame, and taking the focus from that node would lose the user's
  // place. The code editor's node hands over to the <textarea>.
  const ownsTextEntry = () => {
    const active = document.activeElement;
    if (fieldOf(active)) return true;
    const n = leafOf(active);
    return !!n && !(n.raw && n.raw.multiline) && !!pendingFocus && pendingFocus.key === n.key;
  };

  // --- dialogs: the focus goes into one when it opens and back to the
  // control that opened it when it closes ---
  let openDialog = null; // { el, opener }
  function followDialogs(probe, before) {
    const any = (probe.regions || []).some((r) => r.role === 'dialog');
    const el = any ? layer.querySelector('[role="dialog"]') : null;
    if (el && (!openDialog || openDialog.el !== el)) {
      const opener = openDialog ? openDialog.opener : before;
      openDialog = { el, opener };
      if (!el.contains(document.activeElement) && keyboardUser) {
        const first = tabbables(el)[0];
        if (first) first.focus({ preventScroll: true });
      }
    } else if (!el && openDialog) {
      const { opener } = openDialog;
      openDialog = null;
      const a = document.activeElement;
      const away = !a || a === document.body || a === mainEl || !a.isConnected;
      if (opener && opener.isConnected && away && keyboardUser) opener.focus({ preventScroll: true });
    }
  }

  // --- the frame's records as the client sent them (ui/probe_delta.hpp): a
  // whole frame, or only the records that changed and a shift for the rest.
  // Kept here for window.wteTest, which sees whole frames. ---
  const store = { widgets: [], texts: [], regions: [], index: new Map(), at: new Map(), cache: null };
  let nodeByKey = new Map(); // record key → its node (records inside a page's HTML have none)

  function keep(p) {
    store.widgets = p.widgets || [];
    store.texts = p.texts || [];
    store.regions = p.regions || [];
    store.index = new Map();
    store.at = new Map();
    store.cache = null;
    for (const list of [store.widgets, store.texts])
      for (let i = 0; i < list.length; i++) store.index.set(list[i].key, { list, i });
  }

  // A record as it is now: moved by the shifts since it was sent.
  function current(r) {
    const at = store.at.get(r.key);
    const dy = layerShift - (at === undefined ? 0 : at);
    if (dy === 0) return r;
    const c = Object.assign({}, r, { y: Math.round((r.y + dy) * 10) / 10 });
    if (r.visible) c.visible = [r.visible[0], Math.round((r.visible[1] + dy) * 10) / 10, r.visible[2], r.visible[3]];
    return c;
  }
  function records() {
    if (!store.cache)
      store.cache = { widgets: store.widgets.map(current), texts: store.texts.map(current), regions: store.regions };
    return store.cache;
  }

  function rebuild(frame) {
    nodesById = new Map();
    nodeByKey = new Map();
    reconcile(layerRecord, describe(frame), 'wte');
  }

  // A changed record on its node; false when the node must be made anew.
  function applyLeaf(n, raw) {
    if (sameRecord(n.raw, raw)) {
      n.raw = raw;
      if (n.d.rect) setRect(n, raw.visible || [raw.x, raw.y, raw.w, raw.h]);
      return true;
    }
    const d = raw.text !== undefined && raw.kind === undefined ? textDesc(raw) : widgetDesc(raw);
    if ((d.type ? d.tag + d.type : d.tag) !== n.tag) return false;
    d.raw = raw;
    n.d = d;
    n.raw = raw;
    for (const a in d.attrs) setAttr(n, a, d.attrs[a]);
    for (const p in d.props) setProp(n, p, d.props[p]);
    if (d.text !== null && d.text !== undefined) setText(n, d.text);
    if (d.rect) setRect(n, d.rect);
    if (d.kind === 'input' && !raw.multiline) syncField(n, raw);
    if (d.id) nodesById.set(d.id, n);
    else if (raw.focused) nodesById.set(-1, n);
    return true;
  }

  // Only what changed: the changed records on their nodes, a scroll as one
  // move of the layer. Never walks the unchanged nodes.
  function applyDelta(p) {
    if (p.shift) {
      layerShift = Math.round((layerShift + p.shift) * 10) / 10;
      layer.style.transform = layerShift ? `translateY(${layerShift}px)` : '';
      stats.lastMutations++;
      for (const r of store.regions) if (r.y !== undefined) r.y = Math.round((r.y + p.shift) * 10) / 10;
    }
    store.cache = null;
    let whole = false;
    // Records renamed in place come with the key they had ("was"): re-keyed
    // first, all at once (two may swap their keys).
    const renamed = p.change.filter((raw) => raw.was !== undefined);
    if (renamed.length) {
      const moved = renamed.map((raw) => [raw, store.index.get(raw.was), nodeByKey.get(raw.was)]);
      for (const raw of renamed) {
        store.index.delete(raw.was);
        store.at.delete(raw.was);
        nodeByKey.delete(raw.was);
      }
      for (const [raw, at, n] of moved) {
        if (at) store.index.set(raw.key, at);
        if (n) nodeByKey.set(raw.key, n);
        // A text now said, or no longer said, by a widget's label: describe decides again.
        if (raw.kind === undefined && (!n || store.widgets.some((w) => w.label === raw.text))) whole = true;
      }
    }
    for (const raw of p.change) {
      const at = store.index.get(raw.key);
      if (!at) {
        whole = true;
        continue;
      }
      at.list[at.i] = raw;
      store.at.set(raw.key, layerShift);
      const n = nodeByKey.get(raw.key);
      // A widget renamed where a text says its old or new label: which of
      // them has a node of its own (describe) is decided again.
      if (n && n.raw && n.raw.label !== raw.label && store.texts.some((t) => t.text === raw.label || t.text === n.raw.label))
        whole = true;
      // No node: inside a page's HTML, or said by a widget already.
      else if (n && !applyLeaf(n, raw)) whole = true;
    }
    if (whole) {
      const now = records();
      rebuild({ widgets: now.widgets, texts: now.texts, regions: store.regions });
    }
  }

  function update(probe) {
    const started = performance.now();
    const before = document.activeElement;
    stats.lastMutations = 0;
    focusLost = false;
    if (probe.delta) {
      applyDelta(probe);
    } else {
      keep(probe);
      for (const list of [store.widgets, store.texts]) for (const r of list) store.at.set(r.key, layerShift);
      rebuild(probe);
    }
    for (const id of errorNodes.keys()) if (!nodesById.has(id)) dropErrorMessage(id);
    announce(probe.announce);
    stats.frames++;
    followImGuiFocus();
    followDialogs(probe.delta ? store : probe, before);
    lastActive = document.activeElement;
    labelTextInput(probe.delta ? store : probe);
    stats.mutations += stats.lastMutations;
    stats.lastMs = performance.now() - started;
    stats.maxMs = Math.max(stats.maxMs, stats.lastMs);
  }

  // A page's HTML, handed over before the frame that shows it.
  function setDocument(key, html) {
    documents.set(key, html);
    while (documents.size > 8) documents.delete(documents.keys().next().value);
  }

  return { update, stats, describe, records, document: setDocument, textEntryEnded, ownsTextEntry };
})();
