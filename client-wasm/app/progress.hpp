// Feature: the learner's progress on the part or module on screen (GET
// /parts/{id}/progress, one request each): visited pages, time, the current
// page, quiz results. Asked only for a student member, once each time the
// screen is entered (coming back from a page refreshes it), never per frame.
#pragma once

#include "app/remote.hpp"
#include "wte/api.hpp"

#include <cstdint>
#include <string>

namespace wte::client {

class App;
struct AppState;

struct LearnerProgress {
    Id part_id = 0; // whose progress `part` holds
    Remote<api::PartProgress> part;
    Id module_id = 0;
    Remote<api::ModuleProgress> module;
    int asked_entry = 0; // the PartScreen entry it was last asked for
};

namespace progress {
// Asks for the progress of the part or module on screen when its view is
// there, says the reader is a student, and this entry has not asked yet.
// Called after replies and after each frame's actions (sends at most once).
void tick(App& app);
// The progress of `part` / `module` when it arrived (null otherwise or for
// other readers than students).
const api::PartProgress* of_part(const AppState& s, Id part);
const api::ModuleProgress* of_module(const AppState& s, Id module);
// One part's line in the module's progress, or null.
const api::PartProgressSummary* of_part_in_module(const AppState& s, Id module, Id part);
// Does the reader of `view` have progress (a student member)?
bool has_progress(const PartView& view);
// "42 min", "1 h 5 min", "under a minute"; empty for 0.
std::string duration_text(std::int64_t seconds);
// "Quizzes: 4 of 6 answered, 3 correct" / per page "Quiz: 1 of 2 answered, 1 correct".
std::string quiz_text(const api::QuizTally& tally, bool whole_part);
} // namespace progress

} // namespace wte::client
