// Domain types of WTE (FEATURES §2–8) and their JSON form. Everything the
// server stores and the client shows is one of these; both sides use the
// same to_json/from_json so they cannot disagree on a field name.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace wte {

using Id = std::int64_t;
using json = nlohmann::json;

// Thrown by from_json and validators for input a person must correct; the
// server answers it with 400 and the message.
struct BadInput : std::runtime_error {
    std::string field;
    BadInput(std::string field_, const std::string& message)
        : std::runtime_error(message), field(std::move(field_)) {}
};

enum class PartType { module, part, page };
enum class Status { available, unavailable, archived };
enum class DisplayMode { text_only, three_pane_html };
enum class ModuleRole { none, owner, tutor, student, block };
enum class UserStatus { unconfirmed, active };
enum class AssetKind { asset, template_file };
enum class QuestionType { single_choice, multi_choice };
enum class TaskStatus { ready, running, completed, failed };
// The account's colour theme: system follows the browser (prefers-color-scheme).
enum class ThemeChoice { system, light, dark };

NLOHMANN_JSON_SERIALIZE_ENUM(PartType, {{PartType::module, "module"},
                                        {PartType::part, "part"},
                                        {PartType::page, "page"}})
NLOHMANN_JSON_SERIALIZE_ENUM(Status, {{Status::available, "available"},
                                      {Status::unavailable, "unavailable"},
                                      {Status::archived, "archived"}})
NLOHMANN_JSON_SERIALIZE_ENUM(DisplayMode, {{DisplayMode::text_only, "text_only"},
                                           {DisplayMode::three_pane_html, "three_pane_html"}})
NLOHMANN_JSON_SERIALIZE_ENUM(ModuleRole, {{ModuleRole::none, nullptr},
                                          {ModuleRole::owner, "owner"},
                                          {ModuleRole::tutor, "tutor"},
                                          {ModuleRole::student, "student"},
                                          {ModuleRole::block, "block"}})
NLOHMANN_JSON_SERIALIZE_ENUM(UserStatus, {{UserStatus::unconfirmed, "unconfirmed"},
                                          {UserStatus::active, "active"}})
NLOHMANN_JSON_SERIALIZE_ENUM(AssetKind,
                             {{AssetKind::asset, "asset"}, {AssetKind::template_file, "template"}})
NLOHMANN_JSON_SERIALIZE_ENUM(QuestionType, {{QuestionType::single_choice, "single-choice"},
                                            {QuestionType::multi_choice, "multi-choice"}})
NLOHMANN_JSON_SERIALIZE_ENUM(TaskStatus, {{TaskStatus::ready, "ready"},
                                          {TaskStatus::running, "running"},
                                          {TaskStatus::completed, "completed"},
                                          {TaskStatus::failed, "failed"}})
NLOHMANN_JSON_SERIALIZE_ENUM(ThemeChoice, {{ThemeChoice::system, "system"},
                                           {ThemeChoice::light, "light"},
                                           {ThemeChoice::dark, "dark"}})

// Strict text <-> enum conversions for stored values and request fields:
// unknown text is an error, never a silent default.
std::string to_string(PartType v);
std::string to_string(Status v);
std::string to_string(DisplayMode v);
std::string to_string(ModuleRole v); // "" for none
std::string to_string(UserStatus v);
std::string to_string(AssetKind v);
std::string to_string(QuestionType v);
std::string to_string(TaskStatus v);
std::string to_string(ThemeChoice v);
std::optional<PartType> parse_part_type(const std::string& s);
std::optional<Status> parse_status(const std::string& s);
std::optional<DisplayMode> parse_display_mode(const std::string& s);
std::optional<ModuleRole> parse_module_role(const std::string& s);
std::optional<UserStatus> parse_user_status(const std::string& s);
std::optional<AssetKind> parse_asset_kind(const std::string& s);
std::optional<QuestionType> parse_question_type(const std::string& s);
std::optional<TaskStatus> parse_task_status(const std::string& s);
std::optional<ThemeChoice> parse_theme_choice(const std::string& s);

struct UserOptions {
    bool high_contrast = false;
    ThemeChoice theme = ThemeChoice::system;
    bool operator==(const UserOptions&) const = default;
};

struct User {
    Id id = 0;
    std::string email;
    std::string name;
    UserStatus status = UserStatus::unconfirmed;
    UserOptions options;
    bool operator==(const User&) const = default;
};

struct Group {
    Id id = 0;
    std::string title;
    std::vector<std::string> permissions;
    bool operator==(const Group&) const = default;
};

// A node of the content tree as it appears in lists (children, ancestors,
// module lists). `pending_tasks` marks an upcoming timed action.
struct PartSummary {
    Id id = 0;
    PartType type = PartType::page;
    std::optional<Id> parent_id;
    std::string title;
    Status status = Status::unavailable;
    std::string label;
    DisplayMode display_mode = DisplayMode::text_only;
    int order = 0;
    std::string summary; // first paragraph of the content, for module lists
    bool pending_tasks = false;
    bool operator==(const PartSummary&) const = default;
};

