// Mails as SMTP servers and mail programs read them: encoded-word headers,
// base64 bodies in short lines, no header injection, the retry schedule.
#include "mail/message.hpp"
#include "mail/sender.hpp"

#include <catch2/catch.hpp>

using namespace wte;

TEST_CASE("plain ASCII header text stays as it is, accented text becomes UTF-8 encoded-words") {
    CHECK(mail::encode_header_words("WTE test mail") == "WTE test mail");
    CHECK(mail::encode_header_words("Zoë") == "=?UTF-8?B?Wm/Dqw==?=");
    // Long text is split between whole characters into words of at most 75 characters.
    const std::string long_name = std::string(40, 'a') + "ééééééé";
    const std::string encoded = mail::encode_header_words(long_name);
    std::size_t start = 0;
    int words = 0;
    while (start < encoded.size()) {
        std::size_t end = encoded.find("\r\n ", start);
        const std::string word =
            encoded.substr(start, end == std::string::npos ? end : end - start);
        CHECK(word.size() <= 75);
        CHECK(word.rfind("=?UTF-8?B?", 0) == 0);
        ++words;
        start = end == std::string::npos ? encoded.size() : end + 3;
    }
    CHECK(words == 2);
}

TEST_CASE("a mail is multipart text and HTML with base64 lines of at most 76 characters") {
    db::OutgoingMail m{"ana@example.org", "Ana", "Hello", std::string(500, 'x') + "\n.\n",
                       "<p>Hi</p>"};
    const std::string msg = mail::mime_message(m, "wte@school.example", 0, "abc123");
    CHECK(msg.find("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n") == 0);
    CHECK(msg.find("To: Ana <ana@example.org>\r\n") != std::string::npos);
    CHECK(msg.find("Message-ID: <abc123@school.example>\r\n") != std::string::npos);
    CHECK(msg.find("Content-Type: text/plain; charset=utf-8") != std::string::npos);
    CHECK(msg.find("Content-Type: text/html; charset=utf-8") != std::string::npos);
    std::size_t body = msg.find("\r\n\r\n");
    for (std::size_t i = body, next; i < msg.size(); i = next + 2) {
        next = msg.find("\r\n", i);
        if (next == std::string::npos) break;
        CHECK(next - i <= 76);
    }
}

TEST_CASE("a line break in an address cannot add a header") {
    db::OutgoingMail m{"ana@example.org\r\nBcc: all@example.org", "", "Hi", "x", "x"};
    const std::string msg = mail::mime_message(m, "wte@school.example", 0, "id");
    CHECK(msg.find("\r\nBcc:") == std::string::npos);
}

TEST_CASE("a failed mail is retried after a doubling wait of at most an hour") {
    CHECK(mail::retry_delay(1, 30) == 30);
    CHECK(mail::retry_delay(2, 30) == 60);
    CHECK(mail::retry_delay(3, 30) == 120);
    CHECK(mail::retry_delay(50, 30) == 3600);
}
