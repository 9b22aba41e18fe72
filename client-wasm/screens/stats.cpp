// Statistics of a module, part or page (#/parts/N/stats), for its owners and
// tutors: the learners who completed it, are in progress and have not
// started, a box plot of the time they spent, per page the visits and the
// median time, per quiz question a stacked bar of right the first time /
// right later / still wrong / not answered; "Download CSV" saves the
// server's CSV. Drawn only; app/stats.cpp loads.
#include "screens/screens.hpp"
#include "widgets/widgets.hpp"

#include <imgui.h>

#include <cmath>

namespace wte::client {

using namespace wte::ui;

namespace {

// "45 s", "2 min 5 s", "1 h 20 min": exact enough to compare learners.
std::string seconds_text(double value) {
    const auto s = static_cast<long long>(std::llround(value));
    if (s < 60) return std::to_string(s) + " s";
    if (s < 3600) {
        const long long m = s / 60, rest = s % 60;
        return std::to_string(m) + " min" + (rest ? " " + std::to_string(rest) + " s" : "");
    }
    const long long h = s / 3600, m = (s % 3600 + 30) / 60;
    return std::to_string(h) + " h" + (m ? " " + std::to_string(m) + " min" : "");
}

std::vector<BarSegment> segments_of(const api::QuestionStats& q) {
    return {{"Right the first time", q.first_time, Tone::success},
            {"Right later", q.later, Tone::accent},
            {"Still wrong", q.wrong, Tone::danger},
            {"Not answered", q.not_answered, Tone::neutral}};
}

void draw_counts(const api::PartStats& st) {
    const float gap = 12_s;
    const float w = (column_width() - 2 * gap) / 3;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    stat_card("Completed", st.completed, w, Tone::success);
    const float bottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(ImVec2(at.x + w + gap, at.y));
    stat_card("In progress", st.in_progress, w, Tone::accent);
    ImGui::SetCursorScreenPos(ImVec2(at.x + 2 * (w + gap), at.y));
    stat_card("Not started", st.not_started, w, Tone::neutral);
    ImGui::SetCursorScreenPos(ImVec2(at.x, bottom));
    ImGui::Dummy(ImVec2(1, 0));
}

void draw_pages(const api::PartStats& st) {
    heading("Pages", 2);
    vspace(2);
    if (st.pages.empty()) {
        muted("There are no pages here yet.");
        return;
    }
    const std::vector<float> columns = {0.0f, 0.62f, 0.80f};
    table_row({"Page", "Visits", "Median time"}, columns, true);
    for (const auto& p : st.pages)
        table_row({p.available ? p.title : p.title + " (not available)", std::to_string(p.visits),
                   p.visits ? seconds_text(p.median_seconds) : "–"},
                  columns);
}

void draw_questions(const api::PartStats& st) {
    heading("Quiz questions", 2);
    vspace(2);
    if (st.questions.empty()) {
        muted("These pages have no quiz questions.");
        return;
    }
    bar_legend(segments_of(st.questions.front()));
    vspace(8);
    for (std::size_t i = 0; i < st.questions.size(); ++i) {
        const auto& q = st.questions[i];
        ImGui::PushID(static_cast<int>(i));
        paragraph(q.text.empty() ? q.question : q.text);
        stacked_bar(q.text.empty() ? q.question : q.text, segments_of(q));
        vspace(10);
        ImGui::PopID();
    }
}

} // namespace

void draw_stats(AppState& s, Actions& a) {
    const StatsScreen& screen = s.stats;
    const auto& remote = screen.stats;
    const std::string title = remote.ready() ? remote.value.title : "";
    if (link(title.empty() ? "‹ Back" : "‹ Back to " + title, FontRole::small))
        a.navigate = route_part(screen.part_id);
    vspace(4);
    heading("Statistics", 1);
    if (remote.failed()) {
        if (error_view("The statistics cannot be shown", remote.error)) a.retry = true;
        return;
    }
    if (!remote.ready()) {
        loading_view("statistics");
        return;
    }
    const api::PartStats& st = remote.value;
    muted(st.title);
    vspace(8);
    if (button("Download CSV", ButtonKind::secondary)) a.stats.download_csv = true;
    vspace(12);

    const std::string learners =
        st.learners == 1 ? "1 learner" : std::to_string(st.learners) + " learners";
    const std::string pages = st.available_pages == 1
                                  ? "1 page open to them"
                                  : std::to_string(st.available_pages) + " pages open to them";
    muted(learners + " · " + pages + ". Completed means every open page visited.", FontRole::small);
    vspace(6);
    draw_counts(st);

    vspace(20);
    heading("Time spent per learner", 2);
    vspace(2);
    if (st.completed + st.in_progress == 0 && st.time.max == 0) { // nobody started
        muted("Nobody has opened these pages yet.");
    } else {
        muted("Over the learners who opened a page: the box holds the middle half of them.",
              FontRole::small);
        vspace(8);
        box_plot("Time spent per learner",
                 {st.time.min, st.time.q1, st.time.median, st.time.q3, st.time.max}, seconds_text);
        vspace(6);
        paragraph("Least " + seconds_text(st.time.min) + " · a quarter under " +
                  seconds_text(st.time.q1) + " · median " + seconds_text(st.time.median) +
                  " · a quarter over " + seconds_text(st.time.q3) + " · most " +
                  seconds_text(st.time.max));
    }

    vspace(20);
    draw_pages(st);
    vspace(20);
    draw_questions(st);
}

} // namespace wte::client
