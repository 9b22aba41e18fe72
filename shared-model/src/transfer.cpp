#include "wte/transfer.hpp"

#include "wte/rules.hpp"
#include "wte/text.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace wte {

namespace {

json asset_json(const ExportedAsset& a) {
    return {{"id", a.id},
            {"filename", a.filename},
            {"mimetype", a.mimetype},
            {"type", to_string(a.kind)},
            {"order", a.order}};
}

// Reads one node's fields; `where` is its path ("" for the root,
// "children[2]" below), so a message names the field exactly.
class NodeReader {
public:
    explicit NodeReader(std::string where) : where_(std::move(where)) {}

    ExportedNode read(const json& j) {
        if (!j.is_object()) fail("", "must be an object");
        ExportedNode n;
        n.id = integer(j, "id", true).value_or(0);
        std::string type = text(j, "type", true).value_or("");
        n.title = text(j, "title", true).value_or("");
        n.content = text(j, "content", false).value_or("");
        n.order = static_cast<int>(integer(j, "order", false).value_or(0));
        if (auto s = text(j, "status", false)) {
            auto st = parse_status(*s);
            if (!st)
                fail("status", "must be available, unavailable or archived, not \"" + *s + "\"");
            n.status = *st;
        }
        if (j.contains("label") && !j["label"].is_null()) n.label = text(j, "label", true);
        if (j.contains("display_mode") && !j["display_mode"].is_null()) {
            std::string m = *text(j, "display_mode", true);
            n.display_mode = parse_display_mode(m);
            if (!n.display_mode)
                fail("display_mode",
                     "must be text_only, three_pane_html or null, not \"" + m + "\"");
        }
        if (type == "tutorial" || type == "exercise") {
            n.type = PartType::part;
            if (!n.label || n.label->empty())
                n.label = std::string(1, static_cast<char>(type[0] - 'a' + 'A')) + type.substr(1);
        } else if (type == "task") {
            n.type = PartType::page;
        } else if (auto t = parse_part_type(type)) {
            n.type = *t;
        } else {
            fail("type", "must be module, part or page (or tutorial, exercise, task), not \"" +
                             type + "\"");
        }
        if (j.contains("children") && !j["children"].is_null()) {
            const json& c = j["children"];
            if (!c.is_array()) fail("children", "must be a list");
            for (std::size_t i = 0; i < c.size(); ++i)
                n.children.push_back(
                    NodeReader(path("children[" + std::to_string(i) + "]")).read(c[i]));
        }
        if (j.contains("assets") && !j["assets"].is_null()) {
            const json& a = j["assets"];
            if (!a.is_array()) fail("assets", "must be a list");
            for (std::size_t i = 0; i < a.size(); ++i)
                n.assets.push_back(
                    NodeReader(path("assets[" + std::to_string(i) + "]")).read_asset(a[i]));
        }
        return n;
    }

    ExportedAsset read_asset(const json& j) {
        if (!j.is_object()) fail("", "must be an object");
        ExportedAsset a;
        a.id = integer(j, "id", true).value_or(0);
        a.filename = text(j, "filename", true).value_or("");
        if (a.filename.empty() || a.filename.size() > 255 || a.filename == "." ||
            a.filename == ".." || a.filename.find_first_of("/\\") != std::string::npos ||
            std::any_of(a.filename.begin(), a.filename.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 32; }))
            fail("filename", "must be a file name of 1 to 255 characters without slashes or "
                             "control characters");
        a.mimetype = text(j, "mimetype", false).value_or("application/octet-stream");
        const auto slash = a.mimetype.find('/');
        const bool mime_ok = slash != std::string::npos && slash > 0 &&
                             slash + 1 < a.mimetype.size() && a.mimetype.size() <= 127 &&
                             std::all_of(a.mimetype.begin(), a.mimetype.end(), [](char c) {
                                 return std::isalnum(static_cast<unsigned char>(c)) || c == '/' ||
                                        c == '.' || c == '+' || c == '-' || c == '_';
                             });
        if (!mime_ok) fail("mimetype", "must be a media type like image/png");
        std::string kind = text(j, "type", false).value_or("asset");
        auto k = parse_asset_kind(kind);
        if (!k) fail("type", "must be asset or template, not \"" + kind + "\"");
        a.kind = *k;
        a.order = static_cast<int>(integer(j, "order", false).value_or(0));
        return a;
    }

private:
    std::string where_;

