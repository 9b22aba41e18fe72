// The profile and administration in a real browser against a real
// wte-server: high contrast chosen in the profile is saved in the account and
// is on again after signing in in a fresh browser; an administrator finds a
// learner, grants the Teacher group, and that learner can then create a
// module. Screenshots in build/screenshots/.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { api, launch, Wte } = require('./lib/wte');

const ADMIN = { email: 'admin@example.org', password: 'admin-demo' };
const LEARNER = { email: 'student2@example.org', password: 'student2-demo', name: 'Kim Learner' };
const SIZE = { width: 1280, height: 1000 };

async function signedIn(t, who) {
  const browser = await launch(SIZE);
  t.after(() => browser.close());
  const wte = new Wte(browser.page);
  await wte.open('');
  await wte.signIn(who.email, who.password);
  await wte.waitForScreen('modules');
  return { browser, wte };
}

async function checked(wte, label, kind) {
  return wte.page.evaluate(
    ([l, k]) => window.wteTest.widgets.some((x) => x.label === l && x.kind === k && x.checked),
    [label, kind]
  );
}

test('high contrast chosen in the profile is still on after signing in again elsewhere', async (t) => {
  const first = await signedIn(t, LEARNER);
  // The name in the top bar leads to the profile.
  await first.wte.click(LEARNER.name, 'link');
  await first.wte.waitForScreen('profile');
  await first.wte.waitForText('Delete your account');
  await first.wte.screenshot('profile');
  assert.equal(await checked(first.wte, 'Use high contrast colours', 'checkbox'), false);
  await first.wte.click('Use high contrast colours', 'checkbox');
  await first.wte.page.waitForFunction(() =>
    window.wteTest.widgets.some((x) => x.label === 'High contrast' && x.kind === 'checkbox' && x.checked)
  );
  await first.wte.screenshot('profile-high-contrast');
  // Saved in the account (not only in this browser).
  const deadline = Date.now() + 10000;
  while (!(await api(first.browser.page, 'GET', '/auth/me')).user.options.high_contrast) {
    assert.ok(Date.now() < deadline, 'the account says high contrast');
    await first.browser.page.waitForTimeout(100);
  }

  const second = await signedIn(t, LEARNER);
  assert.equal(await checked(second.wte, 'High contrast', 'checkbox'), true, 'on at sign-in in a fresh browser');
  // Back to normal for the other tests, through the top bar's switch.
  await second.wte.click('High contrast', 'checkbox');
  await second.wte.page.waitForFunction(() =>
    window.wteTest.widgets.some((x) => x.label === 'High contrast' && x.kind === 'checkbox' && !x.checked)
  );
  const until = Date.now() + 10000;
  while ((await api(second.browser.page, 'GET', '/auth/me')).user.options.high_contrast) {
    assert.ok(Date.now() < until, 'the account says normal contrast again');
    await second.browser.page.waitForTimeout(100);
  }
});

test('an administrator grants the Teacher group; the learner can then create a module', async (t) => {
  const learner = await signedIn(t, LEARNER);
  assert.ok(!(await learner.wte.state()).widgets.some((w) => w.label === 'New module'), 'no New module before');

  const admin = await signedIn(t, ADMIN);
  await admin.wte.click('Administration', 'tab');
  await admin.wte.waitForScreen('admin-users');
  await admin.wte.typeInto('Search users', 'student2');
  await admin.wte.click('Search', 'button');
  await admin.wte.waitForText('1 user');
  await admin.wte.waitForText(LEARNER.name);
  await admin.wte.click('Permissions', 'button');
  await admin.wte.findWidget('Save permissions', 'button');
  await admin.wte.click('Teacher', 'checkbox');
  await admin.wte.screenshot('admin-permissions');
  await admin.wte.click('Save permissions', 'button');
  await admin.wte.waitForText(`The permissions of ${LEARNER.name} are saved.`);
  await admin.wte.waitForText((x) => x.includes('Teacher'));
  await admin.wte.screenshot('admin-users');

  // The learner signs in again (permissions are read at sign-in) and creates a module.
  const again = await signedIn(t, LEARNER);
  await again.wte.click('New module', 'button');
  await again.wte.typeInto('Title', 'Kim’s First Module');
  await again.wte.click('Create', 'button');
  await again.wte.waitForScreen('module');
  await again.wte.waitForText('You own this module.');
  const id = Number(/^#\/parts\/(\d+)$/.exec((await again.wte.state()).route)[1]);

  // Every module, for the administrator: the new one is there, with its owner.
  await admin.wte.click('All modules', 'tab');
  await admin.wte.waitForScreen('admin-modules');
  await admin.wte.typeInto('Search modules', 'First Module');
  await admin.wte.click('Search', 'button');
  await admin.wte.waitForText(`Owned by ${LEARNER.name} · 1 member`);
  await admin.wte.screenshot('admin-modules');

  // Re-render all content: the job runs on the server, its progress shown
  // until it is done.
  await admin.wte.click('Re-render', 'tab');
  await admin.wte.waitForScreen('admin-rerender');
  await admin.wte.click('Re-render all content', 'button');
  await admin.wte.waitForText('Last re-render', 60000);
  const bar = await admin.wte.findWidget((await admin.wte.state()).widgets.find((w) => w.kind === 'progress').label, 'progress');
  assert.equal(bar.value, bar.max, 'every page re-rendered');
  assert.ok(bar.max > 5, `the demo's pages counted (${bar.label})`);
  await admin.wte.screenshot('admin-rerender');

  // Leave the demo as it was for the other tests.
  await api(again.browser.page, 'DELETE', `/parts/${id}`);
  const users = await api(admin.browser.page, 'GET', '/users?q=student2');
  const student = (await api(admin.browser.page, 'GET', '/admin/groups')).groups.find((g) => g.title === 'Student');
  await api(admin.browser.page, 'PUT', `/users/${users.items[0].id}/permissions`, {
    groups: [student.id],
    permissions: [],
  });
});
