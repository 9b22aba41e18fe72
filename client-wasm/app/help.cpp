// The help's texts and its renderers. Each primer example is real
// reStructuredText: a unit test parses every one and requires no diagnostics,
// and another requires every WTE directive and role to appear in one.
#include "app/help.hpp"

#include "app/app.hpp"
#include "wte/permissions.hpp"

#include <algorithm>

namespace wte::client {

namespace help {

const std::vector<HelpSection>& primer() {
    static const std::vector<HelpSection> sections = {
        {"Text",
         "Pages are written in reStructuredText: plain text with a few marks. A blank line "
         "starts a new paragraph.",
         {
             {"Emphasis, strong, literal",
              "Text can be *emphasised*, **strong** or\n"
              "``literal``, like a tag name ``<p>``.",
              "Ctrl+B, Ctrl+I and Ctrl+K put the marks around the selection."},
             {"Sub- and superscript", "Water is H\\ :sub:`2`\\ O and E = mc\\ :sup:`2`.",
              "The backslash and space join the role to the word before it."},
             {"Inline code with colours",
              "Call :code-js:`document.querySelector('h1')`\n"
              "or style :code-css:`h1 { color: navy; }`.",
              ":code-html:, :code-css:, :code-js: (and :code: without colours)."},
             {"A safe style", "This is :style:`important <color: #b42318; font-weight: bold>`.",
              "Only safe CSS declarations are kept (colours, weight, size...)."},
         }},
        {"Headings",
         "Underline a title with a line of = - ~ or another punctuation mark, at least as "
         "long as the title. The first kind used is the top level.",
         {
             {"Sections",
              "Part title\n==========\n\nA section\n---------\n\nA smaller "
              "one\n~~~~~~~~~~~~~\n\nText under it.",
              ""},
         }},
        {"Lists",
         "",
         {
             {"Bullets and numbers",
              "- Plan the page.\n- Write it:\n\n  1. the ``head``,\n  2. the ``body``.\n\n- "
              "Check it.",
              "Indent a nested list under the text of its item, with blank lines around it."},
             {"Definitions",
              "Element\n   A part of a document, written with tags.\n\n"
              "Attribute\n   Extra information on an element.",
              ""},
             {"Fields", ":Author: Tessa Teacher\n:Time needed: About twenty minutes", ""},
         }},
        {"Links",
         "",
         {
             {"External links",
              "Read `the MDN web docs <https://developer.mozilla.org/>`_\n"
              "or `write to us <mailto:teacher@example.org>`_.",
              "Links open in a new tab."},
             {"Cross-references", "See :crossref:`12`, or :crossref:`the HTML part <12>`.",
              "The number is the part's id (in its address, #/parts/12). Readers see the "
              "part's title, and only when they may open it."},
             {"Assets", "Download :asset:`the handout <handout.pdf>`.",
              "Names a file of this part or of a part above it (Files). Images show; other "
              "files download."},
         }},
        {"Blocks",
         "",
         {
             {"Literal block",
              "End a paragraph with :: and indent the block::\n\n    <p>\n"
              "      Spaces are kept.\n    </p>",
              ""},
             {"Quotation",
              "..\n\n   Keep your pages simple, fast and readable.\n\n   -- A "
              "web developer",
              ""},
             {"Line block", "| A line block keeps\n| its line breaks.", ""},
             {"Tables",
              "=====  =====\nA      not A\n=====  =====\nTrue   False\nFalse  "
              "True\n=====  =====",
              "Grid tables (+---+ borders) work too."},
             {"Separator", "Above.\n\n----------\n\nBelow.", ""},
         }},
        {"Notes and boxes",
         "",
         {
             {"Admonitions",
              ".. note:: A note adds background.\n\n.. warning:: Browsers "
              "repair broken HTML differently.",
              "Also tip, hint, important, caution, attention, danger, error, seealso."},
             {"Your own title",
              ".. admonition:: Did you know?\n\n   The first web page went "
              "online in 1991.",
              ""},
             {"Show-hide",
              ".. show-hide::\n   :title: Show a hint\n   :initial: hidden\n\n   "
              "Start with the ``<!DOCTYPE html>`` line.",
              "The reader opens and closes it. :initial: visible shows it open."},
         }},
        {"Code",
         "",
         {
             {"Source code",
              ".. sourcecode:: html\n   :filename: index.html\n   :linenos: "
              "1\n\n   <h1 class=\"title\">Hello</h1>",
              "Languages: html, css, javascript, python, bash... Readers can copy it; "
              ":no-select: forbids that. code and code-block are the same directive."},
         }},
        {"Media",
         "",
         {
             {"Image", ".. image:: diagram.png\n   :alt: A diagram of the document tree",
              "diagram.png is an asset of the part (Files). Give every image an :alt: text."},
             {"Figure",
              ".. figure:: diagram.png\n   :alt: The document tree\n\n   The "
              "document tree of a small page.",
              "An image with a caption under it."},
             {"YouTube", ".. youtube:: https://www.youtube.com/watch?v=dQw4w9WgXcQ",
              "Plays in place, from youtube-nocookie.com, only when the reader starts it."},
         }},
        {"Mathematics",
         "",
         {
             {"Inline and display",
              "The roots of :math:`ax^2 + bx + c = 0` are\n\n.. "
              "math::\n\n   x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}",
              "LaTeX notation: fractions, roots, sums, Greek letters."},
         }},
        {"Quizzes",
         "A quiz holds questions; each answer line starts with [x] (right) or [ ] (wrong). "
         "The server checks the answers, so readers never see which are right.",
         {
             {"A quiz",
              ".. quiz:: html-basics\n   :title: HTML basics\n\n   .. "
              "quiz-question:: closing-tags\n      :question: Which element has no "
              "closing tag?\n      :type: single-choice\n\n      [ ] ``p``\n      "
              "[x] ``img``\n\n   .. quiz-question:: lists\n      :question: Which "
              "make lists?\n      :type: multi-choice\n\n      [x] ``ul``\n      [x] "
              "``ol``\n      [ ] ``table``",
              "The quiz and question ids must stay the same once learners answered: their "
              "answers are kept by id. Answers in this help are not checked."},
         }},
    };
    return sections;
}

const std::vector<HelpShortcut>& editor_shortcuts() {
    static const std::vector<HelpShortcut> shortcuts = {
        {"Ctrl+B", "Bold: **strong** around the selection"},
        {"Ctrl+I", "Italic: *emphasis* around the selection"},
        {"Ctrl+K", "Inline code: ``literal`` around the selection"},
        {"Ctrl+S", "Save now"},
        {"Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"},
        {"Ctrl+F", "Find in the text"},
        {"Esc, then Tab", "Leave the editor for the next control (Tab alone indents)"},
        {"F1", "Open or close this help"},
        {"Esc", "Close this help"},
    };
    return shortcuts;
}

const std::vector<HelpSection>& workspace_help() {
    static const std::vector<HelpSection> sections = {
        {"Your files",
         "The lesson is on the left, your files in the middle, the preview on the right. "
         "Each tab is one of your files; index.html is the page the preview shows. "
         "In the editor Tab indents; press Esc, then Tab, to move on to the next control.",
         {}},
        {"Saving",
         "Your files are saved on the server by themselves a few seconds after you stop "
         "typing, and when you leave the page. Ctrl+S saves at once. The tab shows Unsaved "
         "changes until the save is done.\n\nReset puts a file back to the teacher's "
         "version; your own text is then gone.",
         {}},
        {"Preview and console",
         "The preview shows your page as you type, in a frame of its own: your scripts run "
         "there, never in WTE. What your scripts print with console.log, and their errors, "
         "appear in the console under the preview with the file and line.",
         {}},
        {"Downloads",
         "Download saves one file; Download all saves every file of the part as one ZIP, "
         "ready to open on your own computer.",
         {}},
    };
    return sections;
}

bool is_author(const AppState& s) {
    const auto& perms = s.session.current.permissions;
    if (std::find(perms.begin(), perms.end(), permission::modules_create) != perms.end())
        return true;
    const auto& v = s.part.view;
    return v.ready() && v.value.can.edit;
}

void apply(App& app, HelpActions& a) {
    HelpPanel& h = app.state.help;
    if (a.toggle) {
        h.open = !h.open;
        if (h.open)
            h.tab = is_author(app.state) && !a.on_workspace ? HelpTab::writing : HelpTab::workspace;
    }
    if (a.close) h.open = false;
    if (a.tab) h.tab = *a.tab;
    if (h.open && h.renderers.empty()) {
        for (const auto& section : primer())
            for (std::size_t i = 0; i < section.examples.size(); ++i)
                h.renderers.push_back(std::make_unique<render::PageRenderer>());
    }
}

void fulfil(App& app) {
    for (auto& r : app.state.help.renderers) {
        render::RendererNeeds needs = r->take_needs();
        if (needs.empty()) continue;
        for (const std::string& url : needs.images) {
            render::ImageState missing;
            missing.state = render::ImageState::State::failed;
            r->set_image(url, missing);
        }
        for (Id id : needs.crossref_titles)
            r->set_crossref(id, {false, true, "the part with id " + std::to_string(id)});
        if (needs.saved_answers) r->set_saved_answers(*needs.saved_answers, {});
        for (const auto& s : needs.submissions)
            r->verdict_failed(s.part_id, s.answer.quiz, s.answer.question,
                              "This is an example: answers are checked on real pages.");
        for (const auto& url : needs.open_external)
            app.platform().open_external(url);
        for (const auto& text : needs.copy)
            app.platform().clipboard_write(text);
    }
}

} // namespace help

} // namespace wte::client
