#include "mail/smtp.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace wte::mail {

namespace {

struct Transfer {
    const std::string* message;
    std::size_t sent = 0;
    std::string last_line; // the server's latest reply line
    const std::atomic<bool>* cancel = nullptr;
};

std::size_t read_body(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    std::size_t n = std::min(size * count, t->message->size() - t->sent);
    std::memcpy(buffer, t->message->data() + t->sent, n);
    t->sent += n;
    return n;
}

// Keeps the server's reply lines: the last one says why a delivery failed.
int on_debug(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
    if (type != CURLINFO_HEADER_IN) return 0;
    std::string line(data, size);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.pop_back();
    if (!line.empty()) static_cast<Transfer*>(user)->last_line = line;
    return 0;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* t = static_cast<Transfer*>(user);
    return t->cancel && t->cancel->load() ? 1 : 0;
}

} // namespace

SmtpResult send_smtp(const EmailSettings& s, const std::string& to, const std::string& message,
                     const std::atomic<bool>* cancel) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

    SmtpResult result;
    CURL* curl = curl_easy_init();
    if (!curl) {
        result.error = "libcurl could not start a transfer";
        return result;
    }
    Transfer t{&message, 0, {}, cancel};
    const std::string url =
        std::string(s.ssl ? "smtps://" : "smtp://") + s.smtp_host + ":" + std::to_string(s.port);
    const std::string from = "<" + s.sender + ">";
    const std::string rcpt_text = "<" + to + ">";
    curl_slist* rcpt = curl_slist_append(nullptr, rcpt_text.c_str());
    char error[CURL_ERROR_SIZE] = "";

    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_body);
    curl_easy_setopt(curl, CURLOPT_READDATA, &t);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L); // feeds on_debug; nothing is printed
    curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, on_debug);
    curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &t);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &t);
    if (s.starttls && !s.ssl) curl_easy_setopt(curl, CURLOPT_USE_SSL, CURLUSESSL_ALL);
    if (!s.username.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, s.username.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, s.password.c_str());
    }

    CURLcode rc = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result.code);
    result.reply = t.last_line;
    result.delivered = rc == CURLE_OK;
    if (!result.delivered) {
        result.error = "SMTP delivery to " + to + " through " + s.smtp_host + ":" +
                       std::to_string(s.port) +
                       " failed: " + (error[0] ? std::string(error) : curl_easy_strerror(rc));
        if (!t.last_line.empty()) result.error += " (the server said: " + t.last_line + ")";
    }
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(curl);
    return result;
}

} // namespace wte::mail
