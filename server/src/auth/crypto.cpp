#include "auth/crypto.hpp"

#include <sodium.h>

#include <semaphore>
#include <stdexcept>

namespace wte::auth {

namespace {
std::string hex(const unsigned char* data, std::size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, n);
    out.pop_back();
    return out;
}
// Each Argon2id hash holds 64 MiB (MEMLIMIT_INTERACTIVE) while it runs, for
// about 50 ms of one core. Two at a time, whatever the worker threads: the
// two cores of the machines we are sized for would only share out more, so a
// burst of sign-ins waits in line instead of holding 64 MiB each — sign-in's
// memory stays at 128 MiB at most, and is given back after (large blocks are
// mmap'd, so freeing returns them).
std::counting_semaphore<2> hash_slots(2);

struct HashSlot {
    HashSlot() { hash_slots.acquire(); }
    ~HashSlot() { hash_slots.release(); }
    HashSlot(const HashSlot&) = delete;
    HashSlot& operator=(const HashSlot&) = delete;
};
} // namespace

void init_crypto() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string hash_password(const std::string& password) {
    char out[crypto_pwhash_STRBYTES];
    HashSlot slot;
    if (crypto_pwhash_str_alg(
            out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("Out of memory while hashing a password");
    return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    HashSlot slot;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return hex(bytes, sizeof bytes);
}

std::string random_url_token() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::string out(sodium_base64_ENCODED_LEN(sizeof bytes, variant), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, sizeof bytes, variant);
    out.resize(out.find('\0'));
    return out;
}

std::string token_hash(const std::string& token) {
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()),
                       token.size(), nullptr, 0);
    return hex(out, sizeof out);
}

std::string sha256_hex(const std::string& bytes) {
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return hex(out, sizeof out);
}

std::string random_password() {
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string out;
    for (int i = 0; i < 16; ++i)
        out.push_back(alphabet[randombytes_uniform(sizeof alphabet - 1)]);
    return out;
}

std::string content_hash(const std::string& bytes) {
    unsigned char out[16];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(bytes.data()),
                       bytes.size(), nullptr, 0);
    return hex(out, sizeof out);
}

} // namespace wte::auth
