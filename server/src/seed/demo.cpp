#include "seed/demo.hpp"

#include "auth/crypto.hpp"
#include "content/quizzes.hpp"
#include "db/rows.hpp"
#include "seed/demo_assets.hpp"

#include <iterator>
#include <utility>

namespace wte::seed {

namespace {

const char* intro_page = R"(Welcome to the Web
==================

Every web page you have ever visited is built from three languages working
together: **HTML** gives a page its structure, **CSS** its looks and
**JavaScript** its behaviour. In this module you will learn all three by
building small pages of your own.

How this module works
---------------------

Each part starts with a *tutorial* that explains one idea with examples,
followed by an *exercise* in which you write code in the browser and see the
result immediately.

* Read the pages in order; the next page builds on the previous one.
* Try every example yourself.
* Answer the short quizzes to check your understanding.

.. note::

   You do not need to install anything. Everything happens in your browser.
)";

const char* html_basics_page = R"(The Structure of an HTML Document
=================================

An HTML document is a tree of *elements*. Each element starts with an opening
tag such as ``<p>`` and usually ends with a closing tag such as ``</p>``.
Here is the smallest useful page::

    <!DOCTYPE html>
    <html lang="en">
      <head>
        <title>My first page</title>
      </head>
      <body>
        <h1>Hello, world!</h1>
        <p>This is my first web page.</p>
      </body>
    </html>

The ``head`` holds information *about* the page, such as its title; the
``body`` holds what the reader sees.

Common elements
---------------

``h1`` to ``h6``
   Headings, from most to least important.

``p``
   A paragraph of text.

``a``
   A link to another page, for example ``<a href="https://example.org">``.

``img``
   An image; it has no closing tag.

Learn more in the `MDN introduction to HTML <https://developer.mozilla.org/en-US/docs/Learn/HTML>`_.
)";

const char* lists_page = R"(Lists and Nesting
=================

HTML has two kinds of lists. An *unordered* list (``ul``) shows bullets, an
*ordered* list (``ol``) shows numbers. Each entry is a list item (``li``).

1. Write the ``ul`` or ``ol`` element.
2. Put one ``li`` element inside it for every entry.
3. To nest a list, put a whole new list *inside* an ``li``.

Elements must be closed in the reverse order in which they were opened:
``<ul><li><b>text</b></li></ul>`` is correct, ``<ul><li><b>text</li></b></ul>``
is not.

.. warning::

   Browsers try to repair broken HTML, but each browser repairs it
   differently. Always close your elements properly.
)";

const char* css_page = R"(Styling with CSS
================

CSS rules choose elements with a *selector* and set *properties* on them::

    h1 {
      color: darkblue;
      font-family: sans-serif;
    }

A rule can select by element name (``p``), by class (``.note``) or by id
(``#main``). When several rules set the same property, the more specific
selector wins.

Try changing the colour of every heading on your page. Then give one
paragraph the class ``highlight`` and make its background light yellow.
)";

const char* quiz_page = R"(Check Your Understanding
========================

Answer the questions below, then press *Check answers*. You can try again
until you get them right.

.. quiz:: html-basics
   :title: HTML basics

   .. quiz-question:: closing-tags
      :question: Which element has no closing tag?
      :type: single-choice

      [ ] ``p``
      [x] ``img``
      [ ] ``ul``

   .. quiz-question:: lists
      :question: Which elements make lists? (choose every right answer)
      :type: multi-choice

      [x] ``ul``
      [x] ``ol``
      [ ] ``li``
      [ ] ``table``
)";

const char* exercise_page = R"(Exercise: Your Own Home Page
============================

This page has three panes: this text, the code of your page (the tabs
``index.html``, ``style.css`` and ``script.js``) and a preview of it. Your
files start as a copy of the teacher's templates and are saved for you as you
type; the preview reloads after each save. "Discard changes" brings a file
back to the template; "Download all" gives you a ZIP of your files.

Build a small home page about yourself. It must contain:

* a main heading with your name,
* a paragraph that introduces you,
* an unordered list of three things you enjoy,
* a link to a website you like.

When you are happy with the structure, give your page a background colour
and a readable font in ``style.css``. ``script.js`` writes a line to the
console under the preview: change it and watch the console. The picture
``assets/logo.png`` comes with the exercise; keep it or remove it.

