// JSON form of the domain types. Readers are lenient about missing optional
// fields (defaults) but strict about types: a wrong type is BadInput.
#include "wte/domain.hpp"

namespace wte {

namespace {

template <typename E> std::string enum_text(E v) {
    json j = v;
    return j.is_string() ? j.get<std::string>() : std::string();
}

template <typename E>
std::optional<E> enum_parse(const std::string& s, std::initializer_list<E> values) {
    for (E v : values)
        if (enum_text(v) == s && !s.empty()) return v;
    return std::nullopt;
}

template <typename T> void read(const json& j, const char* key, T& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    try {
        out = it->template get<T>();
    } catch (const json::exception&) {
        throw BadInput(key, std::string("Field '") + key + "' has the wrong type");
    }
}

template <typename T> void read(const json& j, const char* key, std::optional<T>& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        out.reset();
        return;
    }
    T value{};
    read(j, key, value);
    out = value;
}

template <typename E>
void read_enum(const json& j, const char* key, E& out,
               std::optional<E> (*parse)(const std::string&)) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_string()) throw BadInput(key, std::string("Field '") + key + "' must be text");
    auto v = parse(it->get<std::string>());
    if (!v)
        throw BadInput(key, std::string("Field '") + key + "' has an unknown value '" +
                                it->get<std::string>() + "'");
    out = *v;
}

template <typename T> json opt(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

} // namespace

std::string to_string(PartType v) {
    return enum_text(v);
}
std::string to_string(Status v) {
    return enum_text(v);
}
std::string to_string(DisplayMode v) {
    return enum_text(v);
}
std::string to_string(ModuleRole v) {
    return enum_text(v);
}
std::string to_string(UserStatus v) {
    return enum_text(v);
}
std::string to_string(AssetKind v) {
    return enum_text(v);
}
std::string to_string(QuestionType v) {
    return enum_text(v);
}
std::string to_string(ThemeChoice v) {
    return enum_text(v);
}
std::string to_string(TaskStatus v) {
    return enum_text(v);
}

std::optional<PartType> parse_part_type(const std::string& s) {
    return enum_parse(s, {PartType::module, PartType::part, PartType::page});
}
std::optional<Status> parse_status(const std::string& s) {
    return enum_parse(s, {Status::available, Status::unavailable, Status::archived});
}
std::optional<DisplayMode> parse_display_mode(const std::string& s) {
    return enum_parse(s, {DisplayMode::text_only, DisplayMode::three_pane_html});
}
std::optional<ModuleRole> parse_module_role(const std::string& s) {
    if (s.empty()) return ModuleRole::none;
    return enum_parse(
        s, {ModuleRole::owner, ModuleRole::tutor, ModuleRole::student, ModuleRole::block});
}
std::optional<ThemeChoice> parse_theme_choice(const std::string& s) {
    return enum_parse(s, {ThemeChoice::system, ThemeChoice::light, ThemeChoice::dark});
}
std::optional<UserStatus> parse_user_status(const std::string& s) {
    return enum_parse(s, {UserStatus::unconfirmed, UserStatus::active});
}
std::optional<AssetKind> parse_asset_kind(const std::string& s) {
    return enum_parse(s, {AssetKind::asset, AssetKind::template_file});
}
std::optional<QuestionType> parse_question_type(const std::string& s) {
    return enum_parse(s, {QuestionType::single_choice, QuestionType::multi_choice});
}
std::optional<TaskStatus> parse_task_status(const std::string& s) {
    return enum_parse(
        s, {TaskStatus::ready, TaskStatus::running, TaskStatus::completed, TaskStatus::failed});
}

void to_json(json& j, const UserOptions& v) {
    j = {{"high_contrast", v.high_contrast}, {"theme", v.theme}};
}
void from_json(const json& j, UserOptions& v) {
    read(j, "high_contrast", v.high_contrast);
    read_enum(j, "theme", v.theme, parse_theme_choice);
}

