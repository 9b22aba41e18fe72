// "Re-render all content" (POST /admin/rerender): after a parser upgrade,
// every node's content is parsed again, its quizzes extracted again and the
// problems the parser finds listed. A thread of `wte-server serve` runs the
// job in small transactions (a batch of parts each), so readers and writers
// are never blocked for long and the job's row shows progress as it goes.
#pragma once

#include "config.hpp"
#include "db/stores.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace wte::content {

// How long a job stays with its process without a sign of life (a batch
// renews it); after that it counts as abandoned and is marked failed.
inline constexpr std::int64_t rerender_lease_seconds = 15;
inline constexpr int rerender_batch_size = 10;

// One batch of the job `owner` holds, in one transaction: the next parts
// after its cursor. False when there is nothing more to do for `owner`
// (the job finished here, or is not its to run).
bool rerender_batch(db::Stores& stores, const std::string& owner);

class RerenderWorker {
public:
    explicit RerenderWorker(const Config& config);
    ~RerenderWorker(); // stops and joins
    RerenderWorker(const RerenderWorker&) = delete;
    RerenderWorker& operator=(const RerenderWorker&) = delete;

    // Marks jobs whose process stopped renewing the lease failed, then waits for jobs.
    void start();
    // A job in progress is marked failed (its server stopped).
    void stop();
    void wake();
    const std::string& owner() const { return owner_; }

private:
    void run();

    const Config& config_;
    const std::string owner_; // this process's name on the jobs it holds
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool woken_ = false;
    std::atomic<bool> stopping_{false};
};

// The owner a new job is handed to: the worker of this process, none outside
// `serve` (then nobody would run it).
std::optional<std::string> rerender_worker_owner();
// Wakes this process's worker: a request just committed a new job.
void rerender_requested();

} // namespace wte::content
