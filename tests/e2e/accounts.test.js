// Accounts by mail in a real browser, with a real SMTP server (ci/e2e.sh):
// a newcomer creates an account from the sign-in screen, the confirmation
// mail arrives, its link opens the app where they choose a password and land
// signed in; later they forget the password, the reset link sets a new one.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { BASE_URL, launch, waitForMail, Wte } = require('./lib/wte');

const EMAIL = `newcomer-${Date.now()}@school.example`;

// The app's address inside a mail, turned into the hash it opens.
function linkIn(mail, kind) {
  const m = mail.text.match(new RegExp('(https?://\\S+/#/' + kind + '/[A-Za-z0-9_-]+)'));
  assert.ok(m, `the mail has a ${kind} link: ${mail.text}`);
  assert.ok(m[1].startsWith(BASE_URL), `${m[1]} points at the app (${BASE_URL})`);
  return m[1].slice(BASE_URL.length + 1); // "#/confirm/…"
}

test('a newcomer registers, confirms by mail and is signed in; a forgotten password is reset', async (t) => {
  const session = await launch({ width: 1280, height: 900 });
  t.after(() => session.close());
  const wte = new Wte(session.page);

  await wte.open('');
  await wte.waitForScreen('signin');
  await wte.click('Create an account', 'link');
  await wte.waitForScreen('register');
  await wte.typeInto('Email', EMAIL);
  await wte.typeInto('Email again', EMAIL.replace('newcomer', 'newcomr'));
  await wte.typeInto('Your name', 'Zoë Ångström');
  await wte.click('Create account', 'button');
  await wte.waitForText('The two email addresses are not the same.');
  await wte.typeInto('Email again', EMAIL, { clear: true });
  await wte.screenshot('accounts-01-register');
  await wte.click('Create account', 'button');
  await wte.waitForText((x) => x.startsWith('We sent a link to ' + EMAIL));
  await wte.screenshot('accounts-02-sent');

  const confirm = await waitForMail(EMAIL, /#\/confirm\//);
  assert.match(confirm.text, /Hello Zoë Ångström/);
  await wte.open(linkIn(confirm, 'confirm'));
  await wte.waitForScreen('confirm');
  await wte.typeInto('New password', 'zoes-first-pass');
  await wte.typeInto('New password again', 'zoes-first-pass');
  await wte.screenshot('accounts-03-choose-password');
  await wte.click('Save password and sign in', 'button');
  await wte.waitForScreen('my-modules');
  const route = await session.page.evaluate(() => window.location.hash);
  assert.equal(route, '#/my', 'the token is gone from the address bar');
  await wte.findWidget('Zoë Ångström', 'link'); // the top bar's name, leading to the profile

  // The same link a second time: it was used.
  await wte.click('Sign out', 'button');
  await wte.waitForScreen('signin');
  await wte.open(linkIn(confirm, 'confirm'));
  await wte.waitForScreen('confirm');
  await wte.typeInto('New password', 'zoes-other-pass');
  await wte.typeInto('New password again', 'zoes-other-pass');
  await wte.click('Save password and sign in', 'button');
  await wte.waitForText((x) => x.startsWith('This link has expired or was used already'));
  await wte.findWidget('Create the account again', 'button');

  // Forgotten password: from sign-in, with the typed address carried over.
  await wte.open('#/signin');
  await wte.waitForScreen('signin');
  await wte.typeInto('Email', EMAIL);
  await wte.click('Forgot your password?', 'link');
  await wte.waitForScreen('forgot');
  await wte.click('Send the link', 'button');
  await wte.waitForText((x) => x.startsWith('If ' + EMAIL + ' has an account'));
  const reset = await waitForMail(EMAIL, /#\/reset\//);
  await wte.open(linkIn(reset, 'reset'));
  await wte.waitForScreen('reset');
  await wte.typeInto('New password', 'zoes-second-pass');
  await wte.typeInto('New password again', 'zoes-second-pass');
  await wte.click('Save password and sign in', 'button');
  await wte.waitForScreen('my-modules');

  // The new password works, the old one no longer does.
  const login = (password) =>
    session.page.request.post(BASE_URL + '/api/v1/auth/login', { data: { email: EMAIL, password } });
  assert.equal((await login('zoes-first-pass')).status(), 401);
  assert.equal((await login('zoes-second-pass')).status(), 200);
});
