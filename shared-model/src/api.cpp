#include "wte/api.hpp"
#include "wte/rules.hpp"
#include "wte/text.hpp"

#include <algorithm>
#include <cctype>

namespace wte::api {

namespace {
std::string p(const std::string& rest) {
    return std::string(prefix) + rest;
}

const json& require_object(const json& j) {
    if (!j.is_object()) throw BadInput("", "The request body must be a JSON object");
    return j;
}

std::string require_string(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        throw BadInput(key, std::string("Field '") + key + "' is required");
    if (!it->is_string()) throw BadInput(key, std::string("Field '") + key + "' must be text");
    return it->get<std::string>();
}

std::optional<std::string> optional_string(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) throw BadInput(key, std::string("Field '") + key + "' must be text");
    return it->get<std::string>();
}

std::optional<int> optional_int(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer())
        throw BadInput(key, std::string("Field '") + key + "' must be a whole number");
    auto v = it->get<std::int64_t>();
    if (v < -1000000 || v > 1000000)
        throw BadInput(key, std::string("Field '") + key + "' is out of range");
    return static_cast<int>(v);
}

template <typename E>
std::optional<E> optional_enum(const json& j, const char* key,
                               std::optional<E> (*parse)(const std::string&)) {
    auto s = optional_string(j, key);
    if (!s) return std::nullopt;
    auto v = parse(*s);
    if (!v)
        throw BadInput(key, std::string("Field '") + key + "' has an unknown value '" + *s + "'");
    return v;
}

void check_title(const std::string& title) {
    if (title.find_first_not_of(" \t\r\n") == std::string::npos)
        throw BadInput("title", "The title must not be empty");
    if (title.size() > max_title_length)
        throw BadInput("title", "The title is longer than 255 characters");
}

void check_text(const std::optional<std::string>& s, const char* key, std::size_t max) {
    if (s && s->size() > max) throw BadInput(key, std::string("Field '") + key + "' is too long");
}
} // namespace

std::string path_health() {
    return p("/health");
}
std::string path_login() {
    return p("/auth/login");
}
std::string path_logout() {
    return p("/auth/logout");
}
std::string path_me() {
    return p("/auth/me");
}
std::string path_register() {
    return p("/auth/register");
}
std::string path_resend() {
    return p("/auth/resend");
}
std::string path_confirm() {
    return p("/auth/confirm");
}
std::string path_confirm_email() {
    return p("/auth/confirm-email");
}
std::string path_user(Id id) {
    return p("/users/" + std::to_string(id));
}
std::string path_forgot() {
    return p("/auth/forgot");
}
std::string path_reset() {
    return p("/auth/reset");
}
std::string path_modules() {
    return p("/modules");
}
std::string path_my_modules() {
    return p("/modules/mine");
}
std::string path_parts() {
    return p("/parts");
}
std::string path_part(Id id) {
    return p("/parts/" + std::to_string(id));
}
std::string path_part_access(Id id) {
    return path_part(id) + "/access";
}
std::string path_part_delete_impact(Id id) {
    return path_part(id) + "/delete-impact";
}
std::string path_enrol(Id id) {
    return path_part(id) + "/enrol";
}
std::string path_timed_tasks(Id part_id) {
    return path_part(part_id) + "/timed-tasks";
}
std::string path_timed_task(Id id) {
    return p("/timed-tasks/" + std::to_string(id));
}
std::string path_quiz_answers(Id part_id) {
    return path_part(part_id) + "/quiz-answers";
}
std::string path_quizzes(Id part_id) {
    return path_part(part_id) + "/quizzes";
}

std::string path_asset_by_name(Id part_id, const std::string& name) {
    std::size_t start = 0;
    while (start < name.size() && (name[start] == '/' || name[start] == '.'))
        ++start;
    return path_part(part_id) + "/assets/by-name/" + percent_encode(name.substr(start), true);
}

