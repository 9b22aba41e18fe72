// Syntax highlighting shared by the sourcecode directive, the HTML writer and
// the client's code editor: splits code into coloured tokens in one pass.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wte {

enum class TokenKind {
    plain,
    keyword,
    type,
    function,
    string,
    number,
    comment,
    tag,          // HTML tag names and brackets, CSS selectors
    attribute,    // HTML attribute names, CSS property names, JSON keys
    punctuation,  // brackets, commas, semicolons
    operator_,    // + - = < ...
    variable,     // shell $VAR, HTML &entities;
    preprocessor, // C/C++ #include, Python decorators
};

// A byte range [begin, end) of the code. The tokens of one call cover the
// code completely, in order, without overlap; neighbours differ in kind.
struct Token {
    TokenKind kind = TokenKind::plain;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool operator==(const Token&) const = default;
};

// Languages: html (htm, xml, svg), css, javascript (js, mjs, typescript, ts),
// python (py), c (h), cpp (c++, cxx, cc, hpp), java, sql, bash (sh, shell,
// zsh, console), json. Anything else gives one plain token. Linear time;
// strings and comments may span lines, and unterminated ones run to the end.
std::vector<Token> highlight(std::string_view language, std::string_view code);
// The same into `tokens` (cleared first), which keeps its capacity: a page
// writer highlights thousands of snippets.
void highlight_into(std::string_view language, std::string_view code, std::vector<Token>& tokens);

// True when `language` is one highlight() knows (the editor shows the choice).
bool highlight_supports(std::string_view language);

std::string to_string(TokenKind kind);
// The same without making a string (HTML class names).
std::string_view token_name(TokenKind kind);

} // namespace wte