Façade, naïve, Ångström: accented text works everywhere, too.
)";

// The templates of the exercise: a page that uses all three files and the logo.
const char* exercise_index_html = R"(<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>My Home Page</title>
  <link rel="stylesheet" href="style.css">
</head>
<body>
  <img src="assets/logo.png" alt="A small house" width="64" height="64">
  <h1>Your Name</h1>
  <p>A few sentences about you.</p>
  <script src="script.js"></script>
</body>
</html>
)";

const char* exercise_style_css = R"(body {
  font-family: sans-serif;
  margin: 2em;
}

h1 {
  color: #1a4d8f;
}
)";

const char* exercise_script_js =
    R"(// Runs when the page loads; the line appears in the console under the preview.
console.log("Hello from script.js!");
)";

// Every construct and WTE extension on one page; {html_part} and {js_part}
// are replaced by part ids known only after insertion.
const char* everything_page = R"(Everything WTE Can Show
=======================

This page shows every kind of content a WTE page can hold, so authors can
see what is possible and readers know what to expect.

Text and inline styles
----------------------

Text can be *emphasised*, **strong**, ``inline literal`` or a mix of
*emphasis with* **strength**. Chemistry and maths use H\ :sub:`2`\ O and
E = mc\ :sup:`2`. Authors may colour words with :style:`a safe style <color: #b42318; font-weight: bold>`
and show code in a sentence: :code-js:`const total = price * count;`.

Links of all kinds
~~~~~~~~~~~~~~~~~~

* An external link: `the MDN web docs <https://developer.mozilla.org/>`_.
* An email address: `write to us <mailto:teacher@example.org>`_.
* A cross reference to another part: :crossref:`{html_part}`, and one with its
  own text: :crossref:`the HTML part <{html_part}>`.
* A cross reference the reader may not open: :crossref:`{js_part}`.
* An asset of this page: :asset:`the course handout <handout.pdf>`.

Lists
-----

1. Plan the page.
2. Write the HTML:

   a. the ``head`` with a title,
   b. the ``body`` with the content.

      i. headings first,
      ii. then paragraphs.

3. Add the styles.

- Bullets nest too.

  - Second level.

    - Third level.

Definitions and fields
----------------------

Element
   A part of an HTML document, written with tags.

Attribute
   Extra information on an element, such as ``href`` on a link.

:Author: Tessa Teacher
:Level: Beginners
:Time needed: About twenty minutes

Blocks of text
--------------

A literal block keeps every space::

    <p>
      Indented     exactly as typed.
    </p>

    Blank lines inside it stay.

..

   The web is for everyone. Keep your pages simple, fast and readable.

   -- A wise web developer

| A line block keeps its line breaks,
| like an address or a poem:
|     indented lines stay indented.

----------

Tables
------

=====  =====  =======
  A      B    A or B
=====  =====  =======
False  False  False
True   False  True
False  True   True
=====  =====  =======

+--------------+---------------+------------------+
| Element      | Purpose       | Example          |
+==============+===============+==================+
| ``h1``       | Main heading  | ``<h1>Hi</h1>``  |
+--------------+---------------+------------------+
| ``a``        | A link to another page           |
+--------------+---------------+------------------+
| ``img``      | An image      | - no closing tag |
+--------------+ with alt text | - needs ``alt``  |
| ``picture``  |               |                  |
+--------------+---------------+------------------+

Notes, tips and warnings
------------------------

.. note:: A note adds useful background.

.. tip:: Press Ctrl+S to save your work at any time.

.. hint:: Look at the closing tags.

.. important:: Every page needs a title.

.. warning:: Browsers repair broken HTML differently.

.. caution:: Check your page in more than one browser.

.. attention:: The exercise is due on Friday.

.. danger:: Never paste code you do not understand into the console.

.. error:: This is how an error box looks.

.. seealso:: The page about lists.

.. admonition:: Did you know?

   The first web page went online in 1991.

.. show-hide::
   :title: Show a hint
   :initial: hidden

   Start with the ``<!DOCTYPE html>`` line.

