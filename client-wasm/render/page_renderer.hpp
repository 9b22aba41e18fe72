// The reStructuredText page renderer as an object: parses a part's content
// once per change, lays it out once per width, draws only the visible blocks
// each frame. It has no network access: what it needs (images, link titles,
// saved quiz answers) and what the reader asked for (answers to check, links
// to open, files to download, videos to play, text to copy) are recorded in RendererNeeds during
// drawing; the app fulfils them after the frame and feeds the results back through the set_*
// methods. Any number of renderers can live side by side (the page and the teacher's live preview).
#pragma once

#include "render/page_model.hpp"
#include "wte/api.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wte::render {

struct QuizSubmission {
    Id part_id = 0;
    api::QuizAnswerSubmission answer;
};

// A file the reader asked to save (a non-image :asset:), same-origin URL.
struct DownloadRequest {
    std::string url;
    std::string filename;
};

// A YouTube video the reader started: played in place in a frame laid over
// the canvas (the renderer cannot draw it). Reported every frame while it
// plays; the app removes the frame of a video no longer reported.
struct VideoEmbed {
    std::string video_id;
    std::string src; // the privacy-friendly embed URL
    // In canvas device pixels (ImGui's screen space); `hidden` are the parts
    // of `rect` outside the scrolling window, cut out of the frame.
    float x = 0, y = 0, w = 0, h = 0;
    struct Rect {
        float x = 0, y = 0, w = 0, h = 0;
    };
    std::vector<Rect> hidden;
    bool visible = false; // false: scrolled out of view (or not drawn this frame)
};

struct RendererNeeds {
    std::vector<std::string> images; // URLs met by the layout for the first time
    std::vector<Id> crossref_titles; // parts whose title a link shows
    std::optional<Id> saved_answers; // the reader's earlier quiz answers on this part
    std::vector<QuizSubmission> submissions;
    std::vector<std::string> open_external; // URLs for a new tab
    std::optional<Id> open_part;            // a cross-reference was clicked
    std::vector<std::string> copy;          // text for the clipboard
    std::vector<DownloadRequest> downloads;
    std::vector<VideoEmbed> videos; // every video playing on the page, each frame
    bool empty() const {
        return images.empty() && crossref_titles.empty() && !saved_answers && submissions.empty() &&
               open_external.empty() && !open_part && copy.empty() && downloads.empty() &&
               videos.empty();
    }
};

struct PageRendererState;

class PageRenderer {
public:
    PageRenderer();
    ~PageRenderer();
    PageRenderer(PageRenderer&&) noexcept;
    PageRenderer& operator=(PageRenderer&&) noexcept;

    // Draws `content` of part `part_id` at the cursor of the current ImGui
    // window; a leading title equal to `title` is not repeated.
    void draw(Id part_id, const std::string& content, const std::string& title);
    // What drawing recorded since the last call.
    RendererNeeds take_needs();

    void set_image(const std::string& url, const ImageState& image);
    void set_crossref(Id part_id, const CrossrefTitle& title);
    void set_saved_answers(Id part_id, const std::vector<QuizAnswer>& answers);
    void saved_answers_failed(Id part_id, const std::string& message);
    void set_verdict(Id part_id, const api::QuizVerdict& verdict);
    void verdict_failed(Id part_id, const std::string& quiz, const std::string& question,
                        const std::string& message);

    Id part_id() const;
    // The chosen answers of a question, by position (0-based), for tests.
    std::vector<int> chosen(const std::string& quiz, const std::string& question) const;
    // The teacher's live preview: no saved answers are asked for, quiz
    // answers are not sent, cross-references do not navigate.
    void set_preview(bool preview);
    // The parser's problems with the content last drawn.
    const std::vector<rst::Diagnostic>& diagnostics() const;
    // The teacher's editor keeps source and preview together. Page y is
    // measured from where draw() put the content (the cursor), device px.
    // The 1-based source line of the block (innermost) at page y; 0 when empty.
    int line_at(float y) const;
    // The page y of the block that starts at or nearest before source `line`;
    // the page is laid out down to it first, so the place is exact.
    float y_of_line(int line);
    // Lays out every unit that starts at or before source `line` (INT_MAX:
    // the whole page) at the width of the last draw. draw() lays out only
    // the units near the view; those far from it have an estimated height.
    void lay_out_through(int line);
    float content_height() const;
    // CPU time of the last draw and of the last layout, in milliseconds.
    double draw_ms() const;
    double layout_ms() const;
    // What the last change of the text cost: its parse and its layout.
    double update_ms() const;
    // What the layout did since the text, width, scale, look or reader's state
    // last changed: units laid out afresh (those near the view, then more as
    // the view moves), units an edit left alone whose layout was kept (moved
    // to where they now start), and units still waiting with an estimated height.
    struct LayoutCounts {
        int laid = 0, kept = 0, estimated = 0;
    };
    LayoutCounts last_layout() const;
    // The laid-out units of the page, in page order (tests compare layouts).
    const std::vector<LaidBlock>& laid_units() const;

private:
    std::unique_ptr<PageRendererState> s_;
};

} // namespace wte::render
