#include "mail/sender.hpp"

#include "auth/crypto.hpp"
#include "db/stores.hpp"
#include "mail/message.hpp"
#include "mail/smtp.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>

namespace wte::mail {

namespace {

std::mutex g_running_mutex;
MailSender* g_running = nullptr;

// How long a claimed mail stays with this sender before another may try it
// (a crash mid-delivery: the mail goes out again after this; at least once).
constexpr std::int64_t claim_seconds = 300;
// The sender looks at the outbox at least this often (mails from other
// processes, such as run-timed-tasks, do not wake it).
constexpr std::int64_t poll_seconds = 10;

} // namespace

std::int64_t retry_delay(int attempts, int first_seconds) {
    const std::int64_t cap = 3600;
    std::int64_t d = first_seconds;
    for (int i = 1; i < attempts && d < cap; ++i)
        d *= 2;
    return std::min(d, cap);
}

void outbox_changed() {
    std::lock_guard lock(g_running_mutex);
    if (g_running) g_running->wake();
}

MailSender::MailSender(const Config& config) : config_(config) {}

MailSender::~MailSender() {
    stop();
}

void MailSender::start() {
    thread_ = std::thread([this] { run(); });
    std::lock_guard lock(g_running_mutex);
    g_running = this;
}

void MailSender::stop() {
    {
        std::lock_guard lock(g_running_mutex);
        if (g_running == this) g_running = nullptr;
    }
    stopping_ = true;
    wake();
    if (thread_.joinable()) thread_.join();
}

void MailSender::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wake_.notify_one();
}

int MailSender::deliver_due() {
    db::Connection conn(config_.database, false);
    db::Stores stores(conn);
    int tried = 0;
    while (!stopping_) {
        const std::int64_t now = db::now_seconds();
        auto due = stores.outbox.due(now, 20);
        if (due.empty()) break;
        for (const auto& e : due) {
            if (stopping_) break;
            if (!stores.outbox.claim(e, now + claim_seconds)) continue;
            ++tried;
            if (config_.email.smtp_host.empty()) {
                std::cout << "mail (email.smtp_host is not set, so it is logged, not sent) to "
                          << e.mail.to_address << ": " << e.mail.subject << "\n"
                          << e.mail.text_body << std::endl;
                stores.outbox.mark_sent(e.id, db::now_seconds());
                continue;
            }
            const std::string message =
                mime_message(e.mail, config_.email.sender, now, auth::random_token().substr(0, 24));
            SmtpResult r = send_smtp(config_.email, e.mail.to_address, message, &stopping_);
            if (r.delivered) {
                stores.outbox.mark_sent(e.id, db::now_seconds());
                std::cout << "mail sent to " << e.mail.to_address << ": " << e.mail.subject
                          << std::endl;
            } else {
                const int attempts = e.attempts + 1;
                const std::int64_t next =
                    db::now_seconds() + retry_delay(attempts, config_.email.retry_seconds);
                stores.outbox.mark_failed(e.id, attempts, next, r.error);
                std::cout << "mail to " << e.mail.to_address << " not delivered (attempt "
                          << attempts << ", next in " << next - db::now_seconds()
                          << " s): " << r.error << std::endl;
            }
        }
    }
    return tried;
}

void MailSender::run() {
    while (!stopping_) {
        std::int64_t wait = poll_seconds;
        try {
            deliver_due();
            db::Connection conn(config_.database, false);
            db::Stores stores(conn);
            if (auto next = stores.outbox.next_due())
                wait = std::clamp<std::int64_t>(*next - db::now_seconds(), 1, poll_seconds);
        } catch (const std::exception& e) {
            // A locked or unreachable database: try again at the next look.
            std::cout << "mail sender: " << e.what() << std::endl;
        }
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, std::chrono::seconds(wait), [this] { return woken_ || stopping_; });
        woken_ = false;
    }
}

} // namespace wte::mail
