#include "http/server.hpp"

#include "content/rerender.hpp"
#include "db/checkpointer.hpp"
#include "db/migrations.hpp"
#include "http/router.hpp"
#include "mail/sender.hpp"
#include "wte/schedule.hpp"

#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/peer.h>

#include <sys/resource.h>
#include <sys/socket.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

namespace wte::http {

namespace fs = std::filesystem;
using namespace Pistache;

std::string mime_type_for(const std::string& path) {
    static const std::vector<std::pair<std::string, std::string>> types = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".wasm", "application/wasm"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".ttf", "font/ttf"},
        {".otf", "font/otf"},
        {".woff2", "font/woff2"},
        {".png", "image/png"},
        {".svg", "image/svg+xml"},
        {".ico", "image/x-icon"},
        {".data", "application/octet-stream"}};
    for (const auto& [ext, type] : types)
        if (path.size() >= ext.size() &&
            path.compare(path.size() - ext.size(), ext.size(), ext) == 0)
            return type;
    return "application/octet-stream";
}

// Pistache's own request parsing. Http::Handler::onInput is private, so an
// override cannot call it by name; the library exports it, and in the
// Itanium C++ ABI (GCC and Clang on Linux) a member function is a function
// taking `this` first. WteHandler::onInput wraps it to refuse bodies over
// the limit before they are buffered.
void pistache_parse_input(
    Http::Handler* self, const char* buffer, std::size_t len,
    const std::shared_ptr<Tcp::Peer>&
        peer) __asm__("_ZN8Pistache4Http7Handler7onInputEPKcmRKSt10shared_ptrINS_3Tcp4PeerEE");