std::string path_assets(Id part_id) {
    return path_part(part_id) + "/assets";
}
std::string path_asset_upload(Id part_id, const std::string& filename, AssetKind kind) {
    return path_assets(part_id) + "?filename=" + percent_encode(filename) +
           "&type=" + to_string(kind);
}
std::string path_part_export(Id part_id) {
    return path_part(part_id) + "/export";
}
std::string path_import(std::optional<Id> parent_id) {
    return p("/import") + (parent_id ? "?parent_id=" + std::to_string(*parent_id) : "");
}
std::string path_part_offline(Id part_id) {
    return path_part(part_id) + "/offline.zip";
}
std::string path_asset(Id id) {
    return std::string(prefix) + "/assets/" + std::to_string(id);
}
std::string path_asset_content(Id id) {
    return path_asset(id) + "/content";
}

std::string path_progress(Id part_id) {
    return path_part(part_id) + "/progress";
}
std::string path_progress_time(Id part_id) {
    return path_progress(part_id) + "/time";
}
std::string path_workspace(Id part_id) {
    return path_part(part_id) + "/workspace";
}
std::string path_workspace_file(Id part_id, const std::string& filename) {
    return path_part(part_id) + "/files/" + percent_encode(filename);
}
std::string path_workspace_reset(Id part_id) {
    return path_part(part_id) + "/files/reset";
}
std::string path_workspace_zip(Id part_id) {
    return path_part(part_id) + "/files.zip";
}

json to_json(const ErrorBody& e) {
    json inner = {{"code", e.code}, {"message", e.message}};
    if (!e.details.is_null()) inner["details"] = e.details;
    return {{"error", inner}};
}

ErrorBody error_from_json(const json& j) {
    ErrorBody e{"error", "The server gave an answer that could not be read", nullptr};
    if (j.is_object() && j.contains("error") && j["error"].is_object()) {
        const auto& inner = j["error"];
        e.code = inner.value("code", e.code);
        e.message = inner.value("message", e.message);
        if (inner.contains("details")) e.details = inner["details"];
    }
    return e;
}

LoginRequest parse_login(const json& j) {
    require_object(j);
    return {require_string(j, "email"), require_string(j, "password")};
}
json to_json(const LoginRequest& r) {
    return {{"email", r.email}, {"password", r.password}};
}

RegisterRequest parse_register(const json& j) {
    require_object(j);
    return {require_string(j, "email"), require_string(j, "email_confirm"),
            require_string(j, "name")};
}
json to_json(const RegisterRequest& r) {
    return {{"email", r.email}, {"email_confirm", r.email_confirm}, {"name", r.name}};
}

AddressRequest parse_address(const json& j) {
    require_object(j);
    return {require_string(j, "email")};
}
json to_json(const AddressRequest& r) {
    return {{"email", r.email}};
}

ProfileChange parse_profile_change(const json& j) {
    require_object(j);
    ProfileChange c;
    c.name = optional_string(j, "name");
    if (auto it = j.find("high_contrast"); it != j.end() && !it->is_null()) {
        if (!it->is_boolean())
            throw BadInput("high_contrast", "Field 'high_contrast' must be true or false");
        c.high_contrast = it->get<bool>();
    }
    c.theme = optional_enum(j, "theme", parse_theme_choice);
    if (auto it = j.find("confirmed"); it != j.end() && !it->is_null()) {
        if (!it->is_boolean())
            throw BadInput("confirmed", "Field 'confirmed' must be true or false");
        c.confirmed = it->get<bool>();
    }
    c.email = optional_string(j, "email");
    c.current_password = optional_string(j, "current_password");
    c.new_password = optional_string(j, "new_password");
    return c;
}
json to_json(const ProfileChange& c) {
    json j = json::object();
    if (c.name) j["name"] = *c.name;
    if (c.high_contrast) j["high_contrast"] = *c.high_contrast;
    if (c.theme) j["theme"] = to_string(*c.theme);
    if (c.confirmed) j["confirmed"] = *c.confirmed;
    if (c.email) j["email"] = *c.email;
    if (c.current_password) j["current_password"] = *c.current_password;
    if (c.new_password) j["new_password"] = *c.new_password;
    return j;
}

