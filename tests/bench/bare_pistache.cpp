// bare-pistache PORT BODY_BYTES [THREADS]: the baseline for the page read
// benchmark (page_read_bench.py). Serves GET /bare on 127.0.0.1:PORT with a
// JSON body of exactly BODY_BYTES bytes, built once, using the endpoint
// options wte-server's http/server.cpp sets with the default configuration,
// so the ratio measures what wte-server adds on top of Pistache.
#include <pistache/endpoint.h>
#include <pistache/http.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

using namespace Pistache;

// {"text":"xxx…"} of exactly `bytes` bytes; below 11 bytes, {} padded with spaces.
std::string json_body(std::size_t bytes) {
    const std::string open = "{\"text\":\"", close = "\"}";
    if (bytes < open.size() + close.size())
        return std::string("{}") + std::string(bytes > 2 ? bytes - 2 : 0, ' ');
    return open + std::string(bytes - open.size() - close.size(), 'x') + close;
}

class BareHandler : public Http::Handler {
public:
    HTTP_PROTOTYPE(BareHandler)

    explicit BareHandler(std::string body) : body_(std::move(body)) {}

    void onRequest(const Http::Request& in, Http::ResponseWriter out) override {
        if (in.method() != Http::Method::Get || in.resource() != "/bare") {
            out.send(Http::Code::Not_Found, "{}", MIME(Application, Json));
            return;
        }
        out.send(Http::Code::Ok, body_, MIME(Application, Json));
    }

private:
    std::string body_;
};

} // namespace

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4) {
        std::fprintf(stderr, "usage: %s PORT BODY_BYTES [THREADS]\n", argv[0]);
        return 2;
    }
    int port = std::atoi(argv[1]);
    long bytes = std::atol(argv[2]);
    int threads = argc == 4 ? std::atoi(argv[3]) : 2; // wte.ini's default [server] threads
    if (port <= 0 || port > 65535 || bytes < 0 || threads < 1) {
        std::fprintf(stderr,
                     "bare-pistache: PORT must be 1-65535, BODY_BYTES >= 0, THREADS >= 1\n");
        return 2;
    }

    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    // Same options as wte::http::serve with upload_limit at its default (10 MiB).
    const std::size_t upload_limit = 10485760;
    Http::Endpoint endpoint(Address("127.0.0.1", Port(static_cast<std::uint16_t>(port))));
    auto opts = Http::Endpoint::options()
                    .threads(threads)
                    .flags(Tcp::Options::ReuseAddr)
                    .maxRequestSize(upload_limit + 1024 * 1024)
                    .maxResponseSize(256 * 1024 * 1024)
                    .headerTimeout(std::chrono::seconds(30))
                    .bodyTimeout(std::chrono::seconds(120));
    endpoint.init(opts);
    endpoint.setHandler(
        Http::make_handler<BareHandler>(json_body(static_cast<std::size_t>(bytes))));
    endpoint.serveThreaded();
    std::cout << "bare-pistache listening on http://127.0.0.1:" << port << "/bare (" << bytes
              << " bytes, " << threads << " threads)" << std::endl;

    int sig = 0;
    sigwait(&signals, &sig);
    endpoint.shutdown();
    return 0;
}
