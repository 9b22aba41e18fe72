// The API contract of a module's members and of a part's statistics: paths,
// JSON forms, the strict readers of the teacher's requests, and the
// quartiles both sides show.
#include "request_checks.hpp"
#include "wte/api.hpp"

#include <algorithm>
#include <cmath>

namespace wte::api {

namespace {

using checks::only_fields;
using checks::require_object;

// owner, tutor or student: the roles a teacher hands out (blocking is its own switch).
ModuleRole require_member_role(const json& j) {
    auto it = j.find("role");
    if (it == j.end() || it->is_null())
        throw BadInput("role", "Field 'role' is required (owner, tutor or student)");
    if (!it->is_string()) throw BadInput("role", "Field 'role' must be owner, tutor or student");
    auto role = parse_module_role(it->get<std::string>());
    if (!role || *role == ModuleRole::none || *role == ModuleRole::block)
        throw BadInput("role", "Field 'role' must be owner, tutor or student, not '" +
                                   it->get<std::string>() + "'");
    return *role;
}

} // namespace

std::string path_members(Id part_id) {
    return path_part(part_id) + "/users";
}
std::string path_member(Id part_id, Id user_id) {
    return path_members(part_id) + "/" + std::to_string(user_id);
}
std::string path_stats(Id part_id) {
    return path_part(part_id) + "/stats";
}
std::string path_stats_csv(Id part_id) {
    return path_stats(part_id) + "?format=csv";
}

void to_json(json& j, const Member& m) {
    j = {{"user_id", m.user_id},
         {"email", m.email},
         {"name", m.name},
         {"role", m.role},
         {"blocked", m.role == ModuleRole::block}};
}
void from_json(const json& j, Member& m) {
    m.user_id = j.at("user_id").get<Id>();
    m.email = j.value("email", "");
    m.name = j.value("name", "");
    m.role = ModuleRole::student;
    if (auto it = j.find("role"); it != j.end() && it->is_string())
        m.role = parse_module_role(it->get<std::string>()).value_or(ModuleRole::student);
}

std::optional<ModuleRole> parse_member_role_filter(const std::string& s) {
    if (s == "blocked") return ModuleRole::block;
    auto role = parse_module_role(s);
    if (!role || *role == ModuleRole::none) return std::nullopt;
    return role;
}

json to_json(const AddMemberRequest& r) {
    return {{"email", r.email}, {"role", r.role}};
}
AddMemberRequest parse_add_member(const json& j) {
    require_object(j);
    only_fields(j, {"email", "role"});
    AddMemberRequest r;
    auto it = j.find("email");
    if (it == j.end() || !it->is_string())
        throw BadInput("email", "Field 'email' is required: the address of an existing user");
    r.email = it->get<std::string>();
    r.email.erase(0, r.email.find_first_not_of(" \t"));
    r.email.erase(r.email.find_last_not_of(" \t") + 1);
    if (r.email.empty() || r.email.find('@') == std::string::npos || r.email.size() > 254)
        throw BadInput("email", "'" + r.email + "' is not an email address");
    r.role = require_member_role(j);
    return r;
}

json to_json(const MemberChange& c) {
    json j = json::object();
    if (c.role) j["role"] = *c.role;
    if (c.blocked) j["blocked"] = *c.blocked;
    return j;
}
MemberChange parse_member_change(const json& j) {
    require_object(j);
    only_fields(j, {"role", "blocked"});
    MemberChange c;
    if (j.contains("role") && j.contains("blocked"))
        throw BadInput("", "Change either the role or whether the member is blocked, not both");
    if (j.contains("role")) {
        c.role = require_member_role(j);
    } else if (j.contains("blocked")) {
        if (!j["blocked"].is_boolean())
            throw BadInput("blocked", "Field 'blocked' must be true or false");
        c.blocked = j["blocked"].get<bool>();
    } else {
        throw BadInput("", "Nothing to change: send a role or blocked");
    }
    return c;
}
ModuleRole role_after(const MemberChange& c, ModuleRole current, ModuleRole before_block) {
    if (c.role) return *c.role;
    if (c.blocked) {
        if (*c.blocked) return ModuleRole::block;
        return current == ModuleRole::block ? before_block : current;
    }
    return current;
}

void to_json(json& j, const Quartiles& q) {
    j = {{"min", q.min}, {"q1", q.q1}, {"median", q.median}, {"q3", q.q3}, {"max", q.max}};
}
void from_json(const json& j, Quartiles& q) {
    q.min = j.value("min", 0.0);
    q.q1 = j.value("q1", 0.0);
    q.median = j.value("median", 0.0);
    q.q3 = j.value("q3", 0.0);
    q.max = j.value("max", 0.0);
}

Quartiles quartiles_of(std::vector<double> v) {
    if (v.empty()) return {};
    std::sort(v.begin(), v.end());
    auto at = [&](double p) {
        const double rank = p * static_cast<double>(v.size() - 1);
        const auto lo = static_cast<std::size_t>(std::floor(rank));
        const auto hi = std::min(lo + 1, v.size() - 1);
        return v[lo] + (v[hi] - v[lo]) * (rank - static_cast<double>(lo));
    };
    return {v.front(), at(0.25), at(0.5), at(0.75), v.back()};
}

void to_json(json& j, const PageStats& p) {
    j = {{"page_id", p.page_id},
         {"title", p.title},
         {"available", p.available},
         {"visits", p.visits},
         {"median_seconds", p.median_seconds}};
}
void from_json(const json& j, PageStats& p) {
    p.page_id = j.at("page_id").get<Id>();
    p.title = j.value("title", "");
    p.available = j.value("available", false);
    p.visits = j.value("visits", 0);
    p.median_seconds = j.value("median_seconds", 0.0);
}

void to_json(json& j, const QuestionStats& q) {
    j = {{"page_id", q.page_id},       {"quiz", q.quiz},
         {"question", q.question},     {"text", q.text},
         {"first_time", q.first_time}, {"later", q.later},
         {"wrong", q.wrong},           {"not_answered", q.not_answered}};
}
void from_json(const json& j, QuestionStats& q) {
    q.page_id = j.at("page_id").get<Id>();
    q.quiz = j.value("quiz", "");
    q.question = j.value("question", "");
    q.text = j.value("text", "");
    q.first_time = j.value("first_time", 0);
    q.later = j.value("later", 0);
    q.wrong = j.value("wrong", 0);
    q.not_answered = j.value("not_answered", 0);
}

json to_json(const PartStats& s) {
    return {{"part_id", s.part_id},
            {"type", s.type},
            {"title", s.title},
            {"learners", s.learners},
            {"completed", s.completed},
            {"in_progress", s.in_progress},
            {"not_started", s.not_started},
            {"available_pages", s.available_pages},
            {"time", s.time},
            {"pages", s.pages},
            {"questions", s.questions}};
}
PartStats parse_part_stats(const json& j) {
    PartStats s;
    s.part_id = j.at("part_id").get<Id>();
    s.type = parse_part_type(j.value("type", "part")).value_or(PartType::part);
    s.title = j.value("title", "");
    s.learners = j.value("learners", 0);
    s.completed = j.value("completed", 0);
    s.in_progress = j.value("in_progress", 0);
    s.not_started = j.value("not_started", 0);
    s.available_pages = j.value("available_pages", 0);
    if (auto it = j.find("time"); it != j.end() && it->is_object()) s.time = it->get<Quartiles>();
    s.pages = j.value("pages", std::vector<PageStats>{});
    s.questions = j.value("questions", std::vector<QuestionStats>{});
    return s;
}

} // namespace wte::api
