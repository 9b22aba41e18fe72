#include "mail/message.hpp"

#include <sodium.h>

#include <ctime>

namespace wte::mail {

namespace {

std::string base64(std::string_view bytes) {
    const int variant = sodium_base64_VARIANT_ORIGINAL;
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), variant);
    out.resize(out.size() - 1); // the terminating NUL
    return out;
}

bool plain_header_text(std::string_view text) {
    for (unsigned char c : text)
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '=' || c == '?') return false;
    return true;
}

// An address with an optional display name; CR/LF can never reach a header.
std::string mailbox(const std::string& name, const std::string& address) {
    std::string clean;
    for (char c : address)
        if (c != '\r' && c != '\n' && c != '<' && c != '>') clean += c;
    if (name.empty()) return "<" + clean + ">";
    return encode_header_words(name) + " <" + clean + ">";
}

} // namespace

std::string encode_header_words(std::string_view text) {
    if (plain_header_text(text)) return std::string(text);
    // Encoded-words are at most 75 characters: split the UTF-8 text into
    // chunks of whole characters of at most 45 bytes (60 base64 characters).
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = std::min(text.size(), i + 45);
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
            --end;
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + base64(text.substr(i, end - i)) + "?=";
        i = end;
    }
    return out;
}

std::string rfc5322_date(std::int64_t unix_time) {
    std::time_t t = static_cast<std::time_t>(unix_time);
    std::tm tm{};
    gmtime_r(&t, &tm);
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday],
                  tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
    return buf;
}

std::string base64_lines(std::string_view bytes) {
    const std::string all = base64(bytes);
    std::string out;
    for (std::size_t i = 0; i < all.size(); i += 76)
        out += all.substr(i, 76) + "\r\n";
    return out;
}

std::string mime_message(const db::OutgoingMail& mail, const std::string& sender,
                         std::int64_t unix_time, const std::string& message_id) {
    const std::string boundary = "=_wte_" + message_id;
    std::string m;
    m += "Date: " + rfc5322_date(unix_time) + "\r\n";
    m += "From: " + mailbox("Web Teaching Environment", sender) + "\r\n";
    m += "To: " + mailbox(mail.to_name, mail.to_address) + "\r\n";
    m += "Subject: " + encode_header_words(mail.subject) + "\r\n";
    std::string domain =
        sender.substr(sender.find('@') == std::string::npos ? sender.size() : sender.find('@'));
    m += "Message-ID: <" + message_id + (domain.empty() ? "@localhost" : domain) + ">\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n";
    m += "\r\n";
    m += "--" + boundary + "\r\n";
    m += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    m += base64_lines(mail.text_body);
    m += "--" + boundary + "\r\n";
    m += "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    m += base64_lines(mail.html_body);
    m += "--" + boundary + "--\r\n";
    return m;
}

} // namespace wte::mail