    std::string path(const std::string& field) const {
        return where_.empty() ? field : field.empty() ? where_ : where_ + "." + field;
    }
    [[noreturn]] void fail(const std::string& field, const std::string& what) const {
        std::string p = path(field);
        throw BadInput(p, (p.empty() ? std::string("content.json") : p) + " " + what);
    }
    std::optional<std::string> text(const json& j, const char* key, bool required) const {
        if (!j.contains(key)) {
            if (required) fail(key, "is missing");
            return std::nullopt;
        }
        if (!j[key].is_string()) fail(key, "must be text");
        return j[key].get<std::string>();
    }
    std::optional<std::int64_t> integer(const json& j, const char* key, bool required) const {
        if (!j.contains(key) || (!required && j[key].is_null())) {
            if (required) fail(key, "is missing");
            return std::nullopt;
        }
        const json& v = j[key];
        if (!v.is_number_integer() || v.get<std::int64_t>() < 0 ||
            v.get<std::int64_t>() > (std::int64_t{1} << 40))
            fail(key, "must be a whole number, 0 or more");
        return v.get<std::int64_t>();
    }
};

// Module → part → page, as the tree keeps it; ids name nodes and asset
// files, so each is used once.
void check_shape(const ExportedNode& n, const std::string& where, std::set<Id>& nodes,
                 std::set<Id>& assets) {
    const std::string at = where.empty() ? "" : where + ".";
    if (!nodes.insert(n.id).second)
        throw BadInput(at + "id", at + "id " + std::to_string(n.id) + " is used by two nodes");
    for (std::size_t i = 0; i < n.assets.size(); ++i)
        if (!assets.insert(n.assets[i].id).second) {
            const std::string p = at + "assets[" + std::to_string(i) + "].id";
            throw BadInput(p, p + " " + std::to_string(n.assets[i].id) + " is used by two assets");
        }
    for (std::size_t i = 0; i < n.children.size(); ++i) {
        const std::string p = at + "children[" + std::to_string(i) + "]";
        if (auto why = check_placement(n.type, n.children[i].type))
            throw BadInput(p, p + ": " + *why);
        check_shape(n.children[i], p, nodes, assets);
    }
}

