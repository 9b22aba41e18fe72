// A teacher's statistics on a module, part or page (owners, tutors and
// admin.modules.view): learners completed / in progress / not started,
// quartiles of time spent, per page visits and median time, per quiz
// question first-time / later / still wrong / not answered. JSON, or with
// ?format=csv a CSV a spreadsheet opens: UTF-8 with a byte-order mark (so
// Excel reads the accents), CRLF lines, a header row, one row per page and
// per question.
#include "api/handlers.hpp"
#include "api/node.hpp"
#include "wte/api.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>

namespace wte::api_handlers {

namespace {

// One CSV field (RFC 4180). Text a spreadsheet would run as a formula
// (= + - @ first) gets a leading apostrophe: titles are typed by teachers.
std::string csv_field(const std::string& s) {
    std::string v = s;
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = "'" + v;
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string number(double v) {
    if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string csv_of(const api::PartStats& s) {
    std::string out = "\xEF\xBB\xBF";
    auto row = [&out](std::initializer_list<std::string> fields) {
        bool first = true;
        for (const auto& f : fields) {
            if (!first) out += ',';
            out += csv_field(f);
            first = false;
        }
        out += "\r\n";
    };
    row({"kind", "page_id", "page", "available", "visits", "median_seconds", "quiz", "question",
         "right_first_time", "right_later", "still_wrong", "not_answered"});
    std::map<Id, std::string> titles;
    for (const auto& p : s.pages) {
        titles[p.page_id] = p.title;
        row({"page", std::to_string(p.page_id), p.title, p.available ? "yes" : "no",
             std::to_string(p.visits), number(p.median_seconds), "", "", "", "", "", ""});
    }
    for (const auto& q : s.questions)
        row({"question", std::to_string(q.page_id), titles[q.page_id], "", "", "", q.quiz, q.text,
             std::to_string(q.first_time), std::to_string(q.later), std::to_string(q.wrong),
             std::to_string(q.not_answered)});
    return out;
}

// attachment; filename="<title> statistics.csv" (ASCII) and filename*= (UTF-8).
std::string csv_disposition(const std::string& title) {
    const std::string name = title + " statistics.csv";
    std::string ascii, encoded;
    static const char* const hex = "0123456789ABCDEF";
    for (unsigned char c : name) {
        if ((c & 0xc0) != 0x80) // one '_' per character, not per byte
            ascii += (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '/')
                         ? '_'
                         : static_cast<char>(c);
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            encoded += static_cast<char>(c);
        } else {
            encoded += '%';
            encoded += hex[c >> 4];
            encoded += hex[c & 15];
        }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

} // namespace

Response part_stats(Context& ctx) {
    const auto format = ctx.req.query_value("format").value_or("json");
    if (format != "json" && format != "csv")
        throw http::bad_request("Unknown format '" + format + "' (json or csv)",
                                {{"field", "format"}});
    Node n = load_node(ctx, ctx.id_param(0));
    if (!can_view_stats(ctx.actor, n.facts))
        throw http::forbidden("Only the owners and tutors of module " +
                              std::to_string(n.record.module_id) + " may see its statistics");
    const Part& p = n.record.part;
    api::PartStats s = ctx.stores.stats.of_node(n.record.module_id, p.id, p.type);
    s.part_id = p.id;
    s.type = p.type;
    s.title = p.title;
    if (format == "json") return Response::json_body(200, api::to_json(s));
    Response r;
    r.content_type = "text/csv; charset=utf-8";
    r.body = csv_of(s);
    r.headers.emplace_back("Content-Disposition", csv_disposition(p.title));
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

} // namespace wte::api_handlers
