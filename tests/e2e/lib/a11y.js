// What the accessibility mirror gives a keyboard or screen-reader user, as
// tests read it: the focused element, Tab until something has the focus,
// and every message the live regions tell.
'use strict';

// What has the browser's focus: its tag, role, accessible name, value,
// selection and state.
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return null;
    const described = el.getAttribute('aria-describedby');
    const label = el.labels && el.labels[0] ? el.labels[0].textContent : null;
    return {
      tag: el.tagName.toLowerCase(),
      type: el.type || '',
      role: el.getAttribute('role') || '',
      name: (el.getAttribute('aria-label') || label || el.textContent || '').trim(),
      id: el.id,
      value: el.value,
      start: el.selectionStart,
      end: el.selectionEnd,
      invalid: el.getAttribute('aria-invalid'),
      description: described ? (document.getElementById(described) || {}).textContent : null,
      inDialog: el.closest('[role="dialog"]') ? el.closest('[role="dialog"]').getAttribute('aria-label') : null,
    };
  });
}

// Tab (a real key press) until the focused node matches; fails naming what it passed.
async function tabTo(page, match, what, max = 80) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    await page.waitForTimeout(30);
    const f = await focused(page);
    if (f && match(f)) return f;
    seen.push(f ? `${f.tag}:${f.name}` : 'nothing');
  }
  throw new Error(`Tab never reached ${what}; passed ${seen.join(', ')}`);
}

// From now on, every message the status and alert regions tell, in order:
// read them with told(page) as [{live: 'status' | 'alert', text}].
async function listenToAnnouncements(page) {
  await page.evaluate(() => {
    window.wteTold = [];
    for (const [id, live] of [['wte-a11y-status', 'status'], ['wte-a11y-alert', 'alert']]) {
      const region = document.getElementById(id);
      // One message per line (a11y.js tells what appeared in one frame together).
      new MutationObserver(() => {
        for (const line of region.children) window.wteTold.push({ live, text: line.textContent });
      }).observe(region, { childList: true });
    }
  });
}

function told(page) {
  return page.evaluate(() => window.wteTold || []);
}

module.exports = { focused, tabTo, listenToAnnouncements, told };
