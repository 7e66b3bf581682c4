// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqllexer.h"

#include "core/http/percentencoding.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace petstore::core {

namespace {

using Kind = GraphQLToken::Kind;

// One code point of well-formed UTF-8 at `at` (RFC 3629): its length, 0 when ill-formed.
std::size_t decodeUtf8(std::string_view s, std::size_t at, char32_t &cp)
{
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[at + i]); };
    const unsigned char lead = b(0);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || at + length > s.size())
        return 0;
    cp = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (std::size_t i = 1; i < length; ++i) {
        if ((b(i) & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b(i) & 0x3F);
    }
    const char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < minimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return length;
}

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// graphql-js prints a code point as "\"x\"" when printable ASCII, else as U+XXXX.
std::string printCodePoint(char32_t cp)
{
    if (cp >= 0x20 && cp < 0x7F)
        return cp == '"' ? "'\"'" : std::string("\"") + char(cp) + '"';
    char text[16];
    std::snprintf(text, sizeof text, "U+%04X", unsigned(cp));
    return text;
}

bool isNameStart(char c) { return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isNameContinue(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

// §2.9.4 BlockStringValue: common indentation removed, blank leading and trailing lines dropped.
std::string blockStringValue(const std::string &raw)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= raw.size(); ++i) {
        if (i == raw.size() || raw[i] == '\n' || raw[i] == '\r') {
            lines.push_back(raw.substr(start, i - start));
            if (i < raw.size() && raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n')
                ++i;
            start = i + 1;
        }
    }
    auto indentOf = [](const std::string &line) {
        std::size_t n = 0;
        while (n < line.size() && (line[n] == ' ' || line[n] == '\t'))
            ++n;
        return n;
    };
    std::size_t common = std::string::npos;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::size_t indent = indentOf(lines[i]);
        if (indent < lines[i].size() && indent < common)
            common = indent;
    }
    if (common != std::string::npos)
        for (std::size_t i = 1; i < lines.size(); ++i)
            lines[i].erase(0, std::min(common, lines[i].size()));
    auto blank = [&](const std::string &line) { return indentOf(line) == line.size(); };
    std::size_t first = 0, last = lines.size();
    while (first < last && blank(lines[first]))
        ++first;
    while (last > first && blank(lines[last - 1]))
        --last;
    std::string value;
    for (std::size_t i = first; i < last; ++i)
        value += (i > first ? "\n" : "") + lines[i];
    return value;
}

} // namespace

const char *GraphQLToken::kindName(Kind kind)
{
    static const char *const names[] = {"<EOF>", "!", "$", "&", "(", ")", "...", ":", "=", "@", "[", "]",
                                        "{", "|", "}", "Name", "Int", "Float", "String", "BlockString"};
    return names[std::size_t(kind)];
}

std::string GraphQLToken::describe() const
{
    if (kind == Kind::End)
        return "<EOF>";
    if (kind >= Kind::Name)
        return std::string(kindName(kind)) + " \"" + value + '"';
    return std::string("\"") + kindName(kind) + '"';
}

GraphQLLexer::GraphQLLexer(std::string_view source, std::size_t maxTokens) : m_source(source), m_maxTokens(maxTokens)
{
    // §2.1.1: a leading byte order mark is ignored.
    if (m_source.substr(0, 3) == "\xEF\xBB\xBF")
        m_at = 3;
}

GraphQLLocation GraphQLLexer::locate(std::size_t offset) const
{
    if (m_lineStarts.empty()) {
        m_lineStarts.push_back(0);
        for (std::size_t i = 0; i < m_source.size(); ++i) {
            if (m_source[i] == '\r' && i + 1 < m_source.size() && m_source[i + 1] == '\n')
                ++i;
            if (m_source[i] == '\n' || m_source[i] == '\r')
                m_lineStarts.push_back(i + 1);
        }
    }
    offset = std::min(offset, m_source.size());
    const auto line = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset) - 1;
    GraphQLLocation location{int(line - m_lineStarts.begin()) + 1, 1, offset};
    // Columns count UTF-16 code units, as JavaScript strings do.
    for (std::size_t i = *line; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(m_source[i]);
        location.column += (byte & 0xC0) != 0x80;
        location.column += byte >= 0xF0;
    }
    return location;
}

Error GraphQLLexer::syntaxError(std::size_t offset, const std::string &message) const
{
    const GraphQLLocation at = locate(offset);
    return Error::make(ErrorKind::BadRequest, "Syntax Error: " + message,
                       {{std::to_string(at.line) + ':' + std::to_string(at.column), message, "syntax"}});
}

