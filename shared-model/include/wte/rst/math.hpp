// The LaTeX subset of the `math` role and directive (FEATURES §9): parses a
// formula into a small tree the client draws and the HTML writer turns into
// MathML. Unknown commands are kept as visible text and reported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wte::rst {

enum class MathKind {
    row,            // children laid out left to right
    identifier,     // text: a variable or Greek letter (drawn italic when one letter)
    number,         // text: digits
    operator_,      // text: +, =, \le as "≤", brackets, ...
    large_operator, // text: ∑ ∏ ∫ (scripts become limits)
    function,       // text: sin, log, lim, \operatorname{...} (drawn upright)
    text,           // text: \text{...} or an unknown command shown as typed
    space,          // text: width in em, e.g. "0.17"
    frac,           // children: numerator, denominator
    sqrt,           // children: radicand [, index]
    sub,            // children: base, subscript
    sup,            // children: base, superscript
    subsup,         // children: base, subscript, superscript
};

struct MathNode {
    MathKind kind = MathKind::row;
    std::string text;
    std::vector<MathNode> children;
    bool operator==(const MathNode&) const = default;
};

struct MathParseResult {
    MathNode root; // always a row
    std::vector<std::string> errors;
};

// Never throws. Nesting of groups is bounded; deeper input becomes text.
MathParseResult parse_math(std::string_view latex);

std::string to_string(MathKind kind);

} // namespace wte::rst