.. show-hide::
   :title: Hide the summary
   :initial: visible

   HTML gives structure, CSS gives looks, JavaScript gives behaviour.

Source code
-----------

.. sourcecode:: html
   :filename: index.html
   :linenos: 1

   <!DOCTYPE html>
   <html lang="en">
     <body>
       <h1 class="title">Hello &amp; welcome</h1>
     </body>
   </html>

.. sourcecode:: css
   :filename: style.css
   :linenos: 1

   /* Headings in the brand colour */
   h1.title { color: #2f5fd0; margin: 0 auto; }

.. sourcecode:: javascript
   :filename: app.js
   :linenos: 10

   const button = document.querySelector('button');
   button.addEventListener('click', () => {
     console.log(`Clicked ${count += 1} times`); // count the clicks
   });

.. sourcecode:: python
   :filename: greet.py

   def greet(name):
       """Say hello."""
       return f"Hello, {name}!"  # a comment

.. sourcecode:: bash
   :no-select:

   echo "This example cannot be copied"

Media
-----

.. image:: diagram.png
   :alt: A diagram of the document tree

.. youtube:: https://www.youtube.com/watch?v=dQw4w9WgXcQ

Mathematics
-----------

The quadratic formula :math:`x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a}` solves
:math:`ax^2 + bx + c = 0`, and Greek letters such as :math:`\alpha`,
:math:`\beta` and :math:`\pi` work inline.

.. math::

   \sum_{i=1}^{n} i = \frac{n(n+1)}{2}

.. math::

   \sqrt[3]{x_1^2 + x_2^2} \le \alpha \cdot \beta \ne \gamma

A quick quiz
------------

.. quiz:: everything-quiz
   :title: Try it

   .. quiz-question:: styles
      :question: Which language gives a web page its looks?
      :type: single-choice

      [ ] HTML
      [x] CSS
      [ ] JavaScript
)";
} // namespace