struct Part {
    Id id = 0;
    PartType type = PartType::page;
    std::optional<Id> parent_id;
    std::string title;
    Status status = Status::unavailable;
    std::string label;
    DisplayMode display_mode = DisplayMode::text_only;
    std::string content;
    int order = 0;
    bool operator==(const Part&) const = default;
};

// The list form of a node; `summary` is left for the caller (it costs a scan
// of the content, which ancestor lists do not need).
PartSummary summary_of(const Part& p);

struct ModuleAccess {
    bool has_password = false;
    std::vector<std::string> email_domains;
    bool operator==(const ModuleAccess&) const = default;
};

struct Capabilities {
    bool edit = false;
    bool del = false; // "delete" in JSON
    bool users = false;
    bool stats = false; // may see the part's statistics (owners, tutors, admin.modules.view)
    bool operator==(const Capabilities&) const = default;
};

// GET /parts/{id}: the node with its neighbourhood and what the caller may do.
struct PartView {
    Part part;
    std::vector<PartSummary> children;
    std::vector<PartSummary> ancestors; // module first
    ModuleRole my_role = ModuleRole::none;
    Capabilities can;
    ModuleAccess access; // of the module this node belongs to
    bool pending_tasks = false;
    bool operator==(const PartView&) const = default;
};

struct Asset {
    Id id = 0;
    Id part_id = 0;
    std::string filename;
    std::string mimetype;
    AssetKind kind = AssetKind::asset;
    int order = 0;
    std::int64_t size = 0;
    std::string etag;
    bool operator==(const Asset&) const = default;
};

struct PageVisit {
    Id page_id = 0;
    std::int64_t seconds = 0;
    bool operator==(const PageVisit&) const = default;
};

struct Progress {
    Id part_id = 0;
    std::optional<Id> current_page_id;
    std::vector<PageVisit> visited;
    std::vector<std::string> files;
    bool operator==(const Progress&) const = default;
};

struct QuizQuestion {
    std::string id;
    std::string question;
    QuestionType type = QuestionType::single_choice;
    std::vector<std::string> answers;
    std::vector<std::string> correct; // never sent to learners (see to_learner_json)
    bool operator==(const QuizQuestion&) const = default;
};

struct Quiz {
    std::string id;
    std::string title;
    std::vector<QuizQuestion> questions;
    bool operator==(const Quiz&) const = default;
};

struct QuizAnswer {
    std::string quiz;
    std::string question;
    std::vector<std::string> answers;         // latest answer
    bool correct = false;                     // latest answer
    int attempts = 0;                         // answers recorded so far
    std::vector<std::string> initial_answers; // first answer
    bool initial_correct = false;
    bool operator==(const QuizAnswer&) const = default;
};

struct TimedTask {
    Id id = 0;
    Id part_id = 0;
    std::string name;   // task kind, e.g. "change_status"
    std::string title;  // of the part, for lists
    std::string run_at; // ISO 8601 UTC, minute precision
    json options = json::object();
    TaskStatus status = TaskStatus::ready;
    std::optional<std::string> error;
    std::optional<std::string> ran_at;
    bool operator==(const TimedTask&) const = default;
};

void to_json(json& j, const UserOptions& v);
void from_json(const json& j, UserOptions& v);
void to_json(json& j, const User& v);
void from_json(const json& j, User& v);
void to_json(json& j, const Group& v);
void from_json(const json& j, Group& v);
void to_json(json& j, const PartSummary& v);
void from_json(const json& j, PartSummary& v);
void to_json(json& j, const Part& v);
void from_json(const json& j, Part& v);
void to_json(json& j, const ModuleAccess& v);
void from_json(const json& j, ModuleAccess& v);
void to_json(json& j, const Capabilities& v);
void from_json(const json& j, Capabilities& v);
void to_json(json& j, const PartView& v);
void from_json(const json& j, PartView& v);
void to_json(json& j, const Asset& v);
void from_json(const json& j, Asset& v);
void to_json(json& j, const PageVisit& v);
void from_json(const json& j, PageVisit& v);
void to_json(json& j, const Progress& v);
void from_json(const json& j, Progress& v);
void to_json(json& j, const QuizQuestion& v);
void from_json(const json& j, QuizQuestion& v);
void to_json(json& j, const Quiz& v);
void from_json(const json& j, Quiz& v);
void to_json(json& j, const QuizAnswer& v);
void from_json(const json& j, QuizAnswer& v);
void to_json(json& j, const TimedTask& v);
void from_json(const json& j, TimedTask& v);

// The learner's view of a quiz: questions and answers to choose from, never
// which are correct (FEATURES §10: the original leaked them).
json to_learner_json(const Quiz& quiz);

} // namespace wte