AccountDeletion parse_account_deletion(const json& j) {
    if (j.is_null()) return {};
    require_object(j);
    return {optional_string(j, "password")};
}
json to_json(const AccountDeletion& d) {
    json j = json::object();
    if (d.password) j["password"] = *d.password;
    return j;
}

EmailChangeConfirmation parse_email_change_confirmation(const json& j) {
    require_object(j);
    return {require_string(j, "token")};
}
json to_json(const EmailChangeConfirmation& c) {
    return {{"token", c.token}};
}

LinkPasswordRequest parse_link_password(const json& j) {
    require_object(j);
    return {require_string(j, "token"), require_string(j, "password")};
}
json to_json(const LinkPasswordRequest& r) {
    return {{"token", r.token}, {"password", r.password}};
}

json to_json(const Session& s) {
    return {{"user", s.user}, {"permissions", s.permissions}, {"csrf_token", s.csrf_token}};
}
Session parse_session(const json& j) {
    Session s;
    s.user = j.at("user").get<User>();
    s.permissions = j.value("permissions", std::vector<std::string>{});
    s.csrf_token = j.value("csrf_token", "");
    return s;
}

CreatePartRequest parse_create_part(const json& j) {
    require_object(j);
    CreatePartRequest r;
    auto type = optional_enum(j, "type", parse_part_type);
    if (!type) throw BadInput("type", "Field 'type' is required (module, part or page)");
    r.type = *type;
    auto it = j.find("parent_id");
    if (it != j.end() && !it->is_null()) {
        if (!it->is_number_integer())
            throw BadInput("parent_id", "Field 'parent_id' must be a part id");
        r.parent_id = it->get<Id>();
    }
    // The parent's type is checked by the server once it has looked it up.
    if ((r.type == PartType::module) == r.parent_id.has_value())
        throw BadInput(
            "parent_id",
            *check_placement(r.parent_id ? std::optional(PartType::part) : std::nullopt, r.type));
    r.title = require_string(j, "title");
    check_title(r.title);
    r.status = optional_enum(j, "status", parse_status);
    if (r.status == Status::archived)
        if (Refusal no = check_archiving(r.type)) throw BadInput("status", *no);
    r.label = optional_string(j, "label");
    check_text(r.label, "label", max_label_length);
    r.display_mode = optional_enum(j, "display_mode", parse_display_mode);
    r.content = optional_string(j, "content");
    check_text(r.content, "content", max_content_length);
    r.order = optional_int(j, "order");
    return r;
}

json to_json(const CreatePartRequest& r) {
    json j = {{"type", r.type}, {"title", r.title}};
    if (r.parent_id) j["parent_id"] = *r.parent_id;
    if (r.status) j["status"] = *r.status;
    if (r.label) j["label"] = *r.label;
    if (r.display_mode) j["display_mode"] = *r.display_mode;
    if (r.content) j["content"] = *r.content;
    if (r.order) j["order"] = *r.order;
    return j;
}

bool PatchPartRequest::empty() const {
    return !title && !status && !label && !display_mode && !content && !order && !children_order;
}

PatchPartRequest parse_patch_part(const json& j) {
    require_object(j);
    static const std::vector<std::string> known = {
        "title", "status", "label", "display_mode", "content", "order", "children_order"};
    for (auto it = j.begin(); it != j.end(); ++it)
        if (std::find(known.begin(), known.end(), it.key()) == known.end())
            throw BadInput(it.key(), "Field '" + it.key() + "' cannot be changed");
    PatchPartRequest r;
    r.title = optional_string(j, "title");
    if (r.title) check_title(*r.title);
    r.status = optional_enum(j, "status", parse_status);
    r.label = optional_string(j, "label");
    check_text(r.label, "label", max_label_length);
    r.display_mode = optional_enum(j, "display_mode", parse_display_mode);
    r.content = optional_string(j, "content");
    check_text(r.content, "content", max_content_length);
    r.order = optional_int(j, "order");
    auto it = j.find("children_order");
    if (it != j.end() && !it->is_null()) {
        if (!it->is_array())
            throw BadInput("children_order", "Field 'children_order' must be a list of ids");
        std::vector<Id> ids;
        for (const auto& v : *it) {
            if (!v.is_number_integer())
                throw BadInput("children_order", "Field 'children_order' must be a list of ids");
            ids.push_back(v.get<Id>());
        }
        r.children_order = ids;
    }
    if (r.empty()) throw BadInput("", "Nothing to change");
    return r;
}

