// The preview agent: the script the server puts first in every HTML file of
// the preview (content/preview_html.cpp). It tells the app, through
// parent.postMessage, that the page started, loaded and is still alive
// (a heartbeat a busy loop stops), forwards console output and errors, the
// scroll position, restores the scroll the app sends back, and stands in for
// localStorage/sessionStorage, which throw in the sandbox's opaque origin.
// The protocol is in /work/briefs/workspace-contract.md and server/API.md.
// ES2017 in an IIFE; every entry point catches, so the agent never throws
// into the learner's page. Only block comments: it is put on one line.
#include "content/preview_html.hpp"

#include <algorithm>

namespace wte::content {

namespace {

const char* const agent_source = R"js((function () {
  'use strict';
  if (window.__wtePreviewAgent) return;
  window.__wtePreviewAgent = true;
  const post = (message) => {
    try { parent.postMessage(message, '*'); } catch (e) { /* the app is gone */ }
  };

  /* Storage stand-ins: an opaque origin throws on any use of the real ones. */
  const memoryStorage = () => {
    const data = new Map();
    return {
      getItem: (k) => (data.has(String(k)) ? data.get(String(k)) : null),
      setItem: (k, v) => { data.set(String(k), String(v)); },
      removeItem: (k) => { data.delete(String(k)); },
      clear: () => { data.clear(); },
      key: (i) => { const keys = Array.from(data.keys()); return i >= 0 && i < keys.length ? keys[i] : null; },
      get length() { return data.size; }
    };
  };
  ['localStorage', 'sessionStorage'].forEach((name) => {
    try { void window[name].length; } catch (e) {
      try { Object.defineProperty(window, name, { value: memoryStorage(), configurable: true }); } catch (e2) { /* keep the real one */ }
    }
  });

  /* Console messages, at most 200 a second; the rest are counted, then reported once. */
  const perSecond = 200;
  let windowStart = 0, inWindow = 0, dropped = 0;
  const flushDropped = (now) => {
    if (now - windowStart < 1000) return;
    if (dropped > 0) post({ wte: 'console', level: 'warn', text: '\u2026 ' + dropped + ' messages dropped', line: 0, column: 0, source: '' });
    windowStart = now; inWindow = 0; dropped = 0;
  };
  const sendConsole = (level, text, line, column, source) => {
    const now = Date.now();
    flushDropped(now);
    if (inWindow >= perSecond) { dropped++; return; }
    inWindow++;
    post({ wte: 'console', level: level, text: String(text), line: line || 0, column: column || 0, source: source || '' });
  };
  const format = (value) => {
    if (typeof value === 'string') return value;
    if (value instanceof Error) return String(value);
    try { const json = JSON.stringify(value); if (json !== undefined) return json; } catch (e) { /* cyclic, BigInt */ }
    try { return String(value); } catch (e) { return Object.prototype.toString.call(value); }
  };
  const lastSegment = (url) => String(url || '').split(/[?#]/)[0].split('/').pop();
  /* "at f (http://h/x/script.js:3:9)" or "f@http://h/x/script.js:3:9": file, line, column. */
  const place = (frame) => {
    const m = /([^\/\s()@]*):(\d+):(\d+)\)?\s*$/.exec(frame || '');
    return m ? { source: lastSegment(m[1]), line: Number(m[2]), column: Number(m[3]) } : {};
  };
  const callerOf = (stack) => {
    const frames = String(stack || '').split('\n').filter((l) => /:\d+:\d+/.test(l));
    return place(frames[1]);
  };
  ['log', 'info', 'warn', 'error', 'debug'].forEach((level) => {
    const original = console[level];
    console[level] = function () {
      try {
        const where = callerOf(new Error().stack);
        const text = Array.prototype.map.call(arguments, format).join(' ');
        sendConsole(level === 'debug' ? 'log' : level, text, where.line, where.column, where.source);
      } catch (e) { /* never break the page's own logging */ }
      if (typeof original === 'function') return original.apply(console, arguments);
    };
  });
  window.addEventListener('error', (event) => {
    try {
      if (event.target && event.target !== window) return; /* a failed <img>, not a script error */
      sendConsole('error', event.message || 'Error', event.lineno, event.colno, lastSegment(event.filename));
    } catch (e) { /* ignore */ }
  });
  window.addEventListener('unhandledrejection', (event) => {
    try {
      const reason = event.reason;
      const where = reason instanceof Error ? place(String(reason.stack || '').split('\n').filter((l) => /:\d+:\d+/.test(l))[0]) : {};
      sendConsole('error', 'Uncaught (in promise) ' + format(reason), where.line, where.column, where.source);
    } catch (e) { /* ignore */ }
  });

  /* Scroll position, at most five times a second, the last one always sent. */
  let lastScroll = 0, scrollTimer = 0;
  const sendScroll = () => {
    scrollTimer = 0; lastScroll = Date.now();
    post({ wte: 'scroll', x: Math.round(window.scrollX), y: Math.round(window.scrollY) });
  };
  window.addEventListener('scroll', () => {
    try {
      if (scrollTimer) return;
      const wait = 200 - (Date.now() - lastScroll);
      if (wait <= 0) sendScroll(); else scrollTimer = setTimeout(sendScroll, wait);
    } catch (e) { /* ignore */ }
  }, { passive: true });

  /* restore-scroll from the app: now, after load, and again as late images arrive. */
  let wanted = null;
  const restore = () => { try { if (wanted) window.scrollTo(wanted.x, wanted.y); } catch (e) { /* ignore */ } };
  const restoreAfterImages = () => {
    try {
      Array.prototype.forEach.call(document.images || [], (img) => {
        if (!img.complete) img.addEventListener('load', restore, { once: true });
      });
    } catch (e) { /* ignore */ }
  };
  window.addEventListener('message', (event) => {
    try {
      if (event.source !== parent) return;
      const data = event.data;
      if (!data || data.wte !== 'restore-scroll') return;
      wanted = { x: Number(data.x) || 0, y: Number(data.y) || 0 };
      restore();
      if (document.readyState !== 'complete') window.addEventListener('load', restore, { once: true });
      else restoreAfterImages();
    } catch (e) { /* ignore */ }
  });

  window.addEventListener('load', () => { post({ wte: 'loaded' }); restore(); restoreAfterImages(); });
  setInterval(() => { post({ wte: 'heartbeat' }); try { flushDropped(Date.now()); } catch (e) { /* ignore */ } }, 500);
  post({ wte: 'hello' });
})();)js";

} // namespace

const std::string& preview_agent_js() {
    static const std::string one_line = [] {
        std::string s = agent_source;
        std::replace(s.begin(), s.end(), '\n', ' ');
        return s;
    }();
    return one_line;
}

} // namespace wte::content
