// Authoring the content tree in a real browser against a real wte-server:
// the demo teacher creates a module, a part and two pages through the UI,
// reorders the pages by dragging one by its grip, makes the module and the
// part available with the Edit dialog, and sees the delete dialog state what
// deleting takes with it; a student then takes the module (through the API)
// and reads the pages in the new order. Screenshots in build/screenshots/.
// Page content and the pages' status are set through the API: writing
// content is the content editor's job (another screen).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { api, BASE_URL, launch, Wte } = require('./lib/wte');

const TEACHER = { email: 'teacher@example.org', password: 'teacher-demo' };
const STUDENT = { email: 'student2@example.org', password: 'student2-demo' };
const SIZE = { width: 1280, height: 1600 };

function routeId(route) {
  const m = /^#\/parts\/(\d+)$/.exec(route);
  assert.ok(m, `a part route: ${route}`);
  return Number(m[1]);
}

// Creates a child (or a module) with the inline "New …" dialog.
async function create(wte, addButton, title) {
  await wte.click(addButton, 'button');
  await wte.typeInto('Title', title);
  await wte.click('Create', 'button');
}

// Sets the status of the node on screen with its Edit dialog.
async function makeAvailable(wte, kind, screenshot) {
  await wte.click(`Edit ${kind}`, 'button');
  await wte.click('Available', 'radio');
  if (screenshot) await wte.screenshot(screenshot);
  await wte.click('Save', 'button');
  await wte.page.waitForFunction(
    () => !window.wteTest.widgets.some((w) => w.label === 'Save' && w.kind === 'button'),
    null,
    { timeout: wte.timeout }
  );
}

test('a teacher builds a module in the app, reorders by dragging; a student reads it', async (t) => {
  const teacher = await launch(SIZE);
  t.after(() => teacher.close());
  const tw = new Wte(teacher.page);
  await tw.open('');
  await tw.signIn(TEACHER.email, TEACHER.password);
  await tw.waitForScreen('modules');

  // A module: the creator lands on it, and owns it.
  await tw.click('New module', 'button');
  await tw.typeInto('Title', 'Authoring in the App');
  await tw.screenshot('authoring-new-module');
  await tw.click('Create', 'button');
  await tw.waitForScreen('module');
  const moduleId = routeId((await tw.state()).route);
  await tw.waitForText('You own this module.');
  await makeAvailable(tw, 'module', 'authoring-edit-module');
  assert.equal((await api(teacher.page, 'GET', `/parts/${moduleId}`)).status, 'available');

  // A part in it, then two pages in the part.
  await create(tw, 'Add part', 'First Steps');
  await tw.findWidget('First Steps', 'link');
  await tw.click('First Steps', 'link');
  await tw.waitForScreen('part');
  const partId = routeId((await tw.state()).route);
  await create(tw, 'Add page', 'Page One');
  await tw.findWidget('Page One', 'link');
  await create(tw, 'Add page', 'Page Two');
  await tw.findWidget('Drag “Page Two”', 'handle');
  let part = await api(teacher.page, 'GET', `/parts/${partId}`);
  assert.deepEqual(part.children.map((c) => c.title), ['Page One', 'Page Two']);
  assert.equal(part.status, 'unavailable', 'a new part starts unavailable');

  // Drag "Page Two" by its grip above "Page One", as a person would.
  const grip = await tw.findWidget('Drag “Page Two”', 'handle');
  const first = await tw.findWidget('Drag “Page One”', 'handle');
  await teacher.page.mouse.move(grip.x + grip.w / 2, grip.y + grip.h / 2);
  await tw.nextFrame();
  await teacher.page.mouse.down();
  await tw.nextFrame();
  const targetY = first.y + 6;
  for (let i = 1; i <= 8; i++) {
    const y = grip.y + grip.h / 2 + ((targetY - (grip.y + grip.h / 2)) * i) / 8;
    await teacher.page.mouse.move(grip.x + grip.w / 2, y);
    await tw.nextFrame();
  }
  await tw.screenshot('authoring-dragging');
  await teacher.page.mouse.up();
  await teacher.page.waitForFunction(
    () => {
      const y = (l) => (window.wteTest.widgets.find((w) => w.label === l && w.kind === 'link') || {}).y;
      return y('Page Two') < y('Page One');
    },
    null,
    { timeout: tw.timeout }
  );
  // Saved as one children_order.
  await teacher.page.waitForFunction(
    () => !window.wteTest.texts.some((t) => t.text === 'Saving the new order…'),
    null,
    { timeout: tw.timeout }
  );
  part = await api(teacher.page, 'GET', `/parts/${partId}`);
  assert.deepEqual(part.children.map((c) => c.title), ['Page Two', 'Page One']);

  // The part made available in its Edit dialog; the pages (and their text) by the API.
  await makeAvailable(tw, 'part');
  part = await api(teacher.page, 'GET', `/parts/${partId}`);
  assert.equal(part.status, 'available');
  for (const c of part.children) {
    await api(teacher.page, 'PATCH', `/parts/${c.id}`, {
      status: 'available',
      content: `${c.title}\n${'='.repeat(c.title.length)}\n\nThis is ${c.title.toLowerCase()} of First Steps.\n`,
    });
  }
  await tw.screenshot('authoring-part');

  // The delete dialog states the impact, and Cancel deletes nothing.
  await tw.click('Arrange', 'button');
  await tw.findWidget('Move down', 'button');
  await tw.click('Delete part', 'button');
  await tw.waitForText('Deleting “First Steps” also deletes 2 pages.');
  await tw.screenshot('authoring-delete');
  await tw.click('Cancel', 'button');
  assert.equal((await api(teacher.page, 'GET', `/parts/${partId}`)).children.length, 2);

  // A student takes the module and reads the pages in the new order.
  const student = await launch(SIZE);
  t.after(() => student.close());
  const sw = new Wte(student.page);
  await sw.open('');
  await sw.signIn(STUDENT.email, STUDENT.password);
  await sw.waitForScreen('modules');
  await api(student.page, 'POST', `/parts/${moduleId}/enrol`, {});
  await sw.open(`#/parts/${partId}`);
  await sw.waitForScreen('part');
  const one = await sw.findWidget('Page One', 'link');
  const two = await sw.findWidget('Page Two', 'link');
  assert.ok(two.y < one.y, 'the student sees the order the teacher dragged');
  for (const label of ['Edit part', 'Delete part', 'Add page', 'Arrange']) {
    assert.ok(!(await sw.state()).widgets.some((w) => w.label === label && w.kind === 'button'),
      `a student has no "${label}"`);
  }
  assert.ok(!(await sw.state()).widgets.some((w) => w.kind === 'handle'), 'a student has no grips');
  await sw.click('Page Two', 'link');
  await sw.waitForScreen('page');
  await sw.waitForText('This is page two of First Steps.');
  await sw.screenshot('authoring-student-page');
  assert.deepEqual(teacher.errors, []);
  assert.deepEqual(student.errors, []);
});