void to_json(json& j, const User& v) {
    j = {{"id", v.id},
         {"email", v.email},
         {"name", v.name},
         {"status", v.status},
         {"options", v.options}};
}
void from_json(const json& j, User& v) {
    read(j, "id", v.id);
    read(j, "email", v.email);
    read(j, "name", v.name);
    read_enum(j, "status", v.status, parse_user_status);
    read(j, "options", v.options);
}

void to_json(json& j, const Group& v) {
    j = {{"id", v.id}, {"title", v.title}, {"permissions", v.permissions}};
}
void from_json(const json& j, Group& v) {
    read(j, "id", v.id);
    read(j, "title", v.title);
    read(j, "permissions", v.permissions);
}

void to_json(json& j, const PartSummary& v) {
    j = {{"id", v.id},
         {"type", v.type},
         {"parent_id", opt(v.parent_id)},
         {"title", v.title},
         {"status", v.status},
         {"label", v.label},
         {"display_mode", v.display_mode},
         {"order", v.order},
         {"summary", v.summary},
         {"pending_tasks", v.pending_tasks}};
}
void from_json(const json& j, PartSummary& v) {
    read(j, "id", v.id);
    read_enum(j, "type", v.type, parse_part_type);
    read(j, "parent_id", v.parent_id);
    read(j, "title", v.title);
    read_enum(j, "status", v.status, parse_status);
    read(j, "label", v.label);
    read_enum(j, "display_mode", v.display_mode, parse_display_mode);
    read(j, "order", v.order);
    read(j, "summary", v.summary);
    read(j, "pending_tasks", v.pending_tasks);
}

void to_json(json& j, const Part& v) {
    j = {{"id", v.id},
         {"type", v.type},
         {"parent_id", opt(v.parent_id)},
         {"title", v.title},
         {"status", v.status},
         {"label", v.label},
         {"display_mode", v.display_mode},
         {"content", v.content},
         {"order", v.order}};
}
void from_json(const json& j, Part& v) {
    read(j, "id", v.id);
    read_enum(j, "type", v.type, parse_part_type);
    read(j, "parent_id", v.parent_id);
    read(j, "title", v.title);
    read_enum(j, "status", v.status, parse_status);
    read(j, "label", v.label);
    read_enum(j, "display_mode", v.display_mode, parse_display_mode);
    read(j, "content", v.content);
    read(j, "order", v.order);
}

void to_json(json& j, const ModuleAccess& v) {
    j = {{"has_password", v.has_password}, {"email_domains", v.email_domains}};
}
void from_json(const json& j, ModuleAccess& v) {
    read(j, "has_password", v.has_password);
    read(j, "email_domains", v.email_domains);
}

void to_json(json& j, const Capabilities& v) {
    j = {{"edit", v.edit}, {"delete", v.del}, {"users", v.users}, {"stats", v.stats}};
}
void from_json(const json& j, Capabilities& v) {
    read(j, "edit", v.edit);
    read(j, "delete", v.del);
    read(j, "users", v.users);
    if (j.contains("stats")) read(j, "stats", v.stats);
}

void to_json(json& j, const PartView& v) {
    j = v.part;
    j["children"] = v.children;
    j["ancestors"] = v.ancestors;
    j["my_role"] = v.my_role;
    j["can"] = v.can;
    j["access"] = v.access;
    j["pending_tasks"] = v.pending_tasks;
}
void from_json(const json& j, PartView& v) {
    from_json(j, v.part);
    read(j, "children", v.children);
    read(j, "ancestors", v.ancestors);
    read_enum(j, "my_role", v.my_role, parse_module_role);
    read(j, "can", v.can);
    read(j, "access", v.access);
    read(j, "pending_tasks", v.pending_tasks);
}

