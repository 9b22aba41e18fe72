// The outbox's sender: a thread of `wte-server serve` that delivers due
// mails and retries failed ones with a doubling wait (email.retry_seconds,
// at most an hour; a mail is never dropped). Without email.smtp_host the
// mails are written to the server's log instead (developer runs).
#pragma once

#include "config.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace wte::mail {

class MailSender {
public:
    explicit MailSender(const Config& config);
    ~MailSender(); // stops and joins
    MailSender(const MailSender&) = delete;
    MailSender& operator=(const MailSender&) = delete;

    void start();
    void stop();
    // Deliver now: a request just committed a mail.
    void wake();

private:
    void run();
    int deliver_due(); // how many were tried

    const Config& config_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool woken_ = false;
    std::atomic<bool> stopping_{false};
};

// Wakes the running sender, if there is one in this process (a request
// handler calls it after committing a mail; other processes' mails are
// found by the sender's periodic look).
void outbox_changed();

// The wait before attempt number `attempts + 1` after `attempts` failures.
std::int64_t retry_delay(int attempts, int first_seconds);

} // namespace wte::mail