json to_json(const PatchPartRequest& r) {
    json j = json::object();
    if (r.title) j["title"] = *r.title;
    if (r.status) j["status"] = *r.status;
    if (r.label) j["label"] = *r.label;
    if (r.display_mode) j["display_mode"] = *r.display_mode;
    if (r.content) j["content"] = *r.content;
    if (r.order) j["order"] = *r.order;
    if (r.children_order) j["children_order"] = *r.children_order;
    return j;
}

AccessRequest parse_access(const json& j) {
    require_object(j);
    AccessRequest r;
    if (j.contains("password")) {
        r.set_password = true;
        r.password = optional_string(j, "password");
        if (r.password && r.password->empty()) r.password.reset();
    }
    auto it = j.find("email_domains");
    if (it != j.end() && !it->is_null()) {
        if (!it->is_array())
            throw BadInput("email_domains", "Field 'email_domains' must be a list");
        std::vector<std::string> domains;
        for (const auto& d : *it) {
            if (!d.is_string() || d.get<std::string>().empty() ||
                d.get<std::string>().find_first_of(" @/") != std::string::npos)
                throw BadInput("email_domains", "Each email domain must look like 'example.org'");
            domains.push_back(d.get<std::string>());
        }
        r.email_domains = domains;
    }
    return r;
}

json to_json(const AccessRequest& r) {
    json j = json::object();
    if (r.set_password) j["password"] = r.password ? json(*r.password) : json(nullptr);
    if (r.email_domains) j["email_domains"] = *r.email_domains;
    return j;
}

EnrolRequest parse_enrol(const json& j) {
    if (j.is_null()) return {};
    require_object(j);
    return {optional_string(j, "password")};
}

json to_json(const EnrolRequest& r) {
    json j = json::object();
    if (r.password) j["password"] = *r.password;
    return j;
}

void to_json(json& j, const MyModule& m) {
    j = m.module;
    j["role"] = m.role;
}
void from_json(const json& j, MyModule& m) {
    m.module = j.get<PartSummary>();
    m.role = ModuleRole::none;
    if (auto it = j.find("role"); it != j.end() && it->is_string())
        m.role = parse_module_role(it->get<std::string>()).value_or(ModuleRole::none);
}

json to_json(const QuizAnswerSubmission& s) {
    return {{"quiz", s.quiz}, {"question", s.question}, {"answers", s.answers}};
}
QuizAnswerSubmission parse_quiz_answer_submission(const json& j) {
    require_object(j);
    QuizAnswerSubmission s;
    s.quiz = require_string(j, "quiz");
    s.question = require_string(j, "question");
    if (s.quiz.empty()) throw BadInput("quiz", "Field 'quiz' is required");
    if (s.question.empty()) throw BadInput("question", "Field 'question' is required");
    auto it = j.find("answers");
    if (it == j.end() || !it->is_array())
        throw BadInput("answers", "Field 'answers' must be a list of the chosen answers");
    for (const auto& a : *it) {
        if (!a.is_string()) throw BadInput("answers", "Every answer must be text");
        s.answers.push_back(a.get<std::string>());
    }
    return s;
}

