// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtCore/QRegularExpression>

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace petstore::core {

// Compiles "pattern" regular expressions once and searches text with them. Patterns are
// ECMA-262 (JSON Schema 2020-12 §6.4), translated to the PCRE2 dialect of QRegularExpression
// where the two differ. Thread-safe: every call takes an internal lock.
class JsonSchemaPatternCache
{
public:
    // Whether `pattern` matches anywhere in `text` (unanchored, like RegExp.prototype.test).
    // nullopt when the pattern does not compile.
    std::optional<bool> search(const std::string &pattern, std::string_view text) const;

    // The PCRE2 form of an ECMA-262 pattern: "$" only matches at the very end, "." excludes
    // every ECMA line terminator, "\s" is ECMA white space, "\uXXXX" escapes, "[^]" and "[]".
    static std::string translateEcmaPattern(std::string_view pattern);

private:
    mutable std::mutex m_mutex;
    mutable std::unordered_map<std::string, QRegularExpression> m_compiled;
};

} // namespace petstore::core
