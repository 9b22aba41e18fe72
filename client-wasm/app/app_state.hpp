// Everything the client knows, in one struct: the session, the current route,
// data loaded from the server and the state of each form. Screens read it;
// only app.cpp (actions and network replies) writes it.
#pragma once

#include "app/route.hpp"
#include "wte/api.hpp"
#include "wte/domain.hpp"

#include <map>
#include <string>
#include <vector>

namespace wte::client {

// Data that arrives from the server: what is shown while it loads and when
// it failed. `request` is the id of the request whose reply is awaited;
// replies with another id are stale and dropped.
template <typename T> struct Remote {
    enum class State { idle, loading, ready, failed };
    State state = State::idle;
    T value{};
    std::string error;
    int request = 0;
    bool loading() const { return state == State::loading; }
    bool ready() const { return state == State::ready; }
    bool failed() const { return state == State::failed; }
};

enum class SessionState { checking, signed_out, signed_in };

struct MyModule {
    PartSummary module;
    ModuleRole role = ModuleRole::none;
};

struct SignInForm {
    std::string email;
    std::string password;
    bool busy = false;
    std::string error;
    int request = 0;
};

struct EnrolForm {
    Id module_id = 0;
    std::string password;
    bool busy = false;
    std::string error;
    int request = 0;
};

// The teacher's "Timed actions" panel (screens/timed_actions.cpp): the add /
// edit form, with date and time as typed, in the browser's time zone.
struct TimedTaskForm {
    bool open = false;
    Id task_id = 0;   // the task being changed; 0 for a new one
    std::string date; // YYYY-MM-DD
    std::string time; // HH:MM
    std::string zone; // the browser's, as shown beside the fields: "UTC+01:00"
    Status target = Status::available;
    bool busy = false;
    std::string error; // the client's check or the server's 400, shown under the form
    int request = 0;
};

// A task as listed: times already in the browser's zone ("Tue 3 Mar 2026, 10:00").
struct ListedTimedTask {
    TimedTask task;
    std::string when;
    std::string ran; // empty until it ran
};

struct TimedActionsPanel {
    bool expanded = false; // stays open from part to part until closed
    Id part_id = 0;        // whose tasks `tasks` holds
    Remote<std::vector<ListedTimedTask>> tasks;
    TimedTaskForm form;
    Id confirm_delete = 0; // the task whose deletion awaits "Delete" once more
    bool deleting = false;
    std::string error; // a failed delete
    int delete_request = 0;
};

struct AppState {
    SessionState session_state = SessionState::checking;
    api::Session session;
    std::string session_error; // /auth/me failed for another reason than 401

    Route route;
    Route after_signin = route_modules();

    SignInForm signin;
    Remote<api::Page<PartSummary>> modules;
    Remote<std::vector<MyModule>> my_modules;
    Remote<PartView> part;             // the node of the current #/parts/N route
    Id part_id = 0;                    // which node `part` is about
    std::map<Id, PartView> part_cache; // last seen views: back/forward show instantly
    EnrolForm enrol;
    TimedActionsPanel timed;

    bool high_contrast = false;
    int frame = 0;
};

} // namespace wte::client
