#include "content/rerender.hpp"

#include "auth/crypto.hpp"
#include "content/quizzes.hpp"

#include <chrono>
#include <iostream>

namespace wte::content {

namespace {

std::mutex g_running_mutex;
RerenderWorker* g_running = nullptr;

// The worker looks for jobs at least this often (a wake-up is the usual way).
constexpr int poll_seconds = 5;

api::RerenderProblem problem_of(const db::RenderablePart& part,
                                const std::vector<rst::Diagnostic>& diagnostics) {
    api::RerenderProblem p{part.id, part.title, part.module_title, {}};
    for (const auto& d : diagnostics)
        p.messages.push_back("line " + std::to_string(d.line) + ": " + d.message);
    return p;
}

} // namespace

bool rerender_batch(db::Stores& stores, const std::string& owner) {
    db::Transaction tx(stores.connection);
    auto held = stores.rerender.held_by(owner);
    if (!held) return false;
    const auto [job, cursor] = *held;
    const auto parts = stores.rerender.parts_after(cursor, rerender_batch_size);
    const auto now = db::now_seconds();
    if (parts.empty()) {
        stores.rerender.finish(job, "done", std::nullopt, now);
        tx.commit();
        return false;
    }
    for (const auto& part : parts)
        if (auto diagnostics = store_quizzes(stores, part.id, part.content); !diagnostics.empty())
            stores.rerender.add_problem(job, problem_of(part, diagnostics));
    if (!stores.rerender.advance(job, owner, static_cast<int>(parts.size()), parts.back().id,
                                 now + rerender_lease_seconds))
        return false; // taken away meanwhile: the batch is rolled back
    tx.commit();
    return true;
}

RerenderWorker::RerenderWorker(const Config& config)
    : config_(config), owner_("serve-" + auth::random_token().substr(0, 16)) {}

RerenderWorker::~RerenderWorker() {
    stop();
}

void RerenderWorker::start() {
    try {
        db::Connection conn(config_.database, false);
        db::Stores stores(conn);
        if (int n = stores.rerender.fail_abandoned(db::now_seconds()))
            std::cout << "re-render: " << n << " job left running by a stopped process marked "
                      << "failed" << std::endl;
    } catch (const std::exception& e) {
        // The next look (GET /admin/rerender, a new job) marks it instead.
        std::cout << "re-render: " << e.what() << std::endl;
    }
    thread_ = std::thread([this] { run(); });
    std::lock_guard lock(g_running_mutex);
    g_running = this;
}

void RerenderWorker::stop() {
    {
        std::lock_guard lock(g_running_mutex);
        if (g_running == this) g_running = nullptr;
    }
    stopping_ = true;
    wake();
    if (!thread_.joinable()) return;
    thread_.join();
    try {
        db::Connection conn(config_.database, false);
        db::Stores stores(conn);
        db::Transaction tx(conn);
        if (auto held = stores.rerender.held_by(owner_))
            stores.rerender.finish(held->first, "failed",
                                   "wte-server stopped before the job finished; start it again",
                                   db::now_seconds());
        tx.commit();
    } catch (const std::exception& e) {
        std::cout << "re-render: " << e.what() << std::endl;
    }
}

void RerenderWorker::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wake_.notify_one();
}

void RerenderWorker::run() {
    while (!stopping_) {
        try {
            db::Connection conn(config_.database, false);
            db::Stores stores(conn);
            try {
                while (!stopping_ && rerender_batch(stores, owner_)) {
                }
            } catch (const std::exception& e) {
                // Nothing retries a failed batch: the job ends with the reason.
                std::cout << "re-render failed: " << e.what() << std::endl;
                db::Transaction tx(conn);
                if (auto held = stores.rerender.held_by(owner_))
                    stores.rerender.finish(held->first, "failed", std::string(e.what()),
                                           db::now_seconds());
                tx.commit();
            }
        } catch (const std::exception& e) {
            std::cout << "re-render: " << e.what() << std::endl;
        }
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, std::chrono::seconds(poll_seconds),
                       [this] { return woken_ || stopping_; });
        woken_ = false;
    }
}

std::optional<std::string> rerender_worker_owner() {
    std::lock_guard lock(g_running_mutex);
    if (!g_running) return std::nullopt;
    return g_running->owner();
}

void rerender_requested() {
    std::lock_guard lock(g_running_mutex);
    if (g_running) g_running->wake();
}

} // namespace wte::content
