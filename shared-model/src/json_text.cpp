#include "wte/json_text.hpp"

namespace wte {

namespace {

// The UTF-8 sequence starting at s[i]: its length if valid, else how many
// bytes make up its invalid start (the lead byte and the continuation bytes
// that fitted), which become one U+FFFD — the "maximal subpart" rule that
// nlohmann's replacing writer follows too.
struct Sequence {
    std::size_t length;
    bool valid;
};
Sequence utf8_sequence(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF; // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0; // overlong
        if (c == 0xED) hi = 0x9F; // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90; // overlong
        if (c == 0xF4) hi = 0x8F; // past U+10FFFF
    } else {
        return {1, false};
    }
    for (std::size_t k = 1; k <= need; ++k) {
        if (i + k >= s.size()) return {k, false};
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return {k, false};
    }
    return {need + 1, true};
}

struct Writer {
    std::string& out;
    bool first = true;

    void open(char c) {
        out += c;
        first = true;
    }
    void close(char c) {
        out += c;
        first = false;
    }
    void key(std::string_view k) {
        if (!first) out += ',';
        first = false;
        out += '"';
        out += k; // keys are ours: plain ASCII
        out += "\":";
    }
    void item() {
        if (!first) out += ',';
        first = false;
    }
    void str(std::string_view k, std::string_view v) {
        key(k);
        append_json_string(out, v);
    }
    void num(std::string_view k, std::int64_t v) {
        key(k);
        out += std::to_string(v);
    }
    void boolean(std::string_view k, bool v) {
        key(k);
        out += v ? "true" : "false";
    }
    void opt_id(std::string_view k, const std::optional<Id>& v) {
        key(k);
        out += v ? std::to_string(*v) : "null";
    }
};

void write_summary(Writer& w, const PartSummary& s) {
    w.open('{');
    w.str("display_mode", to_string(s.display_mode));
    w.num("id", s.id);
    w.str("label", s.label);
    w.num("order", s.order);
    w.opt_id("parent_id", s.parent_id);
    w.boolean("pending_tasks", s.pending_tasks);
    w.str("status", to_string(s.status));
    w.str("summary", s.summary);
    w.str("title", s.title);
    w.str("type", to_string(s.type));
    w.close('}');
}

void write_summaries(Writer& w, std::string_view k, const std::vector<PartSummary>& list) {
    w.key(k);
    w.open('[');
    for (const auto& s : list) {
        w.item();
        write_summary(w, s);
    }
    w.close(']');
}

} // namespace

void append_json_string(std::string& out, std::string_view s) {
    static const char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t plain = 0; // start of the run of bytes copied as they are
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            ++i;
            continue;
        }
        std::size_t skip = 1;
        if (c >= 0x80) {
            const Sequence seq = utf8_sequence(s, i);
            if (seq.valid) {
                i += seq.length;
                continue;
            }
            skip = seq.length;
        }
        out.append(s.data() + plain, i - plain);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            } else {
                out += "\xEF\xBF\xBD"; // an invalid sequence: U+FFFD
            }
        }
        i += skip;
        plain = i;
    }
    out.append(s.data() + plain, s.size() - plain);
    out += '"';
}

std::string json_text(const PartView& v) {
    std::string out;
    out.reserve(512 + v.part.content.size() + 256 * (v.children.size() + v.ancestors.size()));
    Writer w{out};
    w.open('{');
    w.key("access");
    w.open('{');
    w.key("email_domains");
    w.open('[');
    for (const auto& d : v.access.email_domains) {
        w.item();
        append_json_string(out, d);
    }
    w.close(']');
    w.boolean("has_password", v.access.has_password);
    w.close('}');
    write_summaries(w, "ancestors", v.ancestors);
    w.key("can");
    w.open('{');
    w.boolean("delete", v.can.del);
    w.boolean("edit", v.can.edit);
    w.boolean("stats", v.can.stats);
    w.boolean("users", v.can.users);
    w.close('}');
    write_summaries(w, "children", v.children);
    w.str("content", v.part.content);
    w.str("display_mode", to_string(v.part.display_mode));
    w.num("id", v.part.id);
    w.str("label", v.part.label);
    w.key("my_role");
    if (v.my_role == ModuleRole::none)
        out += "null";
    else
        append_json_string(out, to_string(v.my_role));
    w.num("order", v.part.order);
    w.opt_id("parent_id", v.part.parent_id);
    w.boolean("pending_tasks", v.pending_tasks);
    w.str("status", to_string(v.part.status));
    w.str("title", v.part.title);
    w.str("type", to_string(v.part.type));
    w.close('}');
    return out;
}

std::string json_text(const api::Page<PartSummary>& page) {
    std::string out;
    out.reserve(64 + 400 * page.items.size());
    Writer w{out};
    w.open('{');
    write_summaries(w, "items", page.items);
    w.num("page", page.page);
    w.num("per_page", page.per_page);
    w.num("total", page.total);
    w.close('}');
    return out;
}

} // namespace wte
