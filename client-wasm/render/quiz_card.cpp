// Quiz cards: the title, each question with radio buttons (single choice) or
// checkboxes (multi choice), the server's verdict per question (✓ / ✗) and
// one "Check answers" button. The learner's copy has every answer marked
// wrong, so correctness only ever comes from the server's replies.
#include "render/layout.hpp"

#include <algorithm>

namespace wte::render {

using ui::FontRole;

std::string question_key(const std::string& quiz, const std::string& question) {
    return quiz + "/" + question;
}

float layout_quiz(Builder& b, const rst::Block& quiz, float x, float y, float width) {
    const ui::Palette& p = ui::palette();
    const float pad = gap(22);
    const float inner_x = x + pad;
    const float inner_w = width - 2 * pad;
    const std::size_t mark = b.out.cmds.size();
    float cy = y + gap(18);

    TextStyle kicker = body_style();
    kicker.role = FontRole::small;
    kicker.bold = true;
    kicker.colour = p.accent;
    b.label("QUIZ", kicker, ImVec2(inner_x, cy));
    cy += gap(22);
    TextStyle title = body_style();
    title.role = FontRole::h3;
    title.colour = p.heading;
    if (!quiz.inlines.empty()) cy += b.flow(quiz.inlines, title, inner_x, cy, inner_w, 1.35f);
    cy += gap(6);

    int number = 0;
    int right = 0, questions = 0;
    bool busy = false;
    for (const auto& child : quiz.children) {
        if (child.kind != rst::BlockKind::quiz_question) {
            cy += gap(10);
            cy += layout_block(b, child, inner_x, cy, inner_w, 0);
            continue;
        }
        ++number;
        ++questions;
        const std::string key = question_key(*quiz.id, *child.id);
        const QuestionState& qs = b.state.questions[key];
        if (qs.result == QuizResult::right) ++right;
        busy = busy || qs.busy;
        const bool multi = child.question_type == QuestionType::multi_choice;
        cy += gap(16);
        if (number > 1) {
            b.line(ImVec2(inner_x, cy - gap(8)), ImVec2(inner_x + inner_w, cy - gap(8)), p.border,
                   gap(1));
            cy += gap(6);
        }
        TextStyle q = body_style();
        q.bold = true;
        q.colour = p.heading;
        const std::string n = std::to_string(number) + ".";
        const float nw = b.label(n, q, ImVec2(inner_x, cy + gap(3))) + gap(8);
        cy += b.flow(child.inlines, q, inner_x + nw, cy, inner_w - nw);
        TextStyle hint = body_style();
        hint.role = FontRole::small;
        hint.colour = p.text_muted;
        cy += b.text(multi ? "Choose every right answer." : "Choose one answer.", hint,
                     inner_x + nw, cy, inner_w - nw, 1.5f);
        cy += gap(4);

        int index = 0;
        for (const auto& answer : child.children) {
            if (answer.kind != rst::BlockKind::quiz_answer) continue;
            const float row_top = cy;
            const std::size_t option_mark = b.out.cmds.size();
            const float box = gap(28);
            const float h = b.flow(answer.inlines, body_style(), inner_x + nw + box, cy + gap(4),
                                   inner_w - nw - box - gap(8)) +
                            gap(8);
            Hot hot;
            hot.kind = HotKind::quiz_option;
            hot.label = rst::plain_text(answer.inlines);
            hot.quiz = *quiz.id;
            hot.question = *child.id;
            hot.answer = index;
            hot.multi = multi;
            hot.enabled = qs.result != QuizResult::right && !qs.busy;
            hot.a = ImVec2(inner_x + nw - gap(6), row_top);
            hot.b = ImVec2(inner_x + inner_w, row_top + h);
            Cmd option;
            option.kind = CmdKind::option;
            option.hot = b.hot(hot);
            b.out.cmds.insert(b.out.cmds.begin() + static_cast<long>(option_mark), option);
            cy += h;
            ++index;
        }
        if (qs.result != QuizResult::none || !qs.error.empty()) {
            cy += gap(6);
            TextStyle verdict = body_style();
            verdict.bold = true;
            std::string text;
            if (!qs.error.empty()) {
                verdict.colour = p.danger;
                verdict.bold = false;
                text = qs.error;
            } else if (qs.result == QuizResult::right) {
                verdict.colour = p.success;
                text = "✓ Right";
            } else {
                verdict.colour = p.danger;
                text = "✗ Not quite. Change your answer and check again.";
            }
            const std::size_t texts = b.out.texts.size();
            cy += b.text(text, verdict, inner_x + nw, cy, inner_w - nw, 1.5f);
            if (b.out.texts.size() > texts)
                b.out.texts.back().live = qs.result == QuizResult::right ? "status" : "alert";
        }
    }
    if (!b.state.quiz_error.empty()) {
        cy += gap(10);
        cy += layout_problem_note(b, b.state.quiz_error, 0, inner_x, cy, inner_w);
    }

    // The button; its look (busy, hover) is drawn each frame from the state.
    cy += gap(18);
    ImFont* bf = ui::font(FontRole::bold);
    const float bw = text_width(bf, bf->FontSize, "Check answers") + gap(36);
    const float bh = bf->FontSize + gap(20);
    Hot check;
    check.kind = HotKind::quiz_check;
    check.label = "Check answers";
    check.quiz = *quiz.id;
    check.enabled = !busy && right < questions;
    check.a = ImVec2(inner_x, cy);
    check.b = ImVec2(inner_x + bw, cy + bh);
    b.hot(check);
    if (questions > 0 && right > 0) {
        TextStyle score = body_style();
        score.colour = right == questions ? p.success : p.text_muted;
        const std::string s =
            right == questions
                ? "All " + std::to_string(questions) + " right. Well done!"
                : std::to_string(right) + " of " + std::to_string(questions) + " right";
        b.label(s, score, ImVec2(inner_x + bw + gap(16), cy + (bh - bf->FontSize * 1.35f) * 0.5f),
                true);
    }
    cy += bh + gap(22);
    fill_behind(b, mark, ImVec2(x, y), ImVec2(x + width, cy), p.surface, gap(12));
    b.frame(ImVec2(x, y), ImVec2(x + width, cy), p.border_strong, gap(1), gap(12));
    b.fill(ImVec2(x, y + gap(12)), ImVec2(x + gap(4), cy - gap(12)), p.accent, 0);
    return cy - y;
}

} // namespace wte::render