GraphQLToken GraphQLLexer::make(Kind kind, std::size_t start, std::string value) const
{
    return GraphQLToken{kind, std::move(value), start};
}

void GraphQLLexer::skipIgnored()
{
    while (m_at < m_source.size()) {
        const char c = m_source[m_at];
        if (c == ' ' || c == '\t' || c == ',' || c == '\n' || c == '\r') {
            ++m_at;
        } else if (c == '#') {
            while (m_at < m_source.size() && m_source[m_at] != '\n' && m_source[m_at] != '\r')
                ++m_at;
        } else if (m_source.substr(m_at, 3) == "\xEF\xBB\xBF") {
            m_at += 3;
        } else {
            return;
        }
    }
}

Result<GraphQLToken> GraphQLLexer::next()
{
    skipIgnored();
    const std::size_t start = m_at;
    if (m_at >= m_source.size())
        return make(Kind::End, start, {});
    if (++m_tokens > m_maxTokens)
        return syntaxError(start, "Document contains more than " + std::to_string(m_maxTokens) + " tokens. Parsing aborted.");
    const char c = m_source[m_at];
    static const std::pair<char, Kind> punctuators[] = {
        {'!', Kind::Bang}, {'$', Kind::Dollar}, {'&', Kind::Amp}, {'(', Kind::ParenL}, {')', Kind::ParenR},
        {':', Kind::Colon}, {'=', Kind::Equals}, {'@', Kind::At}, {'[', Kind::BracketL}, {']', Kind::BracketR},
        {'{', Kind::BraceL}, {'|', Kind::Pipe}, {'}', Kind::BraceR}};
    for (const auto &[symbol, kind] : punctuators)
        if (c == symbol) {
            ++m_at;
            return make(kind, start, std::string(1, c));
        }
    if (c == '.') {
        if (m_source.substr(m_at, 3) == "...") {
            m_at += 3;
            return make(Kind::Spread, start, "...");
        }
        return syntaxError(start, "Unexpected character: \".\".");
    }
    if (isNameStart(c)) {
        while (m_at < m_source.size() && isNameContinue(m_source[m_at]))
            ++m_at;
        return make(Kind::Name, start, std::string(m_source.substr(start, m_at - start)));
    }
    if (c == '-' || isDigit(c))
        return readNumber(start);
    if (c == '"')
        return m_source.substr(m_at, 3) == "\"\"\"" ? readBlockString(start) : readString(start);
    char32_t cp = 0;
    if (decodeUtf8(m_source, m_at, cp) == 0)
        return syntaxError(start, "Invalid UTF-8.");
    return syntaxError(start, "Unexpected character: " + printCodePoint(cp) + '.');
}

Result<GraphQLToken> GraphQLLexer::readNumber(std::size_t start)
{
    // §2.9.1 IntValue, §2.9.2 FloatValue.
    bool isFloat = false;
    if (m_source[m_at] == '-')
        ++m_at;
    auto digits = [this]() -> Status {
        if (m_at >= m_source.size() || !isDigit(m_source[m_at])) {
            char32_t cp = 0;
            const std::string found = m_at >= m_source.size() ? "<EOF>"
                                      : decodeUtf8(m_source, m_at, cp) ? printCodePoint(cp) : "invalid UTF-8";
            return syntaxError(m_at, "Invalid number, expected digit but got: " + found + '.');
        }
        while (m_at < m_source.size() && isDigit(m_source[m_at]))
            ++m_at;
        return Done{};
    };
    if (m_at < m_source.size() && m_source[m_at] == '0') {
        ++m_at;
        if (m_at < m_source.size() && isDigit(m_source[m_at]))
            return syntaxError(m_at, "Invalid number, unexpected digit after 0: " + printCodePoint(char32_t(m_source[m_at])) + '.');
    } else if (auto ok = digits(); !ok) {
        return ok.error();
    }
    if (m_at < m_source.size() && m_source[m_at] == '.') {
        isFloat = true;
        ++m_at;
        if (auto ok = digits(); !ok)
            return ok.error();
    }
    if (m_at < m_source.size() && (m_source[m_at] == 'e' || m_source[m_at] == 'E')) {
        isFloat = true;
        ++m_at;
        if (m_at < m_source.size() && (m_source[m_at] == '+' || m_source[m_at] == '-'))
            ++m_at;
        if (auto ok = digits(); !ok)
            return ok.error();
    }
    // A number may not run into a name or another dot: `1.2.3`, `0x1`, `1e2e3`.
    if (m_at < m_source.size() && (m_source[m_at] == '.' || isNameStart(m_source[m_at])))
        return syntaxError(m_at, "Invalid number, expected digit but got: " + printCodePoint(char32_t(m_source[m_at])) + '.');
    return make(isFloat ? Kind::Float : Kind::Int, start, std::string(m_source.substr(start, m_at - start)));
}

