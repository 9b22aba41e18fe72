// Module users and statistics in a real browser against a real wte-server
// through Apache: the demo teacher opens "Members" on the module, adds the
// demo's second student by email (typed like a person), sees the notice and
// the new member in the list (the server agrees), opens the statistics of
// the module and of a part, and downloads the CSV, whose header line is
// checked. A student sees neither button. Screenshots in build/screenshots/.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { BASE_URL, launch, Wte } = require('./lib/wte');

const TEACHER = { email: 'teacher@example.org', password: 'teacher-demo' };
const STUDENT = { email: 'student1@example.org', password: 'student1-demo' };
const CSV_HEADER =
  'kind,page_id,page,available,visits,median_seconds,quiz,question,right_first_time,right_later,still_wrong,not_answered';

async function widgetNamed(wte, label, kind) {
  const widgets = await wte.page.evaluate(() => window.wteTest.widgets);
  return widgets.find((w) => w.label === label && (!kind || w.kind === kind));
}

test('the teacher adds a student by email, opens the statistics and downloads the CSV', async (t) => {
  const teacher = await launch({ height: 1000 });
  t.after(() => teacher.close());
  const { page } = teacher;
  const wte = new Wte(page);
  await wte.open('');
  await wte.signIn(TEACHER.email, TEACHER.password);
  await wte.waitForScreen('modules');

  await wte.click('Web Development Basics', 'link');
  await wte.waitForScreen('module');
  await wte.click('Members', 'button');
  await wte.waitForScreen('members');
  assert.equal(await page.evaluate(() => window.location.hash), '#/parts/1/users');
  await wte.waitForText('Sam Student');
  assert.equal(await page.title(), 'Members — Web Development Basics — WTE');

  await wte.typeInto('Email address', 'student2@example.org');
  await wte.click('Student', 'radio');
  await wte.click('Add member', 'button');
  await wte.waitForText('Kim Learner was added as a student.');
  await wte.waitForText('student2@example.org');
  await wte.screenshot('members');

  // The server agrees: student2 is a student of the module now.
  const listed = await page.request.get(BASE_URL + '/api/v1/parts/1/users?q=student2');
  assert.equal(listed.status(), 200);
  const body = await listed.json();
  assert.deepEqual(body.items.map((m) => [m.email, m.role]), [['student2@example.org', 'student']]);

  // Adding them again is refused in the server's words, in place.
  await wte.typeInto('Email address', 'student2@example.org');
  await wte.click('Add member', 'button');
  await wte.waitForText((s) => s.startsWith('student2@example.org is already a member of this module'));

  await wte.click('‹ Back to Web Development Basics', 'link');
  await wte.waitForScreen('module');
  await wte.click('Statistics', 'button');
  await wte.waitForScreen('stats');
  assert.equal(await page.evaluate(() => window.location.hash), '#/parts/1/stats');
  const completed = await wte.findWidget('Completed', 'stat');
  const notStarted = await wte.findWidget('Not started', 'stat');
  // student1 is part-way through; student2 has just joined.
  assert.equal(completed.value + (await wte.findWidget('In progress', 'stat')).value + notStarted.value, 2);
  assert.ok(notStarted.value >= 1);
  const box = await wte.findWidget('Time spent per learner', 'chart');
  assert.match(box.value, /^min .* · median .* · max /);
  await wte.screenshot('stats-module');

  const download = page.waitForEvent('download');
  await wte.click('Download CSV', 'button');
  const saved = await download;
  assert.equal(saved.suggestedFilename(), 'Web Development Basics statistics.csv');
  const bytes = require('node:fs').readFileSync(await saved.path());
  const text = bytes.toString('utf8');
  assert.equal(text.charCodeAt(0), 0xfeff, 'a byte-order mark, so spreadsheets read UTF-8');
  const lines = text.slice(1).split('\r\n');
  assert.equal(lines[0], CSV_HEADER);
  assert.ok(lines.some((l) => l.startsWith('page,') && l.includes('Check Your Understanding')));
  assert.ok(lines.some((l) => l.startsWith('question,')));

  // A part's statistics: its quiz questions drawn as stacked bars.
  await wte.open('#/parts/4/stats');
  await wte.waitForScreen('stats');
  const widgets = await page.evaluate(() => window.wteTest.widgets);
  const bars = widgets.filter((w) => w.kind === 'chart' && w.label !== 'Time spent per learner');
  assert.ok(bars.length >= 1, 'a bar per quiz question');
  assert.match(bars[0].value, /^Right the first time \d+ · Right later \d+ · Still wrong \d+ · Not answered \d+$/);
  await wte.screenshot('stats-part');
  // Scrolled down with the wheel, as a person would: the questions' bars.
  await page.mouse.move(640, 600);
  await page.mouse.wheel(0, 900);
  await wte.nextFrame();
  await wte.nextFrame();
  await wte.screenshot('stats-part-questions');
  assert.deepEqual(teacher.errors, []);
});

test('a student sees neither Members nor Statistics, and the server refuses both', async (t) => {
  const student = await launch();
  t.after(() => student.close());
  const wte = new Wte(student.page);
  await wte.open('');
  await wte.signIn(STUDENT.email, STUDENT.password);
  await wte.waitForScreen('modules');
  await wte.open('#/parts/1');
  await wte.waitForScreen('module');
  await wte.waitForText('You are taking this module.');
  assert.equal(await widgetNamed(wte, 'Members', 'button'), undefined);
  assert.equal(await widgetNamed(wte, 'Statistics', 'button'), undefined);
  await wte.open('#/parts/1/stats');
  await wte.waitForScreen('stats');
  await wte.waitForText('Only the owners and tutors of module 1 may see its statistics');
  assert.equal(await widgetNamed(wte, 'Download CSV', 'button'), undefined);
});