json to_json(const QuizVerdict& v) {
    return {{"quiz", v.quiz},
            {"question", v.question},
            {"correct", v.correct},
            {"attempts", v.attempts},
            {"recorded", v.recorded}};
}
QuizVerdict parse_quiz_verdict(const json& j) {
    QuizVerdict v;
    v.correct = j.at("correct").get<bool>();
    v.quiz = j.value("quiz", "");
    v.question = j.value("question", "");
    v.attempts = j.value("attempts", 0);
    v.recorded = j.value("recorded", true);
    return v;
}

json to_json(const SavedQuizAnswers& s) {
    return {{"items", s.items}};
}
SavedQuizAnswers parse_saved_quiz_answers(const json& j) {
    SavedQuizAnswers s;
    s.items = j.at("items").get<std::vector<QuizAnswer>>();
    return s;
}

void to_json(json& j, const QuizTally& t) {
    j = {{"questions", t.questions}, {"answered", t.answered}, {"correct", t.correct}};
}
void from_json(const json& j, QuizTally& t) {
    t.questions = j.value("questions", 0);
    t.answered = j.value("answered", 0);
    t.correct = j.value("correct", 0);
}

void to_json(json& j, const PageProgress& p) {
    j = {{"page_id", p.page_id},
         {"title", p.title},
         {"visited", p.visited},
         {"seconds", p.seconds},
         {"quiz", p.quiz}};
}
void from_json(const json& j, PageProgress& p) {
    p.page_id = j.at("page_id").get<Id>();
    p.title = j.value("title", "");
    p.visited = j.value("visited", false);
    p.seconds = j.value("seconds", std::int64_t(0));
    if (auto it = j.find("quiz"); it != j.end() && it->is_object()) p.quiz = it->get<QuizTally>();
}

json to_json(const PartProgress& p) {
    return {{"part_id", p.part_id},
            {"current_page_id", p.current_page_id ? json(*p.current_page_id) : json(nullptr)},
            {"pages", p.pages},
            {"visited_pages", p.visited_pages},
            {"available_pages", p.available_pages},
            {"seconds", p.seconds},
            {"skimming", p.skimming},
            {"quiz_questions", p.quiz_questions},
            {"quiz_answered", p.quiz_answered},
            {"quiz_correct", p.quiz_correct}};
}
PartProgress parse_part_progress(const json& j) {
    PartProgress p;
    p.part_id = j.at("part_id").get<Id>();
    if (auto it = j.find("current_page_id"); it != j.end() && it->is_number_integer())
        p.current_page_id = it->get<Id>();
    p.pages = j.at("pages").get<std::vector<PageProgress>>();
    p.visited_pages = j.value("visited_pages", 0);
    p.available_pages = j.value("available_pages", 0);
    p.seconds = j.value("seconds", std::int64_t(0));
    p.skimming = j.value("skimming", false);
    p.quiz_questions = j.value("quiz_questions", 0);
    p.quiz_answered = j.value("quiz_answered", 0);
    p.quiz_correct = j.value("quiz_correct", 0);
    return p;
}

void to_json(json& j, const PartProgressSummary& p) {
    j = {{"part_id", p.part_id},
         {"visited_pages", p.visited_pages},
         {"available_pages", p.available_pages},
         {"seconds", p.seconds}};
}
void from_json(const json& j, PartProgressSummary& p) {
    p.part_id = j.at("part_id").get<Id>();
    p.visited_pages = j.value("visited_pages", 0);
    p.available_pages = j.value("available_pages", 0);
    p.seconds = j.value("seconds", std::int64_t(0));
}

json to_json(const ModuleProgress& p) {
    return {{"module_id", p.module_id}, {"parts", p.parts}};
}
ModuleProgress parse_module_progress(const json& j) {
    ModuleProgress p;
    p.module_id = j.at("module_id").get<Id>();
    p.parts = j.at("parts").get<std::vector<PartProgressSummary>>();
    return p;
}