bool is_digits(std::string_view s) {
    return !s.empty() && s.size() <= 18 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

constexpr std::string_view crossref_role = ":crossref:`";

std::size_t indent_of(std::string_view line) {
    std::size_t n = 0;
    while (n < line.size() && line[n] == ' ')
        ++n;
    return n;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

// Byte ranges of `content` that show text literally: literal blocks (after a
// paragraph ending in "::", the body of code directives) and ``inline
// literals``. A crossref written there is an example, not a link, and is
// left as it is.
std::vector<std::pair<std::size_t, std::size_t>> literal_ranges(const std::string& content) {
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    std::optional<std::size_t> block_indent; // inside a literal block indented deeper than this
    std::size_t at = 0;
    while (at < content.size()) {
        std::size_t end = content.find('\n', at);
        if (end == std::string::npos) end = content.size();
        const std::string_view line(content.data() + at, end - at);
        const std::string_view bare = trimmed(line);
        if (block_indent && !bare.empty() && indent_of(line) <= *block_indent) block_indent.reset();
        if (block_indent) {
            ranges.emplace_back(at, end);
        } else {
            const bool code = starts_with(bare, ".. code-block::") ||
                              starts_with(bare, ".. code::") ||
                              starts_with(bare, ".. sourcecode::");
            const bool expanded = bare.size() >= 2 && bare.substr(bare.size() - 2) == "::" &&
                                  !starts_with(bare, "..");
            if (code || expanded) block_indent = indent_of(line);
        }
        at = end + 1;
    }
    for (std::size_t open = content.find("``"); open != std::string::npos;) {
        const std::size_t close = content.find("``", open + 2);
        const std::size_t blank = content.find("\n\n", open);
        if (close == std::string::npos || (blank != std::string::npos && blank < close)) {
            open = content.find("``", open + 2);
            continue;
        }
        ranges.emplace_back(open, close + 2);
        open = content.find("``", close + 2);
    }
    return ranges;
}

// Calls on_target(begin, end) with the byte range of every crossref target in
// `content` (`T` alone or the `T` of `text <T>`), literal text left out.
template <typename F> void each_crossref(const std::string& content, F on_target) {
    const auto literal = literal_ranges(content);
    auto is_literal = [&](std::size_t pos) {
        return std::any_of(literal.begin(), literal.end(),
                           [&](const auto& r) { return pos >= r.first && pos < r.second; });
    };
    std::size_t at = 0;
    while ((at = content.find(crossref_role, at)) != std::string::npos) {
        const std::size_t open = at + crossref_role.size();
        const std::size_t close = content.find('`', open);
        if (close == std::string::npos) return;
        if (is_literal(at)) {
            at = close + 1;
            continue;
        }
        std::size_t begin = open, end = close;
        if (close > open && content[close - 1] == '>') {
            const std::size_t lt = content.rfind('<', close - 1);
            if (lt != std::string::npos && lt >= open) {
                begin = lt + 1;
                end = close - 1;
            }
        }
        on_target(begin, end);
        at = close + 1;
    }
}

} // namespace

json to_json(const ExportedNode& n) {
    json j = {{"id", n.id},
              {"type", to_string(n.type)},
              {"title", n.title},
              {"status", to_string(n.status)},
              {"order", n.order},
              {"content", n.content},
              {"label", n.label ? json(*n.label) : json(nullptr)},
              {"display_mode", n.display_mode ? json(to_string(*n.display_mode)) : json(nullptr)}};
    if (!n.children.empty()) {
        json children = json::array();
        for (const auto& c : n.children)
            children.push_back(to_json(c));
        j["children"] = std::move(children);
    }
    if (!n.assets.empty()) {
        json assets = json::array();
        for (const auto& a : n.assets)
            assets.push_back(asset_json(a));
        j["assets"] = std::move(assets);
    }
    return j;
}

ExportedNode read_exported_node(const json& j) {
    ExportedNode n = NodeReader("").read(j);
    std::set<Id> nodes, assets;
    check_shape(n, "", nodes, assets);
    return n;
}

std::optional<std::string> check_import_place(std::optional<PartType> parent, PartType imported) {
    switch (imported) {
    case PartType::module:
        if (!parent) return std::nullopt;
        return "A module can only be imported at the top level, not into a " + to_string(*parent);
    case PartType::part:
        if (parent == PartType::module) return std::nullopt;
        return "A part can only be imported into a module";
    case PartType::page:
        if (parent == PartType::part) return std::nullopt;
        return "A page can only be imported into a part";
    }
    return "Unknown part type";
}

ExportedNode read_content_json(std::string_view bytes) {
    std::size_t bad = 0;
    if (!is_valid_utf8(bytes, &bad))
        throw BadInput("content.json",
                       "content.json is not valid UTF-8 text (byte " + std::to_string(bad) + ")");
    if (json_nesting_depth(bytes) > max_json_depth)
        throw BadInput("content.json", "content.json nests deeper than " +
                                           std::to_string(max_json_depth) +
                                           " levels of arrays and objects");
    json j;
    try {
        j = json::parse(bytes);
    } catch (const json::exception& e) {
        throw BadInput("content.json", std::string("content.json is not valid JSON: ") + e.what());
    }
    return read_exported_node(j);
}

bool is_valid_utf8(std::string_view s, std::size_t* bad_at) {
    std::size_t i = 0;
    auto bad = [&] {
        if (bad_at) *bad_at = i;
        return false;
    };
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        int more = 0;
        std::uint32_t cp = 0, min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            more = 1, cp = c & 0x1f, min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            more = 2, cp = c & 0x0f, min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            more = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return bad();
        }
        if (i + more >= s.size()) return bad();
        for (int k = 1; k <= more; ++k) {
            const auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xc0) != 0x80) return bad();
            cp = (cp << 6) | (d & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return bad();
        i += more + 1;
    }
    return true;
}

std::string remap_crossrefs(const std::string& content,
                            const std::function<std::optional<Id>(Id)>& map) {
    std::string out;
    std::size_t copied = 0;
    each_crossref(content, [&](std::size_t begin, std::size_t end) {
        const std::string_view target =
            trimmed(std::string_view(content).substr(begin, end - begin));
        if (!is_digits(target)) return; // `external` or not a reference at all: as written
        Id id = 0;
        std::from_chars(target.data(), target.data() + target.size(), id);
        const auto to = map(id);
        out.append(content, copied, begin - copied);
        out += to ? std::to_string(*to) : std::string(external_crossref);
        copied = end;
    });
    out.append(content, copied, std::string::npos);
    return out;
}

std::vector<Id> crossref_targets(const std::string& content) {
    std::vector<Id> ids;
    each_crossref(content, [&](std::size_t begin, std::size_t end) {
        const std::string_view target =
            trimmed(std::string_view(content).substr(begin, end - begin));
        if (!is_digits(target)) return;
        Id id = 0;
        std::from_chars(target.data(), target.data() + target.size(), id);
        ids.push_back(id);
    });
    return ids;
}

} // namespace wte