namespace {

std::mutex log_mutex;

// Pistache parses Content-Type into media types of its own and answers a
// plain-text 415 to any it does not know (font/woff2, an empty header) before
// our code runs. Renamed in the request's head — same length, so nothing
// moves — the header reaches convert() untouched as a raw one.
constexpr std::string_view content_type_name = "content-type";
constexpr std::string_view raw_type_name = "wte-raw-type";
static_assert(content_type_name.size() == raw_type_name.size());

// Where a "Content-Type:" header name (any case) starts in `head`, after `from`.
std::size_t find_content_type(std::string_view head, std::size_t from) {
    for (std::size_t at = head.find("\r\n", from); at != std::string_view::npos;
         at = head.find("\r\n", at + 2)) {
        const std::size_t name = at + 2;
        if (name + content_type_name.size() >= head.size()) return std::string_view::npos;
        bool same = head[name + content_type_name.size()] == ':';
        for (std::size_t i = 0; same && i < content_type_name.size(); ++i)
            same = (head[name + i] | 0x20) == content_type_name[i];
        if (same) return name;
    }
    return std::string_view::npos;
}

// Pistache 0.0.5 writes only typed headers into responses (raw ones are
// dropped), so every header we send goes through this one typed carrier.
class NamedHeader : public Http::Header::Header {
public:
    NamedHeader(std::string name, std::string value)
        : name_(std::move(name)), value_(std::move(value)) {}
    const char* name() const override { return name_.c_str(); }
    void parse(const std::string& data) override { value_ = data; }
    void write(std::ostream& os) const override { os << value_; }
#ifdef SAFE_HEADER_CAST
    uint64_t hash() const override {
        return std::hash<std::string>{}(name_);
    }
#endif

private:
    std::string name_, value_;
};

db::Connection& thread_connection(const std::string& path) {
    // SQLite connections are not shared between threads: one per worker.
    thread_local std::unique_ptr<db::Connection> conn;
    if (!conn || conn->path() != path) conn = std::make_unique<db::Connection>(path, false);
    return *conn;
}

std::string method_name(Http::Method m) {
    switch (m) {
    case Http::Method::Get:
        return "GET";
    case Http::Method::Post:
        return "POST";
    case Http::Method::Put:
        return "PUT";
    case Http::Method::Patch:
        return "PATCH";
    case Http::Method::Delete:
        return "DELETE";
    case Http::Method::Head:
        return "HEAD";
    case Http::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

Request convert(const Http::Request& in) {
    Request r;
    r.method = method_name(in.method());
    r.path = in.resource();
    for (auto it = in.query().parameters_begin(); it != in.query().parameters_end(); ++it) {
        // Pistache keeps one value per name; comma-separated lists stand in
        // for repeated parameters (?status=available,archived).
        std::stringstream values(it->second);
        std::string v;
        // Pistache hands them over still percent-encoded.
        while (std::getline(values, v, ','))
            r.query.emplace(url_decode(it->first), url_decode(v));
    }
    const auto lower = [](std::string name) {
        for (char& c : name)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return name;
    };
    // One per thread for all typed headers: a stream costs more than a header.
    thread_local std::ostringstream os;
    for (const auto& h : in.headers().list()) {
        os.str(std::string());
        os.clear();
        os.flags(std::ios::dec | std::ios::skipws); // as new: a header may have changed them
        h->write(os);
        r.headers[lower(h->name())] = os.str();
    }
    for (const auto& [name, raw] : in.headers().rawList())
        r.headers[lower(raw.name())] = raw.value();
    if (auto raw_type = r.headers.find(std::string(raw_type_name)); raw_type != r.headers.end()) {
        r.headers["content-type"] = raw_type->second; // renamed in onInput, see there
        r.headers.erase(raw_type);
    }
    std::string cookies;
    for (const auto& c : in.cookies()) {
        if (!cookies.empty()) cookies += "; ";
        cookies += c.name + "=" + c.value;
    }
    if (!cookies.empty()) r.headers["cookie"] = cookies;
    // Moved, not copied (an import's ZIP is up to the upload limit): the
    // request is the parser's own, and Pistache resets it once onRequest
    // returns, so nothing reads its body after this.
    r.body = std::move(const_cast<std::string&>(in.body()));
    r.remote = in.address().host();
    // Behind Apache every request comes from the loopback interface; the
    // proxy appends the real client to X-Forwarded-For (rightmost entry).
    // Only a loopback peer is trusted to say so.
    if (auto xff = r.headers.find("x-forwarded-for");
        xff != r.headers.end() && (r.remote == "127.0.0.1" || r.remote == "::1")) {
        auto last = xff->second.rfind(',');
        auto client = xff->second.substr(last == std::string::npos ? 0 : last + 1);
        auto b = client.find_first_not_of(' ');
        if (b != std::string::npos) r.remote = client.substr(b);
    }
    return r;
}

// What has come in on one connection since its last complete request.
struct Intake {
    std::int64_t bytes = 0;   // of the request being received, head and body
    bool in_head = true;      // the request line and headers are still coming
    bool refused = false;     // answered 413: whatever else comes is dropped
    std::int64_t dropped = 0; // bytes dropped since
};

constexpr const char* intake_key = "wte.intake";
// Room for the request line and headers on top of the body limit.
constexpr std::int64_t head_allowance = 64 * 1024;
// A refused client that goes on sending is cut off once it has sent twice
// the limit more: simple clients (and proxies) send the whole body before
// they read the answer, and a reset would lose it; what is dropped costs no
// memory, and a client sending without end is still cut off.
std::int64_t drop_allowance(std::int64_t upload_limit) {
    return 2 * upload_limit + 1024 * 1024;
}

std::shared_ptr<Intake> intake_of(const std::shared_ptr<Tcp::Peer>& peer) {
    if (auto data = peer->tryGetData(intake_key)) return std::static_pointer_cast<Intake>(data);
    auto intake = std::make_shared<Intake>();
    peer->putData(intake_key, intake);
    return intake;
}

class WteHandler : public Http::Handler {
public:
    HTTP_PROTOTYPE(WteHandler)

    explicit WteHandler(const Config& config) : config_(config), router_(route_table()) {}

    // A body over the limit is answered 413 as soon as its size is known —
    // from Content-Length once the headers are in, or by counting (chunked) —
    // and nothing more of it is kept: the rest is dropped unread by the
    // parser, and a client that keeps sending is disconnected.
    void onInput(const char* buffer, std::size_t len,
                 const std::shared_ptr<Tcp::Peer>& peer) override {
        auto intake = intake_of(peer);
        if (intake->refused) {
            intake->dropped += static_cast<std::int64_t>(len);
            if (intake->dropped > drop_allowance(config_.upload_limit)) {
                // Reset, not a graceful close: the client learns at once
                // (a graceful one leaves it sending into a closed socket).
                const linger reset{1, 0};
                ::setsockopt(peer->fd(), SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
                ::shutdown(peer->fd(), SHUT_RD); // Pistache reads the end and closes
            }
            return;
        }
        intake->bytes += static_cast<std::int64_t>(len);
        std::string renamed;
        const char* data = buffer;
        if (intake->in_head) {
            const std::string_view chunk(buffer, len);
            const auto head_end = chunk.find("\r\n\r\n");
            const std::string_view head =
                head_end == std::string_view::npos ? chunk : chunk.substr(0, head_end + 2);
            for (auto at = find_content_type(head, 0); at != std::string_view::npos;
                 at = find_content_type(head, at)) {
                if (renamed.empty()) renamed.assign(buffer, len);
                renamed.replace(at, raw_type_name.size(), raw_type_name);
                data = renamed.data();
            }
            if (head_end != std::string_view::npos) intake->in_head = false;
        }
        pistache_parse_input(this, data, len, peer);
        if (intake->bytes == 0) return; // a request was completed and answered
        auto parser = Http::Handler::getParser(peer);
        auto length = parser->request.headers().tryGet<Http::Header::ContentLength>();
        const bool declared_too_large =
            length && static_cast<std::int64_t>(length->value()) > config_.upload_limit;
        if (declared_too_large || intake->bytes > config_.upload_limit + head_allowance)
            refuse_too_large(peer, *parser);
    }

    void onRequest(const Http::Request& in, Http::ResponseWriter out) override {
        auto start = std::chrono::steady_clock::now();
        if (auto peer = out.peer()) {
            auto intake = intake_of(peer);
            intake->bytes = 0;
            intake->in_head = true;
        }
        keep_alive_unless_asked_not_to(in, out);
        Request req = convert(in);
        Response res;
        bool is_api = req.path.rfind("/api/", 0) == 0;
        if (static_cast<std::int64_t>(req.body.size()) > config_.upload_limit) {
            res = too_large();
        } else if (is_api) {
            try {
                res = router_.dispatch(req, config_, thread_connection(config_.database));
            } catch (const std::exception& e) {
                res = Response::error(503, "unavailable", "The database cannot be used right now");
                std::cerr << "cannot open database: " << e.what() << "\n";
            }
        } else if (!config_.static_dir.empty() && (req.method == "GET" || req.method == "HEAD")) {
            res = serve_static(req);
        } else {
            res = Response::error(404, "not_found", "Nothing exists at " + req.path);
        }
        auto has = [&](const char* name) {
            return std::any_of(res.headers.begin(), res.headers.end(),
                               [&](const auto& h) { return h.first == name; });
        };
        if (!has("X-Content-Type-Options"))
            res.headers.emplace_back("X-Content-Type-Options", "nosniff");
        if (is_api && !has("Cache-Control")) res.headers.emplace_back("Cache-Control", "no-store");
        for (const auto& [name, value] : res.headers)
            out.headers().add(std::make_shared<NamedHeader>(name, value));
        out.headers().add(std::make_shared<NamedHeader>("Content-Type", res.content_type));
        if (res.stream && req.method != "HEAD") {
            log(req, res.status, send_streamed(res, out), start);
            return;
        }
        auto size = res.body.size();
        out.send(static_cast<Http::Code>(res.status),
                 req.method == "HEAD" ? std::string() : res.body);
        log(req, res.status, size, start);
    }

private:
    Response too_large() const {
        return Response::error(413, "too_large",
                               "The request body is larger than the limit of " +
                                   std::to_string(config_.upload_limit) + " bytes",
                               {{"limit", config_.upload_limit}});
    }

    // Written on the socket at once, not through Pistache's write queue, so
    // it is out before the connection is half-closed (FIN after it): the
    // client stops sending, and one that does not is cut off in onInput.
    void refuse_too_large(const std::shared_ptr<Tcp::Peer>& peer, Http::RequestParser& parser) {
        auto intake = intake_of(peer);
        intake->refused = true;
        parser.reset(); // frees what was buffered of the request
        const std::string body = too_large().body;
        const std::string answer = "HTTP/1.1 413 Payload Too Large\r\nContent-Type: "
                                   "application/json; charset=utf-8\r\nContent-Length: " +
                                   std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" +
                                   body;
        // A 300-byte answer fits an empty socket buffer whole.
        [[maybe_unused]] auto sent =
            ::send(peer->fd(), answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        ::shutdown(peer->fd(), SHUT_WR);
        Request req;
        req.method = "-";
        req.path = "(body over the limit)";
        req.remote = peer->address().host();
        log(req, 413, body.size(), std::chrono::steady_clock::now());
        std::fflush(stdout); // a refusal is worth seeing at once
    }

    // Pistache 0.0.5 answers "Connection: close" to any request that does not
    // ask for keep-alive, though HTTP/1.1 keeps connections open by default;
    // browsers and Apache's proxy then reconnect for every request.
    static void keep_alive_unless_asked_not_to(const Http::Request& in, Http::ResponseWriter& out) {
        if (in.version() != Http::Version::Http11) return;
        auto asked = in.headers().tryGet<Http::Header::Connection>();
        if (asked && asked->control() == Http::ConnectionControl::Close) return;
        out.headers().remove<Http::Header::Connection>();
        out.headers().add<Http::Header::Connection>(Http::ConnectionControl::KeepAlive);
    }

    // Chunked: each piece goes out as one chunk as soon as it is written, so
    // the whole body is never held in memory. A failure half-way can only
    // end the stream (the status is sent already); the log says why.
    std::size_t send_streamed(const Response& res, Http::ResponseWriter& out) {
        auto stream = out.stream(static_cast<Http::Code>(res.status));
        std::size_t sent = 0;
        try {
            res.stream([&](std::string_view piece) {
                if (piece.empty()) return; // an empty chunk would end the body
                stream.write(piece.data(), static_cast<std::streamsize>(piece.size()));
                stream.flush();
                sent += piece.size();
            });
        } catch (const std::exception& e) {
            std::cerr << "streamed answer broken off after " << sent << " bytes: " << e.what()
                      << "\n";
        }
        stream.ends();
        return sent;
    }

    // The bundle: a precompressed `<file>.gz` beside a file (the client build
    // writes them) goes to browsers that accept gzip. Every answer carries an
    // ETag of the bytes sent (size and modification time), so a browser
    // revalidates with a cheap 304; file names carry no content hash, hence
    // no-cache.
    Response serve_static(const Request& req) {
        const std::string& url_path = req.path;
        std::string rel = url_path == "/" ? "/index.html" : url_decode(url_path, false);
        if (rel.find("..") != std::string::npos || rel.find('\0') != std::string::npos)
            return Response::error(404, "not_found", "Nothing exists at " + url_path);
        fs::path file = fs::path(config_.static_dir) / rel.substr(1);
        std::error_code ec;
        if (!fs::is_regular_file(file, ec))
            return Response::error(404, "not_found", "Nothing exists at " + url_path);
        Response r;
        r.content_type = mime_type_for(file.string());
        fs::path gz = file;
        gz += ".gz";
        const bool has_gz = fs::is_regular_file(gz, ec);
        const bool gzip = has_gz && accepts_gzip(req.header("accept-encoding").value_or(""));
        const fs::path& sent = gzip ? gz : file;
        const auto size = fs::file_size(sent, ec);
        const auto mtime = fs::last_write_time(sent, ec).time_since_epoch().count();
        std::ostringstream etag;
        etag << '"' << std::hex << mtime << '-' << size << (gzip ? "-gz" : "") << '"';
        r.headers.emplace_back("ETag", etag.str());
        r.headers.emplace_back("Cache-Control", "no-cache");
        if (has_gz) r.headers.emplace_back("Vary", "Accept-Encoding");
        if (gzip) r.headers.emplace_back("Content-Encoding", "gzip");
        if (auto inm = req.header("if-none-match");
            inm && inm->find(etag.str()) != std::string::npos) {
            r.status = 304;
            return r;
        }
        std::ifstream in(sent, std::ios::binary);
        std::ostringstream buf;
        buf << in.rdbuf();
        r.body = buf.str();
        return r;
    }

    // "gzip" in Accept-Encoding, unless it is refused with q=0.
    static bool accepts_gzip(const std::string& accept_encoding) {
        std::stringstream codings(accept_encoding);
        std::string coding;
        while (std::getline(codings, coding, ',')) {
            const auto name_end = coding.find(';');
            std::string name = coding.substr(0, name_end);
            name.erase(std::remove(name.begin(), name.end(), ' '), name.end());
            if (name != "gzip") continue;
            const auto q = coding.find("q=", name_end);
            return q == std::string::npos || std::atof(coding.c_str() + q + 2) > 0;
        }
        return false;
    }

    // One line per request, written whole with one call (and no flush of a
    // stream per line): the log is line-buffered when it is a terminal and
    // flushed at least every second otherwise (see serve()). Written without
    // printf: formatting the line cost more than the module list's answer.
    void log(const Request& req, int status, std::size_t bytes,
             std::chrono::steady_clock::time_point start) {
        auto ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        const auto tenths = static_cast<long long>(ms * 10); // cut, not rounded, to 0.1 ms
        std::string text;
        text.reserve(64 + req.remote.size() + req.path.size());
        text += log_time();
        text += ' ';
        text += req.remote;
        text += ' ';
        text += req.method;
        text += ' ';
        text += req.path;
        text += ' ';
        append_number(text, status);
        text += ' ';
        append_number(text, bytes);
        text += "B ";
        append_number(text, tenths / 10);
        text += '.';
        append_number(text, tenths % 10);
        text += "ms\n";
        std::lock_guard<std::mutex> lock(log_mutex);
        std::fwrite(text.data(), 1, text.size(), stdout);
    }

    template <typename Number> static void append_number(std::string& out, Number n) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
        out.append(digits, end);
    }

    // The log's time, formatted once a second per thread.
    static const std::string& log_time() {
        thread_local std::time_t shown = -1;
        thread_local std::string text;
        const std::time_t now = std::time(nullptr);
        if (now != shown) {
            text = format_iso8601(now);
            shown = now;
        }
        return text;
    }

    Config config_;
    Router router_;
};

} // namespace

int serve(const Config& config) {
    // One descriptor per connection: the soft limit (often 1024) would turn
    // away clients long before memory or CPU do; the hard limit is the
    // administrator's.
    if (rlimit files{}; getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
    {
        db::Connection conn(config.database, false);
        db::require_current_schema(conn);
    }
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    Address addr(config.host, Port(static_cast<std::uint16_t>(config.port)));
    Http::Endpoint endpoint(addr);
    auto opts =
        Http::Endpoint::options()
            .threads(config.threads)
            .flags(Tcp::Options::ReuseAddr)
            // Above WteHandler's own refusal, which answers in JSON.
            .maxRequestSize(static_cast<std::size_t>(config.upload_limit + 2 * head_allowance))
            .maxResponseSize(256 * 1024 * 1024)
            .headerTimeout(std::chrono::seconds(config.header_timeout_seconds))
            .bodyTimeout(std::chrono::seconds(config.body_timeout_seconds));
    endpoint.init(opts);
    endpoint.setHandler(Http::make_handler<WteHandler>(config));
    // Before any worker opens its connection (each adopts it as it opens).
    db::Checkpointer checkpointer(config.database);
    checkpointer.start();
    // Before the first request, so a re-render asked for finds its worker.
    content::RerenderWorker rerender_worker(config);
    rerender_worker.start();
    endpoint.serveThreaded();
    mail::MailSender mail_sender(config);
    mail_sender.start();

    // The access log is written without a flush per line (a system call per
    // request); this flushes it four times a second.
    std::atomic<bool> stopping{false};
    std::thread log_flusher([&stopping] {
        while (!stopping) {
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
            std::lock_guard<std::mutex> lock(log_mutex);
            std::fflush(stdout);
        }
    });
    std::cout << "wte-server listening on http://" << config.host << ":" << config.port
              << (config.static_dir.empty() ? "" : " (serving " + config.static_dir + ")")
              << std::endl;

    int sig = 0;
    sigwait(&signals, &sig);
    std::cout << "wte-server stopping (signal " << sig << ")" << std::endl;
    // Requests in flight get a few seconds to finish; whatever still holds
    // the server after that (a stuck client, a stuck worker) does not keep
    // it from stopping. SQLite's journal makes an exit at any point safe.
    std::atomic<bool> stopped{false};
    std::thread deadline([&stopped] {
        for (int i = 0; i < 45 && !stopped; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (stopped) return;
        std::cout << "wte-server stopped after 4.5 s with requests unfinished" << std::endl;
        std::_Exit(0);
    });
    rerender_worker.stop(); // a job in progress ends as failed
    mail_sender.stop();     // a delivery in progress is cancelled; the mail stays in the outbox
    endpoint.shutdown();
    checkpointer.stop();
    stopped = true;
    deadline.join();
    stopping = true;
    log_flusher.join();
    std::fflush(stdout);
    return 0;
}

} // namespace wte::http