json to_json(const TimeReport& r) {
    return {{"page_id", r.page_id}, {"seconds", r.seconds}};
}
TimeReport parse_time_report(const json& j) {
    require_object(j);
    TimeReport r;
    auto page = j.find("page_id");
    if (page == j.end() || !page->is_number_integer())
        throw BadInput("page_id", "Field 'page_id' must be the id of a page of this part");
    r.page_id = page->get<Id>();
    auto secs = j.find("seconds");
    if (secs == j.end() || !secs->is_number_integer())
        throw BadInput("seconds", "Field 'seconds' must be a whole number of seconds");
    const auto v = secs->get<std::int64_t>();
    if (Refusal no = check_reported_seconds(v)) throw BadInput("seconds", *no);
    r.seconds = static_cast<int>(v);
    return r;
}

json to_json(const DeleteImpact& d) {
    return {{"parts", d.parts},
            {"pages", d.pages},
            {"assets", d.assets},
            {"learners_with_progress", d.learners_with_progress},
            {"quiz_answers", d.quiz_answers}};
}
DeleteImpact parse_delete_impact(const json& j) {
    DeleteImpact d;
    d.parts = j.at("parts").get<int>();
    d.pages = j.at("pages").get<int>();
    d.assets = j.at("assets").get<int>();
    d.learners_with_progress = j.at("learners_with_progress").get<int>();
    d.quiz_answers = j.value("quiz_answers", 0);
    return d;
}
std::string describe_delete_impact(const std::string& title, const DeleteImpact& d) {
    auto counted = [](int n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    std::vector<std::string> items;
    if (d.parts > 0) items.push_back(counted(d.parts, "part", "parts"));
    if (d.pages > 0) items.push_back(counted(d.pages, "page", "pages"));
    if (d.assets > 0) items.push_back(counted(d.assets, "file", "files"));
    if (d.learners_with_progress > 0)
        items.push_back("the progress of " +
                        counted(d.learners_with_progress, "learner", "learners"));
    const std::string what = "Deleting “" + title + "”";
    if (items.empty()) return what + " deletes nothing else.";
    std::string list;
    for (std::size_t i = 0; i < items.size(); ++i)
        list += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return what + " also deletes " + list + ".";
}

json to_json(const TimeTotal& t) {
    return {{"page_id", t.page_id}, {"seconds", t.seconds}};
}
TimeTotal parse_time_total(const json& j) {
    return {j.at("page_id").get<Id>(), j.at("seconds").get<std::int64_t>()};
}

void to_json(json& j, const WorkspaceFile& f) {
    j = {{"filename", f.name},
         {"mimetype", f.mimetype},
         {"etag", f.etag},
         {"size", f.size},
         {"changed", f.changed}};
}
void from_json(const json& j, WorkspaceFile& f) {
    f.name = j.at("filename").get<std::string>();
    f.mimetype = j.value("mimetype", "");
    f.etag = j.value("etag", "");
    f.size = j.value("size", std::int64_t(0));
    f.changed = j.value("changed", false);
}

json to_json(const Workspace& w) {
    return {{"part_id", w.part_id}, {"files", w.files}, {"preview_url", w.preview_url}};
}
Workspace parse_workspace(const json& j) {
    Workspace w;
    w.part_id = j.at("part_id").get<Id>();
    w.files = j.at("files").get<std::vector<WorkspaceFile>>();
    w.preview_url = j.value("preview_url", "");
    return w;
}

json to_json(const FileSaveResult& r) {
    return {{"result", r.status}, {"etag", r.etag}, {"changed", r.changed}};
}
FileSaveResult parse_file_save_result(const json& j) {
    return {j.at("result").get<std::string>(), j.value("etag", ""), j.value("changed", false)};
}

json to_json(const FileResetRequest& r) {
    json j = json::object();
    if (r.filename) j["filename"] = *r.filename;
    return j;
}
FileResetRequest parse_file_reset(const json& j) {
    if (j.is_null()) return {};
    require_object(j);
    FileResetRequest r;
    r.filename = optional_string(j, "filename");
    if (r.filename)
        if (Refusal no = check_workspace_filename(*r.filename)) throw BadInput("filename", *no);
    return r;
}

} // namespace wte::api
