// The REST API contract (API.md): paths and request/response bodies that the
// server handles and the client sends. Both sides compile this file, so a
// renamed field breaks the build instead of a user's session.
#pragma once

#include "wte/domain.hpp"

#include <string>
#include <vector>

namespace wte::api {

inline constexpr const char* prefix = "/api/v1";
inline constexpr const char* csrf_header = "X-CSRF-Token";
inline constexpr const char* session_cookie = "wte_session";

std::string path_health();
std::string path_login();
std::string path_logout();
std::string path_me();
std::string path_register();
std::string path_resend();
std::string path_confirm();
std::string path_forgot();
std::string path_confirm_email();
std::string path_user(Id id);
std::string path_reset();
std::string path_modules();
std::string path_my_modules();
std::string path_parts();
std::string path_part(Id id);
std::string path_part_access(Id id);
std::string path_part_delete_impact(Id id);
std::string path_enrol(Id id);
std::string path_timed_tasks(Id part_id);
std::string path_timed_task(Id id);
std::string path_quiz_answers(Id part_id);
std::string path_quizzes(Id part_id);
// An asset of a part by its file name (leading "/" and "./" dropped,
// percent-encoded except for '/').
std::string path_asset_by_name(Id part_id, const std::string& name);
// A part's assets and templates (GET: the list; POST: an upload).
std::string path_assets(Id part_id);
// An upload of `filename` as an asset or a template (query percent-encoded).
std::string path_asset_upload(Id part_id, const std::string& filename, AssetKind kind);
std::string path_asset(Id id);         // metadata: GET, PATCH, DELETE
std::string path_asset_content(Id id); // the bytes: GET, PUT (replace)
std::string path_progress(Id part_id); // a part's or a module's progress
std::string path_progress_time(Id part_id);
std::string path_workspace(Id part_id);
// A learner's file; the name is percent-encoded (it never holds a '/').
std::string path_workspace_file(Id part_id, const std::string& filename);
std::string path_workspace_reset(Id part_id);
std::string path_workspace_zip(Id part_id);
std::string path_members(Id part_id); // the members of the node's module
std::string path_member(Id part_id, Id user_id);
std::string path_stats(Id part_id);
std::string path_stats_csv(Id part_id);
// Courses in and out (export-format.md): a node's ZIP, an import (top level
// without a parent), and the offline website of a module or part.
std::string path_part_export(Id part_id);
std::string path_import(std::optional<Id> parent_id);
std::string path_part_offline(Id part_id);

struct ErrorBody {
    std::string code; // not_found, bad_request, unauthorized, forbidden, conflict, ...
    std::string message;
    json details; // optional, e.g. {"field": "title"}
};
json to_json(const ErrorBody& e);
ErrorBody error_from_json(const json& j); // tolerant: never throws

struct LoginRequest {
    std::string email;
    std::string password;
};
LoginRequest parse_login(const json& j);
json to_json(const LoginRequest& r);

// POST /auth/register: an unconfirmed account and a confirmation link by mail.
struct RegisterRequest {
    std::string email;
    std::string email_confirm; // typed twice
    std::string name;
};
RegisterRequest parse_register(const json& j);
json to_json(const RegisterRequest& r);

// POST /auth/forgot and /auth/resend: a link by mail; the answer never says
// whether the address has an account.
struct AddressRequest {
    std::string email;
};
AddressRequest parse_address(const json& j);
json to_json(const AddressRequest& r);

// POST /auth/reset and /auth/confirm: the token from the mailed link and the
// (new) password; both answer like login.
struct LinkPasswordRequest {
    std::string token;
    std::string password;
};
LinkPasswordRequest parse_link_password(const json& j);
json to_json(const LinkPasswordRequest& r);

// PATCH /users/{id}: the fields given change. A new email waits for the
// link mailed to it; a new password needs the current one; `confirmed: true`
// is an administrator confirming an account (admin.users.edit).
struct ProfileChange {
    std::optional<std::string> name;
    std::optional<bool> high_contrast;
    std::optional<ThemeChoice> theme;
    std::optional<bool> confirmed;
    std::optional<std::string> email;
    std::optional<std::string> current_password;
    std::optional<std::string> new_password;
    bool operator==(const ProfileChange&) const = default;
};
ProfileChange parse_profile_change(const json& j);
json to_json(const ProfileChange& c);

// DELETE /users/{id}: deleting one's own account asks for the password again.
struct AccountDeletion {
    std::optional<std::string> password;
};
AccountDeletion parse_account_deletion(const json& j);
json to_json(const AccountDeletion& d);

// POST /auth/confirm-email: the token of the link mailed to the new address.
struct EmailChangeConfirmation {
    std::string token;
};
EmailChangeConfirmation parse_email_change_confirmation(const json& j);
json to_json(const EmailChangeConfirmation& c);

// Answer of login and GET /auth/me.
struct Session {
    User user;
    std::vector<std::string> permissions;
    std::string csrf_token;
};
json to_json(const Session& s);
Session parse_session(const json& j);

struct CreatePartRequest {
    PartType type = PartType::page;
    std::optional<Id> parent_id;
    std::string title;
    std::optional<Status> status;
    std::optional<std::string> label;
    std::optional<DisplayMode> display_mode;
    std::optional<std::string> content;
    std::optional<int> order;
};
CreatePartRequest parse_create_part(const json& j);
json to_json(const CreatePartRequest& r);

// Only the fields present are changed; a page edit never touches its status
// unless asked (FEATURES §10).
struct PatchPartRequest {
    std::optional<std::string> title;
    std::optional<Status> status;
    std::optional<std::string> label;
    std::optional<DisplayMode> display_mode;
    std::optional<std::string> content;
    std::optional<int> order;
    std::optional<std::vector<Id>> children_order;
    bool empty() const;
};
PatchPartRequest parse_patch_part(const json& j);
json to_json(const PatchPartRequest& r);

struct AccessRequest {
    bool set_password = false;
    std::optional<std::string> password; // null: remove
    std::optional<std::vector<std::string>> email_domains;
};
AccessRequest parse_access(const json& j);
// "password" only when set_password (null removes it), "email_domains" when given.
json to_json(const AccessRequest& r);

// GET /parts/{id}/delete-impact: what deleting the node takes with it, the
// node itself not counted (parts and pages below it; assets, learners with
// progress and quiz answers of the whole subtree).
struct DeleteImpact {
    int parts = 0;
    int pages = 0;
    int assets = 0;
    int learners_with_progress = 0;
    int quiz_answers = 0;
    bool operator==(const DeleteImpact&) const = default;
};
json to_json(const DeleteImpact& d);
DeleteImpact parse_delete_impact(const json& j);
// "Deleting “X” also deletes 2 parts, 7 pages, 3 files and the progress of
// 12 learners." (only what is there; "Deleting “X” deletes nothing else.")
std::string describe_delete_impact(const std::string& title, const DeleteImpact& d);

struct EnrolRequest {
    std::optional<std::string> password;
};
EnrolRequest parse_enrol(const json& j);
json to_json(const EnrolRequest& r);

// An item of GET /modules/mine: the module's summary with the user's role in
// it, in one object ({...summary, "role": "student"}).
struct MyModule {
    PartSummary module;
    ModuleRole role = ModuleRole::none;
    bool operator==(const MyModule&) const = default;
};
void to_json(json& j, const MyModule& m);
void from_json(const json& j, MyModule& m);

// POST /parts/{id}/quiz-answers: the learner's choice for one question, as
// the answers' text.
struct QuizAnswerSubmission {
    std::string quiz;
    std::string question;
    std::vector<std::string> answers;
    bool operator==(const QuizAnswerSubmission&) const = default;
};
json to_json(const QuizAnswerSubmission& s);
// Strict: a clear BadInput naming the field for a malformed body.
QuizAnswerSubmission parse_quiz_answer_submission(const json& j);

// Its reply: the server's verdict (it never tells the right answer).
// recorded: false once the question was answered right (later tries are not kept).
struct QuizVerdict {
    std::string quiz;
    std::string question;
    bool correct = false;
    int attempts = 0;
    bool recorded = true;
    bool operator==(const QuizVerdict&) const = default;
};
json to_json(const QuizVerdict& v);
QuizVerdict parse_quiz_verdict(const json& j); // throws when "correct" is missing

// GET /parts/{id}/quiz-answers: the learner's saved answers on a part.
struct SavedQuizAnswers {
    std::vector<QuizAnswer> items;
    bool operator==(const SavedQuizAnswers&) const = default;
};
json to_json(const SavedQuizAnswers& s);
SavedQuizAnswers parse_saved_quiz_answers(const json& j);

// A page's quiz questions and the caller's recorded answers to them (zeros
// when the page has no quiz).
struct QuizTally {
    int questions = 0;
    int answered = 0;
    int correct = 0;
    bool operator==(const QuizTally&) const = default;
};
void to_json(json& j, const QuizTally& t);
void from_json(const json& j, QuizTally& t);

// GET /parts/{part}/progress: the learner's progress on a part. `pages` are
// the pages the learner can see, in order; a part without pages has zeros.
struct PageProgress {
    Id page_id = 0;
    std::string title;
    bool visited = false;
    std::int64_t seconds = 0;
    QuizTally quiz;
    bool operator==(const PageProgress&) const = default;
};
void to_json(json& j, const PageProgress& p);
void from_json(const json& j, PageProgress& p);

struct PartProgress {
    Id part_id = 0;
    std::optional<Id> current_page_id;
    std::vector<PageProgress> pages;
    int visited_pages = 0;
    int available_pages = 0;
    std::int64_t seconds = 0;
    bool skimming = false;
    // Sums of the pages' quiz tallies.
    int quiz_questions = 0;
    int quiz_answered = 0;
    int quiz_correct = 0;
    bool operator==(const PartProgress&) const = default;
};
json to_json(const PartProgress& p);
PartProgress parse_part_progress(const json& j);

// GET /parts/{module}/progress: one line per part of the module.
struct PartProgressSummary {
    Id part_id = 0;
    int visited_pages = 0;
    int available_pages = 0;
    std::int64_t seconds = 0;
    bool operator==(const PartProgressSummary&) const = default;
};
void to_json(json& j, const PartProgressSummary& p);
void from_json(const json& j, PartProgressSummary& p);

struct ModuleProgress {
    Id module_id = 0;
    std::vector<PartProgressSummary> parts;
    bool operator==(const ModuleProgress&) const = default;
};
json to_json(const ModuleProgress& p);
ModuleProgress parse_module_progress(const json& j);

// POST /parts/{part}/progress/time: seconds spent on one page since the last
// report (1 .. max_reported_seconds in rules.hpp).
struct TimeReport {
    Id page_id = 0;
    int seconds = 0;
    bool operator==(const TimeReport&) const = default;
};
json to_json(const TimeReport& r);
// Strict: a whole number of seconds in range, a page id; BadInput otherwise.
TimeReport parse_time_report(const json& j);

// Its reply: the page's new total.
struct TimeTotal {
    Id page_id = 0;
    std::int64_t seconds = 0;
    bool operator==(const TimeTotal&) const = default;
};
json to_json(const TimeTotal& t);
TimeTotal parse_time_total(const json& j);

// A file of the learner's workspace (three-pane parts). changed: differs from
// the template it was copied from (or has none). JSON key of `name`: "filename".
struct WorkspaceFile {
    std::string name;
    std::string mimetype;
    std::string etag;
    std::int64_t size = 0;
    bool changed = false;
    bool operator==(const WorkspaceFile&) const = default;
};
void to_json(json& j, const WorkspaceFile& f);
void from_json(const json& j, WorkspaceFile& f);

// GET /parts/{part}/workspace. preview_url: the capability URL the preview
// frame loads (index.html of the workspace).
struct Workspace {
    Id part_id = 0;
    std::vector<WorkspaceFile> files;
    std::string preview_url;
    bool operator==(const Workspace&) const = default;
};
json to_json(const Workspace& w);
Workspace parse_workspace(const json& j);

// PUT /parts/{part}/files/{name}: "saved" or "no-changes", with the new ETag
// (bare, as in the listing). JSON: {"result", "etag", "changed"}.
struct FileSaveResult {
    std::string status; // "result" in JSON
    std::string etag;
    bool changed = false; // differs from its template (or has none)
    bool operator==(const FileSaveResult&) const = default;
};
json to_json(const FileSaveResult& r);
FileSaveResult parse_file_save_result(const json& j);

// POST /parts/{part}/files/reset: one file back to its template, or (no
// filename) the whole workspace.
struct FileResetRequest {
    std::optional<std::string> filename;
    bool operator==(const FileResetRequest&) const = default;
};
json to_json(const FileResetRequest& r);
FileResetRequest parse_file_reset(const json& j);

// Pages: {"items": [...], "total": T, "page": N, "per_page": M}.
template <typename T> struct Page {
    std::vector<T> items;
    std::int64_t total = 0;
    int page = 1;
    int per_page = 50;
};
template <typename T> json to_json(const Page<T>& p) {
    return {{"items", p.items}, {"total", p.total}, {"page", p.page}, {"per_page", p.per_page}};
}
template <typename T> Page<T> parse_page(const json& j) {
    Page<T> p;
    p.items = j.at("items").get<std::vector<T>>();
    p.total = j.value("total", std::int64_t(0));
    p.page = j.value("page", 1);
    p.per_page = j.value("per_page", 50);
    return p;
}

// --- Module users: GET/POST /parts/{id}/users, PATCH/DELETE /parts/{id}/users/{user_id} ---

inline constexpr int members_per_page = 30;

// A member of a module. role is owner, tutor, student or block (JSON
// "block", as in my_role); `blocked` says the same for readers.
struct Member {
    Id user_id = 0;
    std::string email;
    std::string name;
    ModuleRole role = ModuleRole::student;
    bool operator==(const Member&) const = default;
};
void to_json(json& j, const Member& m);
void from_json(const json& j, Member& m);

// ?role= of the list: "blocked" (or "block") for the blocked members.
std::optional<ModuleRole> parse_member_role_filter(const std::string& s);

// POST: an existing user by email, with a role (owner, tutor or student).
struct AddMemberRequest {
    std::string email;
    ModuleRole role = ModuleRole::student;
    bool operator==(const AddMemberRequest&) const = default;
};
json to_json(const AddMemberRequest& r);
AddMemberRequest parse_add_member(const json& j); // BadInput naming the field

// PATCH: either {role: owner|tutor|student} or {blocked: true|false}.
// Unblocking gives back the role the member had before the block.
struct MemberChange {
    std::optional<ModuleRole> role;
    std::optional<bool> blocked;
    bool operator==(const MemberChange&) const = default;
};
json to_json(const MemberChange& c);
MemberChange parse_member_change(const json& j); // exactly one of the two
// The role a change leads to from `current`; an unblock leads back to
// `before_block`, the role the block replaced.
ModuleRole role_after(const MemberChange& c, ModuleRole current,
                      ModuleRole before_block = ModuleRole::student);

// --- Statistics: GET /parts/{id}/stats (JSON; ?format=csv for CSV) ---

// Five numbers of a distribution (linear interpolation between ranks, as a
// spreadsheet's QUARTILE.INC); all zero for no values.
struct Quartiles {
    double min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
    bool operator==(const Quartiles&) const = default;
};
void to_json(json& j, const Quartiles& q);
void from_json(const json& j, Quartiles& q);
Quartiles quartiles_of(std::vector<double> values);

struct PageStats {
    Id page_id = 0;
    std::string title;
    bool available = false;    // a learner can open it (the page and its part available)
    int visits = 0;            // learners who opened it
    double median_seconds = 0; // over those learners
    bool operator==(const PageStats&) const = default;
};
void to_json(json& j, const PageStats& p);
void from_json(const json& j, PageStats& p);

// One quiz question over the learners: right at the first attempt, right
// after wrong ones, answered but still wrong, not answered.
struct QuestionStats {
    Id page_id = 0;
    std::string quiz;
    std::string question; // its id in the quiz
    std::string text;     // the question as the learners read it
    int first_time = 0;
    int later = 0;
    int wrong = 0;
    int not_answered = 0;
    bool operator==(const QuestionStats&) const = default;
};
void to_json(json& j, const QuestionStats& q);
void from_json(const json& j, QuestionStats& q);

// Learners are the module's students. Completed: visited every available
// page of the node (none are available: nobody has completed it); in
// progress: some of them; not started: none. `time` is over the learners who
// visited a page of the node (seconds on its pages, summed per learner).
struct PartStats {
    Id part_id = 0;
    PartType type = PartType::part;
    std::string title;
    int learners = 0;
    int completed = 0;
    int in_progress = 0;
    int not_started = 0;
    int available_pages = 0;
    Quartiles time;
    std::vector<PageStats> pages;
    std::vector<QuestionStats> questions;
    bool operator==(const PartStats&) const = default;
};
json to_json(const PartStats& s);
PartStats parse_part_stats(const json& j);

// Validation limits shared by client forms and server checks.
inline constexpr std::size_t max_title_length = 255;
inline constexpr std::size_t max_label_length = 64;
inline constexpr std::size_t max_content_length = 1 << 20;

} // namespace wte::api
