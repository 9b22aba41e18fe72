// Passwords and tokens, all through libsodium: Argon2id password hashes,
// 256-bit random tokens, and the hash under which a token is stored (a
// leaked database must not hand out live sessions).
#pragma once

#include <string>

namespace wte::auth {

void init_crypto(); // call once at start-up
std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);
std::string random_token();                         // 64 hex digits
std::string random_url_token();                     // 32 random bytes, base64url (43 chars)
std::string token_hash(const std::string& token);   // 64 hex digits
std::string sha256_hex(const std::string& bytes);   // 64 hex digits (preview tokens)
std::string random_password();                      // readable, for generated admin passwords
std::string content_hash(const std::string& bytes); // strong ETag value

} // namespace wte::auth
