#include "content/offline_site.hpp"

#include "wte/rst/html.hpp"
#include "wte/rst/parser.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace wte::content {

namespace {

using rst::escape_html;

// Light, readable on screen and on paper; the token classes are the shared
// highlighter's (tok-keyword, tok-string, …).
const char* const stylesheet = R"(/* Offline copy from WTE: one stylesheet for every page. */
html { background: #fdfdfc; color: #1f2328; }
body {
  font: 1.05rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  max-width: 46rem;
  margin: 0 auto;
  padding: 1.5rem 1.25rem 3rem;
}
a { color: #0b57d0; }
a:visited { color: #6639ba; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { font-size: 1.9rem; margin-top: 0.6em; }
header.site { font-size: 0.95rem; color: #57606a; border-bottom: 1px solid #d0d7de; padding-bottom: 0.5rem; }
header.site a { color: inherit; }
nav.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 1rem 0; font-size: 0.95rem; }
nav.pager a { text-decoration: none; }
nav.pager .contents { margin: 0 auto; }
footer { margin-top: 3rem; font-size: 0.85rem; color: #57606a; border-top: 1px solid #d0d7de; padding-top: 0.5rem; }
.contents ol { list-style: none; padding-left: 1.25rem; }
.contents > ol { padding-left: 0; }
.contents li { margin: 0.3rem 0; }
.contents .part > .part-title { font-weight: 600; }
.label { font-size: 0.8rem; color: #57606a; border: 1px solid #d0d7de; border-radius: 0.6rem; padding: 0 0.4rem; margin-right: 0.3rem; }
.part-intro { color: #57606a; font-size: 0.95rem; }
.part-intro p { margin: 0.2rem 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; background: #f3f4f6; padding: 0 0.2em; border-radius: 3px; }
pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.75rem 1rem; overflow-x: auto; line-height: 1.45; }
pre code { background: none; padding: 0; }
figure { margin: 1rem 0; }
figure.sourcecode figcaption { font-family: ui-monospace, monospace; font-size: 0.85rem; color: #57606a; }
.line-number { display: inline-block; width: 2.5em; color: #8c959f; user-select: none; }
.tok-keyword { color: #cf222e; }
.tok-type { color: #953800; }
.tok-function { color: #8250df; }
.tok-string { color: #0a3069; }
.tok-number { color: #0550ae; }
.tok-comment { color: #6e7781; font-style: italic; }
.tok-tag { color: #116329; }
.tok-attribute { color: #0550ae; }
.tok-punctuation { color: #24292f; }
.tok-operator { color: #cf222e; }
.tok-variable { color: #953800; }
.tok-preprocessor { color: #8250df; }
img { max-width: 100%; height: auto; }
img.align-center { display: block; margin: 0 auto; }
img.align-right { float: right; margin: 0 0 1rem 1rem; }
img.align-left { float: left; margin: 0 1rem 1rem 0; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
thead { background: #f6f8fa; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 4px solid #d0d7de; color: #424a53; }
aside.admonition { border-left: 4px solid #0969da; background: #f1f7ff; padding: 0.5rem 1rem; margin: 1rem 0; border-radius: 0 6px 6px 0; }
aside.warning, aside.caution, aside.danger, aside.error, aside.attention { border-color: #bf8700; background: #fff8e5; }
aside.tip, aside.hint { border-color: #1a7f37; background: #effaf1; }
.admonition-title { font-weight: 600; margin: 0.2rem 0; }
dl.field-list dt { font-weight: 600; }
details.show-hide { border: 1px solid #d0d7de; border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0; }
details.show-hide summary { cursor: pointer; font-weight: 600; }
form.quiz { border: 1px solid #d0d7de; border-radius: 6px; padding: 0.5rem 1rem 1rem; margin: 1.5rem 0; background: #fafbfc; }
form.quiz fieldset { border: none; padding: 0; margin: 0.8rem 0; }
form.quiz legend { font-weight: 600; padding: 0; }
.youtube p { margin: 0.3rem 0; }
.problem { border: 1px solid #cf222e; color: #82071e; background: #ffebe9; padding: 0.3rem 0.6rem; }
math[display="block"] { display: block; margin: 1rem 0; font-size: 1.15em; }
@media print {
  html { background: white; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav.pager, header.site { display: none; }
  a { color: inherit; }
  pre, figure, table, form.quiz, aside { break-inside: avoid; }
  pre { white-space: pre-wrap; }
}
)";

// Names the ZIP and a browser on any system accept: ASCII letters, digits, . _ -
std::string safe_file_name(const std::string& name) {
    std::string out;
    for (unsigned char c : name) {
        const bool ok = std::isalnum(c) || c == '.' || c == '_' || c == '-';
        out += ok && c < 0x80 ? static_cast<char>(c) : '_';
    }
    if (out.empty() || out[0] == '.') out = "_" + out;
    return out;
}

std::string padded(std::size_t n, std::size_t total) {
    std::string digits = std::to_string(n);
    const std::size_t width = std::max<std::size_t>(3, std::to_string(total).size());
    return std::string(width - std::min(width, digits.size()), '0') + digits;
}

struct PageEntry {
    const OfflineNode* node;
    std::vector<const OfflineNode*> ancestors; // inside the copy, root first
    std::string path;
};

class SiteWriter {
public:
    SiteWriter(const OfflineNode& root, const OfflineOptions& o) : root_(root), o_(o) {}

    OfflineSite run() {
        collect(root_, {});
        std::size_t n = 0;
        for (auto& p : pages_) {
            ++n;
            std::string s = slug(p.node->part.title);
            p.path = "pages/" + padded(n, pages_.size()) + "-" + (s.empty() ? "page" : s) + ".html";
            targets_[p.node->part.id] = p.path;
        }
        targets_[root_.part.id] = root_.part.type == PartType::page && !pages_.empty()
                                      ? pages_.front().path
                                      : "index.html";
        site_.files.push_back({"index.html", index_page()});
        site_.files.push_back({"style.css", stylesheet});
        for (std::size_t i = 0; i < pages_.size(); ++i)
            site_.files.push_back({pages_[i].path, page(i)});
        return std::move(site_);
    }

private:
    const OfflineNode& root_;
    const OfflineOptions& o_;
    OfflineSite site_;
    std::vector<PageEntry> pages_;          // depth first: the reading order
    std::map<Id, std::string> targets_;     // part id → its place in the copy
    std::map<Id, std::string> asset_paths_; // asset id → its file
    std::set<std::string> used_asset_paths_;

    void collect(const OfflineNode& n, std::vector<const OfflineNode*> ancestors) {
        if (n.part.type == PartType::page) {
            pages_.push_back({&n, ancestors, {}});
        } else {
            targets_[n.part.id] = "index.html#part-" + std::to_string(n.part.id);
        }
        ancestors.push_back(&n);
        for (const auto& c : n.children)
            collect(c, ancestors);
    }

    std::string asset_path(const std::vector<Id>& chain, const std::string& name) {
        std::optional<Asset> a = o_.find_asset ? o_.find_asset(chain, name) : std::nullopt;
        if (!a) return {};
        if (auto known = asset_paths_.find(a->id); known != asset_paths_.end())
            return known->second;
        std::string path = "assets/" + safe_file_name(a->filename);
        if (used_asset_paths_.count(path))
            path = "assets/" + std::to_string(a->id) + "-" + safe_file_name(a->filename);
        used_asset_paths_.insert(path);
        asset_paths_[a->id] = path;
        site_.assets.push_back({a->id, path});
        return path;
    }

    // `prefix` leads from the file being written to the root of the copy.
    std::string render(const OfflineNode& n, const std::string& prefix, bool title) {
        rst::ParseResult parsed = rst::parse(n.part.content);
        rst::HtmlOptions h;
        h.include_title = title;
        h.show_problems = o_.show_problems;
        h.quiz_check_button = false;
        h.embed_videos = false;
        h.asset_url = [&](const std::string& name) {
            std::string path = asset_path(n.chain, name);
            return path.empty() ? std::string("#missing-asset") : prefix + path;
        };
        h.crossref_url = [&](const std::string& part_id) {
            if (auto t = target_of(part_id)) return prefix + *t;
            return o_.outside_url ? o_.outside_url(part_id) : std::string("#");
        };
        h.crossref_title = [&](const std::string& part_id) {
            if (auto t = title_of(root_, part_id)) return *t;
            return "Part " + part_id;
        };
        std::string html;
        if (title && parsed.doc.title.empty())
            html = "<h1 class=\"title\">" + escape_html(n.part.title) + "</h1>\n";
        return html + rst::to_html(parsed.doc, h);
    }

    std::optional<std::string> target_of(const std::string& part_id) const {
        for (const auto& [id, path] : targets_)
            if (std::to_string(id) == part_id) return path;
        return std::nullopt;
    }

    static std::optional<std::string> title_of(const OfflineNode& n, const std::string& part_id) {
        if (std::to_string(n.part.id) == part_id) return n.part.title;
        for (const auto& c : n.children)
            if (auto t = title_of(c, part_id)) return t;
        return std::nullopt;
    }

    std::string head(const std::string& title, const std::string& prefix) const {
        return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<title>" +
               escape_html(title) + "</title>\n<link rel=\"stylesheet\" href=\"" + prefix +
               "style.css\">\n</head>\n<body>\n";
    }

    std::string footer() const {
        std::string when = o_.generated_on.empty() ? "" : ", " + escape_html(o_.generated_on);
        return "<footer>Offline copy of “" + escape_html(root_.part.title) + "” from WTE" + when +
               ".</footer>\n</body>\n</html>\n";
    }

    void contents(const OfflineNode& n, std::string& out) {
        out += "<li";
        if (n.part.type == PartType::page) {
            out += " class=\"page\" id=\"part-" + std::to_string(n.part.id) + "\"><a href=\"" +
                   targets_[n.part.id] + "\">" + escape_html(n.part.title) + "</a>";
        } else {
            out += " class=\"part\" id=\"part-" + std::to_string(n.part.id) + "\">";
            if (!n.part.label.empty())
                out += "<span class=\"label\">" + escape_html(n.part.label) + "</span>";
            out += "<span class=\"part-title\">" + escape_html(n.part.title) + "</span>";
            if (!n.part.content.empty())
                out += "\n<div class=\"part-intro\">" + render(n, "", false) + "</div>";
        }
        if (!n.children.empty()) {
            out += "\n<ol>\n";
            for (const auto& c : n.children)
                contents(c, out);
            out += "</ol>\n";
        }
        out += "</li>\n";
    }

    std::string index_page() {
        std::string out = head(root_.part.title, "");
        out += "<main>\n<h1 class=\"title\">" + escape_html(root_.part.title) + "</h1>\n";
        if (root_.part.type != PartType::page && !root_.part.content.empty())
            out += "<div class=\"intro\">\n" + render(root_, "", false) + "</div>\n";
        out += "<nav class=\"contents\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n";
        if (root_.part.type == PartType::page) {
            contents(root_, out);
        } else {
            for (const auto& c : root_.children)
                contents(c, out);
        }
        out += "</ol>\n</nav>\n</main>\n";
        if (pages_.empty()) out += "<p>There are no pages in this copy.</p>\n";
        return out + footer();
    }

    std::string pager(std::size_t i) const {
        std::string out = "<nav class=\"pager\">";
        if (i > 0)
            out += "<a rel=\"prev\" href=\"../" + pages_[i - 1].path + "\">← " +
                   escape_html(pages_[i - 1].node->part.title) + "</a>";
        else
            out += "<span></span>";
        out += "<a class=\"contents\" href=\"../index.html\">Contents</a>";
        if (i + 1 < pages_.size())
            out += "<a rel=\"next\" href=\"../" + pages_[i + 1].path + "\">" +
                   escape_html(pages_[i + 1].node->part.title) + " →</a>";
        else
            out += "<span></span>";
        return out + "</nav>\n";
    }

    std::string page(std::size_t i) {
        const PageEntry& p = pages_[i];
        std::string out = head(p.node->part.title + " — " + root_.part.title, "../");
        out += "<header class=\"site\"><a href=\"../index.html\">" + escape_html(root_.part.title) +
               "</a>";
        for (const auto* a : p.ancestors)
            if (a != &root_)
                out += " › <a href=\"../" + targets_[a->part.id] + "\">" +
                       escape_html(a->part.title) + "</a>";
        out += "</header>\n" + pager(i) + "<main>\n" + render(*p.node, "../", true) + "</main>\n" +
               pager(i);
        return out + footer();
    }
};

} // namespace

std::string slug(const std::string& title) {
    std::string out;
    bool gap = false;
    for (unsigned char c : title) {
        if (c < 0x80 && std::isalnum(c)) {
            if (gap && !out.empty()) out += '-';
            out += static_cast<char>(std::tolower(c));
            gap = false;
        } else {
            gap = true;
        }
        if (out.size() >= 40) break;
    }
    return out;
}

OfflineSite build_offline_site(const OfflineNode& root, const OfflineOptions& options) {
    return SiteWriter(root, options).run();
}

} // namespace wte::content