void to_json(json& j, const Asset& v) {
    j = {{"id", v.id},
         {"part_id", v.part_id},
         {"filename", v.filename},
         {"mimetype", v.mimetype},
         {"type", v.kind},
         {"order", v.order},
         {"size", v.size},
         {"etag", v.etag}};
}
void from_json(const json& j, Asset& v) {
    read(j, "id", v.id);
    read(j, "part_id", v.part_id);
    read(j, "filename", v.filename);
    read(j, "mimetype", v.mimetype);
    read_enum(j, "type", v.kind, parse_asset_kind);
    read(j, "order", v.order);
    read(j, "size", v.size);
    read(j, "etag", v.etag);
}

void to_json(json& j, const PageVisit& v) {
    j = {{"page_id", v.page_id}, {"seconds", v.seconds}};
}
void from_json(const json& j, PageVisit& v) {
    read(j, "page_id", v.page_id);
    read(j, "seconds", v.seconds);
}

void to_json(json& j, const Progress& v) {
    j = {{"part_id", v.part_id},
         {"current_page_id", opt(v.current_page_id)},
         {"visited", v.visited},
         {"files", v.files}};
}
void from_json(const json& j, Progress& v) {
    read(j, "part_id", v.part_id);
    read(j, "current_page_id", v.current_page_id);
    read(j, "visited", v.visited);
    read(j, "files", v.files);
}

void to_json(json& j, const QuizQuestion& v) {
    j = {{"id", v.id},
         {"question", v.question},
         {"type", v.type},
         {"answers", v.answers},
         {"correct", v.correct}};
}
void from_json(const json& j, QuizQuestion& v) {
    read(j, "id", v.id);
    read(j, "question", v.question);
    read_enum(j, "type", v.type, parse_question_type);
    read(j, "answers", v.answers);
    read(j, "correct", v.correct);
}

void to_json(json& j, const Quiz& v) {
    j = {{"id", v.id}, {"title", v.title}, {"questions", v.questions}};
}
void from_json(const json& j, Quiz& v) {
    read(j, "id", v.id);
    read(j, "title", v.title);
    read(j, "questions", v.questions);
}

PartSummary summary_of(const Part& p) {
    PartSummary s;
    s.id = p.id;
    s.type = p.type;
    s.parent_id = p.parent_id;
    s.title = p.title;
    s.status = p.status;
    s.label = p.label;
    s.display_mode = p.display_mode;
    s.order = p.order;
    return s;
}

json to_learner_json(const Quiz& quiz) {
    json j = quiz;
    for (auto& q : j["questions"])
        q.erase("correct");
    return j;
}

void to_json(json& j, const QuizAnswer& v) {
    j = {{"quiz", v.quiz},
         {"question", v.question},
         {"answers", v.answers},
         {"correct", v.correct},
         {"attempts", v.attempts},
         {"initial_answers", v.initial_answers},
         {"initial_correct", v.initial_correct}};
}
void from_json(const json& j, QuizAnswer& v) {
    read(j, "quiz", v.quiz);
    read(j, "question", v.question);
    read(j, "answers", v.answers);
    read(j, "correct", v.correct);
    read(j, "attempts", v.attempts);
    read(j, "initial_answers", v.initial_answers);
    read(j, "initial_correct", v.initial_correct);
}

void to_json(json& j, const TimedTask& v) {
    j = {{"id", v.id},         {"part_id", v.part_id},  {"name", v.name},
         {"title", v.title},   {"run_at", v.run_at},    {"options", v.options},
         {"status", v.status}, {"error", opt(v.error)}, {"ran_at", opt(v.ran_at)}};
}
void from_json(const json& j, TimedTask& v) {
    read(j, "id", v.id);
    read(j, "part_id", v.part_id);
    read(j, "name", v.name);
    read(j, "title", v.title);
    read(j, "run_at", v.run_at);
    if (j.contains("options") && !j["options"].is_null()) {
        if (!j["options"].is_object())
            throw BadInput("options", "Field 'options' must be an object");
        v.options = j["options"];
    }
    read_enum(j, "status", v.status, parse_task_status);
    read(j, "error", v.error);
    read(j, "ran_at", v.ran_at);
}

} // namespace wte
