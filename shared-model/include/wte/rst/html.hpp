// Safe HTML for a parsed page, used for offline download and export. All text
// is escaped, nothing raw is passed through, styles come only from the
// sanitised CSS of the model, and quizzes never reveal their correct answers.
#pragma once

#include "wte/rst/document.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace wte::rst {

struct HtmlOptions {
    // URL of an asset by name; default "assets/" + percent-encoded name.
    std::function<std::string(const std::string& name)> asset_url;
    // URL of a part for :crossref:; default "#part-" + id.
    std::function<std::string(const std::string& part_id)> crossref_url;
    // Link text of a :crossref: without text; default "Part " + id. The
    // caller decides whether the reader may see the real title.
    std::function<std::string(const std::string& part_id)> crossref_title;
    bool include_title = true; // the document title as <h1>
    bool show_problems = true; // refused content shown as a notice in place
    // The quiz's "Check answers" button; an offline copy has nobody to check them.
    bool quiz_check_button = true;
    // YouTube videos as an embedded player; without it only the link (an
    // offline copy loads nothing from elsewhere by itself).
    bool embed_videos = true;
};

std::string to_html(const Document& doc, const HtmlOptions& options = {});

// An asset or file name the browser shows as an image (by its extension);
// :asset: shows these inline and offers every other file as a download.
bool is_image_name(std::string_view name);

// Escapes & < > " ' for text and attribute values.
std::string escape_html(std::string_view text);

} // namespace wte::rst
