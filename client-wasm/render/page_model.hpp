// What the renderer keeps between frames: the laid-out blocks of a page
// (draw commands and interactive regions in page coordinates) and the
// reader's state that changes them (show-hide, quiz answers, link titles,
// images). Layout is a function of (document, width, state version).
#pragma once

#include "ui/theme.hpp"
#include "wte/domain.hpp"
#include "wte/rst/document.hpp"
#include "wte/rst/parser.hpp"

#include <imgui.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace wte::render {

// option: the radio button or checkbox of the hot region `hot`, drawn from
// the reader's state where the layout put it (above the card, below the text).
// video: where a playing YouTube video's frame goes (text: the video id).
enum class CmdKind { text, fill, frame, line, circle, triangle, image, option, video };

// One thing to draw, in page coordinates (x from the text column's left
// edge, y from the top of the content), device pixels.
struct Cmd {
    CmdKind kind = CmdKind::text;
    ImVec2 a, b; // text: top-left; fill/frame/image: rect; line: ends; circle: centre, b.x radius
    ImVec2 c;    // triangle: third corner
    ImU32 colour = 0;
    float size = 0; // text: font size; line/frame: thickness
    float rounding = 0;
    ImFont* font = nullptr;
    std::string text;        // text; image: the image URL
    int hot = -1;            // drawn in the hover colour while this hot region is hovered
    bool selectable = false; // text: part of drag selection and copy
    float line_top = 0, line_bottom = 0; // text: the line it sits on (selection)
    int para = 0;                        // text: copy puts a newline between paragraphs
};

enum class HotKind { link, download, crossref, youtube, copy, toggle, quiz_option, quiz_check };

// A region the reader can click; drawn as an ImGui item each frame it is
// visible, and reported to the UI test bridge with `label` and its kind.
struct Hot {
    HotKind kind = HotKind::link;
    ImVec2 a, b;
    std::string label;
    std::string target; // link, download: URL; crossref: part id; youtube: video id; copy: the text
    std::string filename; // download: the name the file is saved under
    std::string quiz, question;
    int answer = -1;
    bool multi = false;
    bool enabled = true;
    int toggle = 0; // show-hide key (source line)
};

struct ProbeText {
    std::string text;
    ImVec2 a, b;
    int heading = 0;            // a section title: its level (the page title is 1)
    const char* live = nullptr; // announced when it appears: "status" or "alert"
};

// A unit of virtualisation: a section heading or one block of the page.
// Units far from the view are not laid out: `estimated`, they have only a
// guessed height (top to bottom) and nothing to draw, until they come near.
struct LaidBlock {
    float top = 0, bottom = 0;
    bool estimated = false;
    std::vector<Cmd> cmds;
    std::vector<Hot> hots;
    std::vector<ProbeText> texts;
    // Where each block of the unit starts (page y) and its 1-based source
    // line, in layout order: the editor's scroll sync and click-to-line.
    struct Anchor {
        float y = 0;
        int line = 0;
    };
    std::vector<Anchor> anchors;
};

enum class QuizResult { none, right, wrong };

struct QuestionState {
    std::set<int> chosen;
    QuizResult result = QuizResult::none;
    int attempts = 0;
    bool busy = false;
    std::string error;
};

struct CrossrefTitle {
    bool loading = true;
    bool available = false;
    std::string title;
};

struct ImageState {
    enum class State { loading, ready, failed } state = State::loading;
    unsigned texture = 0;
    int width = 0, height = 0;
};

// The reader's state for the page on screen. `version` changes whenever
// something here changes what the layout looks like.
struct PageState {
    Id part_id = 0;
    int version = 0;
    std::map<int, bool> open;                       // show-hide by source line
    std::map<std::string, QuestionState> questions; // "quiz/question"
    std::string quiz_error;                         // restoring answers failed
    std::map<std::string, CrossrefTitle> crossrefs; // by part id (kept across pages)
    std::map<std::string, ImageState> images;       // by URL (kept across pages)
    std::map<std::string, double> copied_at;        // copy button feedback by code
    std::set<std::string> playing;                  // YouTube videos started by the reader
};

std::string question_key(const std::string& quiz, const std::string& question);

} // namespace wte::render
