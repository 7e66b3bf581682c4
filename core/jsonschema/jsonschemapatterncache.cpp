// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonschema/jsonschemapatterncache.h"

#include <cstring>

namespace petstore::core {

namespace {

// ECMA-262 §22.2.2.9 WhiteSpace and LineTerminator, as the body of a PCRE2 character class.
constexpr const char *kEcmaWhiteSpace = R"(\t\n\x{0b}\f\r\x{feff}\x{2028}\x{2029}\p{Zs})";

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Translates the escape starting at pattern[i] == '\\'; returns the index of its last character.
std::size_t translateEscape(std::string_view pattern, std::size_t i, bool inClass, std::string &out)
{
    if (i + 1 >= pattern.size()) {
        out.push_back('\\');
        return i;
    }
    const char c = pattern[i + 1];
    if (c == 'u') {
        // ECMA-262 §22.2.1 RegExpUnicodeEscapeSequence: \uXXXX or (u flag) \u{X...}.
        if (i + 5 < pattern.size() && isHex(pattern[i + 2])
            && isHex(pattern[i + 3]) && isHex(pattern[i + 4]) && isHex(pattern[i + 5])) {
            out.append("\\x{").append(pattern.substr(i + 2, 4)).push_back('}');
            return i + 5;
        }
        const std::size_t close = pattern.find('}', i + 2);
        if (i + 2 < pattern.size() && pattern[i + 2] == '{' && close != std::string_view::npos
            && close > i + 3) {
            bool hex = true;
            for (std::size_t k = i + 3; k < close; ++k)
                hex = hex && isHex(pattern[k]);
            if (hex) {
                out.append("\\x").append(pattern.substr(i + 2, close - i - 1));
                return close;
            }
        }
        out.push_back('u');
        return i + 1;
    }
    if (c == 's') {
        if (inClass)
            out.append(kEcmaWhiteSpace);
        else
            out.append("[").append(kEcmaWhiteSpace).append("]");
    } else if (c == 'S' && !inClass) {
        out.append("[^").append(kEcmaWhiteSpace).append("]");
    } else if (c == 'v') {
        // PCRE2's \v is a class of vertical space; ECMA's is U+000B alone.
        out.append("\\x{0b}");
    } else if (isAsciiLetter(c) && !std::strchr("dDwWbBfnrtScxkpP", c)) {
        // ECMA-262 Annex B.1.2 IdentityEscape: an unknown letter escape is the letter itself,
        // while PCRE2 gives many of them meaning (\A, \Q, \h, \R, ...).
        out.push_back(c);
    } else {
        out.push_back('\\');
        out.push_back(c);
    }
    return i + 1;
}

} // namespace

std::string JsonSchemaPatternCache::translateEcmaPattern(std::string_view pattern)
{
    std::string out;
    out.reserve(pattern.size() + 16);
    bool inClass = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\') {
            i = translateEscape(pattern, i, inClass, out);
        } else if (inClass) {
            if (c == ']')
                inClass = false;
            // A "[" inside a class is literal in ECMA but may start a POSIX class in PCRE2.
            out.append(c == '[' ? "\\[" : std::string(1, c));
        } else if (c == '[') {
            if (pattern.substr(i, 3) == "[^]") {
                out.append(R"([\s\S])");
                i += 2;
            } else if (pattern.substr(i, 2) == "[]") {
                out.append("(?!)");
                i += 1;
            } else {
                inClass = true;
                out.push_back('[');
                if (i + 1 < pattern.size() && pattern[i + 1] == '^') {
                    out.push_back('^');
                    ++i;
                }
            }
        } else if (c == '.') {
            // ECMA-262 §22.2.2.7: "." matches anything but a LineTerminator.
            out.append(R"([^\n\r\x{2028}\x{2029}])");
        } else if (c == '$') {
            // Without the m flag ECMA "$" matches only at the end of input, never before a
            // final newline as PCRE2's "$" does.
            out.append(R"(\z)");
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::optional<bool> JsonSchemaPatternCache::search(const std::string &pattern, std::string_view text) const
{
    // QRegularExpression is reentrant, not thread-safe: compile and match under the lock.
    const std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_compiled.find(pattern);
    if (it == m_compiled.end()) {
        QRegularExpression expression(QString::fromStdString(translateEcmaPattern(pattern)));
        expression.optimize();
        it = m_compiled.emplace(pattern, std::move(expression)).first;
    }
    if (!it->second.isValid())
        return std::nullopt;
    const QString subject = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    return it->second.match(subject).hasMatch();
}

} // namespace petstore::core