Result<GraphQLToken> GraphQLLexer::readString(std::size_t start)
{
    std::string value;
    ++m_at;   // the opening quote
    while (m_at < m_source.size()) {
        const char c = m_source[m_at];
        if (c == '"') {
            ++m_at;
            return make(Kind::String, start, std::move(value));
        }
        if (c == '\n' || c == '\r')
            break;
        if (c == '\\') {
            const char escaped = m_at + 1 < m_source.size() ? m_source[m_at + 1] : '\0';
            static const std::pair<char, char> simple[] = {{'"', '"'}, {'\\', '\\'}, {'/', '/'}, {'b', '\b'},
                                                           {'f', '\f'}, {'n', '\n'}, {'r', '\r'}, {'t', '\t'}};
            bool done = false;
            for (const auto &[from, to] : simple)
                if (escaped == from) {
                    value += to;
                    m_at += 2;
                    done = true;
                    break;
                }
            if (done)
                continue;
            if (escaped == 'u') {
                // \uXXXX (a surrogate pair as two escapes) or the draft's \u{X…}.
                char32_t cp = 0;
                std::size_t end = m_at + 2;
                bool valid = true;
                if (end < m_source.size() && m_source[end] == '{') {
                    ++end;
                    std::size_t count = 0;
                    while (end < m_source.size() && PercentEncoding::hexDigit(m_source[end]) >= 0 && count < 8) {
                        cp = cp * 16 + char32_t(PercentEncoding::hexDigit(m_source[end++]));
                        ++count;
                    }
                    valid = count > 0 && end < m_source.size() && m_source[end] == '}' && cp <= 0x10FFFF
                            && !(cp >= 0xD800 && cp <= 0xDFFF);
                    ++end;
                } else {
                    for (int i = 0; i < 4; ++i, ++end) {
                        const int digit = end < m_source.size() ? PercentEncoding::hexDigit(m_source[end]) : -1;
                        valid = valid && digit >= 0;
                        cp = cp * 16 + char32_t(digit < 0 ? 0 : digit);
                    }
                    if (valid && cp >= 0xD800 && cp <= 0xDBFF && m_source.substr(end, 2) == "\\u") {
                        char32_t low = 0;
                        bool lowValid = true;
                        for (std::size_t i = 0; i < 4; ++i) {
                            const int digit = end + 2 + i < m_source.size() ? PercentEncoding::hexDigit(m_source[end + 2 + i]) : -1;
                            lowValid = lowValid && digit >= 0;
                            low = low * 16 + char32_t(digit < 0 ? 0 : digit);
                        }
                        if (lowValid && low >= 0xDC00 && low <= 0xDFFF) {
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                            end += 6;
                        }
                    }
                    valid = valid && !(cp >= 0xD800 && cp <= 0xDFFF);
                }
                if (!valid)
                    return syntaxError(m_at, "Invalid Unicode escape sequence: \""
                                                 + std::string(m_source.substr(m_at, std::min(end, m_source.size()) - m_at)) + "\".");
                appendUtf8(value, cp);
                m_at = end;
                continue;
            }
            return syntaxError(m_at, "Invalid character escape sequence: \"" + std::string(m_source.substr(m_at, 2)) + "\".");
        }
        if (auto copied = appendSourceCharacter(value); !copied)
            return copied.error();
    }
    return syntaxError(m_at, "Unterminated string.");
}

Status GraphQLLexer::appendSourceCharacter(std::string &into)
{
    char32_t cp = 0;
    const std::size_t length = decodeUtf8(m_source, m_at, cp);
    if (length == 0)
        return syntaxError(m_at, "Invalid UTF-8.");
    into.append(m_source.substr(m_at, length));
    m_at += length;
    return Done{};
}

Result<GraphQLToken> GraphQLLexer::readBlockString(std::size_t start)
{
    std::string raw;
    m_at += 3;
    while (m_at < m_source.size()) {
        if (m_source.substr(m_at, 3) == "\"\"\"") {
            m_at += 3;
            return make(Kind::BlockString, start, blockStringValue(raw));
        }
        if (m_source.substr(m_at, 4) == "\\\"\"\"") {
            raw += "\"\"\"";
            m_at += 4;
            continue;
        }
        if (auto copied = appendSourceCharacter(raw); !copied)
            return copied.error();
    }
    return syntaxError(m_at, "Unterminated string.");
}

} // namespace petstore::core