std::vector<DemoAccount> seed_demo(db::Stores& store) {
    std::vector<DemoAccount> accounts = {
        {"teacher@example.org", "teacher-demo", "Teacher (owns the demo module)"},
        {"student1@example.org", "student1-demo", "Student (part-way through \"HTML Structure\")"},
        {"student2@example.org", "student2-demo", "Student (has not taken it yet)"},
    };
    auto teacher_group = store.users.find_group("Teacher");
    auto student_group = store.users.find_group("Student");
    std::vector<Id> ids;
    const char* names[] = {"Tessa Teacher", "Sam Student", "Kim Learner"};
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        Id id =
            store.users.create_user(accounts[i].email, names[i],
                                    auth::hash_password(accounts[i].password), UserStatus::active);
        store.users.add_to_group(id, i == 0 ? *teacher_group : *student_group);
        ids.push_back(id);
    }

    auto add = [&](PartType type, std::optional<Id> parent, std::optional<Id> module,
                   const std::string& title, const std::string& label, const std::string& content,
                   DisplayMode mode = DisplayMode::text_only) {
        Part p;
        p.type = type;
        p.parent_id = parent;
        p.title = title;
        p.status = Status::available;
        p.label = label;
        p.content = content;
        p.display_mode = mode;
        p.order = -1;
        Id id = store.tree.insert_part(p, module);
        content::store_quizzes(store, id, content);
        return id;
    };

    Id module =
        add(PartType::module, std::nullopt, std::nullopt, "Web Development Basics", "",
            "Web Development Basics\n======================\n\nLearn to build web pages "
            "with HTML, CSS and JavaScript, one small step at a time. No experience needed.\n");
    store.membership.set_role(module, ids[0], ModuleRole::owner);
    store.membership.set_role(module, ids[1], ModuleRole::student);

    Id getting_started =
        add(PartType::part, module, module, "Getting Started", "Tutorial",
            "An overview of how the web works and how this module is organised.\n");
    add(PartType::page, getting_started, module, "Welcome to the Web", "", intro_page);
    Id html = add(PartType::part, module, module, "HTML Structure", "Tutorial",
                  "Elements, tags and the document tree.\n");
    Id structure_page = add(PartType::page, html, module, "The Structure of an HTML Document", "",
                            html_basics_page);
    Id lists = add(PartType::page, html, module, "Lists and Nesting", "", lists_page);
    add(PartType::page, html, module, "Styling with CSS", "", css_page);
    Id check = add(PartType::page, html, module, "Check Your Understanding", "", quiz_page);
    Id exercise =
        add(PartType::part, module, module, "Your Own Home Page", "Exercise",
            "Put what you learned together in a page of your own.\n", DisplayMode::three_pane_html);
    add(PartType::page, exercise, module, "Exercise: Your Own Home Page", "", exercise_page,
        DisplayMode::three_pane_html);

    // A second module behind a password, to try "Take this module".
    Id js = add(PartType::module, std::nullopt, std::nullopt, "JavaScript in Practice", "",
                "JavaScript in Practice\n======================\n\nMake your pages interactive: "
                "events, the DOM and fetching data. Ask your teacher for the module password "
                "(in this demo it is *js-demo*).\n");
    store.membership.set_role(js, ids[0], ModuleRole::owner);
    store.tree.set_access(js, true, auth::hash_password("js-demo"), std::nullopt);
    Id events = add(PartType::part, js, js, "Events", "Tutorial", "Reacting to the reader.\n");
    add(PartType::page, events, js, "Click Handlers", "",
        "Click Handlers\n==============\n\nUse ``addEventListener('click', ...)`` to run code "
        "when the reader clicks an element.\n");

    // Added last so the ids of the pages above stay as they were; it is
    // still the second page of "Getting Started" (pages are appended).
    std::string everything = everything_page;
    auto put = [&](const std::string& key, Id id) {
        for (auto at = everything.find(key); at != std::string::npos; at = everything.find(key))
            everything.replace(at, key.size(), std::to_string(id));
    };
    put("{html_part}", html);
    put("{js_part}", events);
    Id everything_id =
        add(PartType::page, getting_started, module, "Everything WTE Can Show", "", everything);
    // The files its image directive and :asset: role name, as a teacher would upload them.
    auto attach = [&](const std::string& filename, const std::string& mimetype,
                      const std::string& bytes) {
        Asset a;
        a.part_id = everything_id;
        a.filename = filename;
        a.mimetype = mimetype;
        a.size = static_cast<std::int64_t>(bytes.size());
        a.etag = auth::content_hash(bytes);
        store.assets.insert(a, bytes);
    };
    attach("diagram.png", "image/png", diagram_png());
    attach("handout.pdf", "application/pdf", handout_pdf());
    auto attach_to = [&](Id part, AssetKind kind, const std::string& filename,
                         const std::string& mimetype, const std::string& bytes) {
        Asset a;
        a.part_id = part;
        a.filename = filename;
        a.mimetype = mimetype;
        a.kind = kind;
        a.size = static_cast<std::int64_t>(bytes.size());
        a.etag = auth::content_hash(bytes);
        store.assets.insert(a, bytes);
    };
    // After the files above, so their ids stay as they were. Each learner's workspace starts as a
    // copy of these templates.
    attach_to(exercise, AssetKind::template_file, "index.html", "text/html", exercise_index_html);
    attach_to(exercise, AssetKind::template_file, "style.css", "text/css", exercise_style_css);
    attach_to(exercise, AssetKind::template_file, "script.js", "text/javascript",
              exercise_script_js);
    attach_to(exercise, AssetKind::asset, "logo.png", "image/png", logo_png());

    // student1 is part-way through "HTML Structure", so `make run` shows
    // progress: two pages read, "Styling with CSS" skipped, the quiz page
    // open (the current page) with one of its two questions answered.
    const Id student = ids[1];
    const std::int64_t yesterday = db::now_seconds() - 86400;
    const std::pair<Id, std::int64_t> read[] = {{structure_page, 320}, {lists, 245}, {check, 95}};
    for (std::size_t i = 0; i < std::size(read); ++i) {
        const auto [page, seconds] = read[i];
        const std::int64_t at = yesterday + 600 * static_cast<std::int64_t>(i);
        store.progress.record_visit(student, html, page, at);
        store.progress.add_seconds(student, page, seconds, at + seconds);
    }
    store.quizzes.save_answer(student, check,
                              {"html-basics", "closing-tags", {"img"}, true, 1, {"img"}, true});
    return accounts;
}

} // namespace wte::seed
