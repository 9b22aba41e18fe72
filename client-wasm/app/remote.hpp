// Data that arrives from the server: what is shown while it loads and when
// it failed. `request` is the id of the request whose reply is awaited.
#pragma once

#include <string>

namespace wte::client {

template <typename T> struct Remote {
    enum class State { idle, loading, ready, failed };
    State state = State::idle;
    T value{};
    std::string error;
    int request = 0;
    bool loading() const { return state == State::loading; }
    bool ready() const { return state == State::ready; }
    bool failed() const { return state == State::failed; }
    // Keeps what is shown (a reload) or shows "loading" (the first time).
    void start(int id) {
        request = id;
        if (!ready()) state = State::loading;
    }
    void succeed(T v) {
        value = std::move(v);
        state = State::ready;
        error.clear();
    }
    void fail(std::string why) {
        state = State::failed;
        error = std::move(why);
    }
};

} // namespace wte::client
