// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/domainrules.h"

#include <QString>
#include <QUrl>

namespace petstore::core::domainrules {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

std::size_t codePointCount(std::string_view utf8)
{
    std::size_t count = 0;
    for (const char c : utf8) {
        // Continuation bytes are 10xxxxxx; every other byte starts a code point.
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

bool isMoney(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size() && isDigit(text[i]))
        ++i;
    if (i == 0 || i > 9)
        return false;
    if (i == text.size())
        return true;
    if (text[i] != '.')
        return false;
    const std::size_t fraction = text.size() - i - 1;
    if (fraction < 1 || fraction > 2)
        return false;
    for (++i; i < text.size(); ++i) {
        if (!isDigit(text[i]))
            return false;
    }
    return true;
}

std::int64_t moneyToCents(std::string_view text)
{
    std::int64_t units = 0;
    std::size_t i = 0;
    for (; i < text.size() && isDigit(text[i]); ++i)
        units = units * 10 + (text[i] - '0');
    std::int64_t cents = 0;
    int fractionDigits = 0;
    if (i < text.size() && text[i] == '.') {
        for (++i; i < text.size() && isDigit(text[i]) && fractionDigits < 2; ++i, ++fractionDigits)
            cents = cents * 10 + (text[i] - '0');
    }
    for (; fractionDigits < 2; ++fractionDigits)
        cents *= 10;
    return units * 100 + cents;
}

bool isCurrency(std::string_view text)
{
    return text == "USD" || text == "EUR" || text == "GBP" || text == "CAD" || text == "AUD";
}

bool isHttpUrl(std::string_view text)
{
    if (text.empty() || text.size() > 2048)
        return false;
    for (const char c : text) {
        if (isAsciiSpace(c))
            return false;
    }
    const QUrl url(QString::fromUtf8(text.data(), qsizetype(text.size())), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        && !url.host().isEmpty();
}

bool isEmail(std::string_view text)
{
    if (text.size() < 5 || text.size() > 254)
        return false;
    const std::size_t at = text.find('@');
    if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos)
        return false;
    for (const char c : text) {
        if (isAsciiSpace(c))
            return false;
    }
    const std::string_view domain = text.substr(at + 1);
    if (domain.find('.') == std::string_view::npos)
        return false;
    // Every dot-separated label of the domain is non-empty: no "a@.com", "a@b..c", "a@b.".
    std::size_t start = 0;
    while (start <= domain.size()) {
        const std::size_t dot = domain.find('.', start);
        const std::size_t end = dot == std::string_view::npos ? domain.size() : dot;
        if (end == start)
            return false;
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    return true;
}

bool isE164(std::string_view text)
{
    if (text.size() < 3 || text.size() > 16 || text[0] != '+' || text[1] < '1' || text[1] > '9')
        return false;
    for (std::size_t i = 2; i < text.size(); ++i) {
        if (!isDigit(text[i]))
            return false;
    }
    return true;
}

bool isUsername(std::string_view text)
{
    if (text.size() < 3 || text.size() > 50)
        return false;
    for (const char c : text) {
        const bool ok = isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.'
            || c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

std::string toLowerAscii(std::string_view text)
{
    std::string lower(text);
    for (char &c : lower) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return lower;
}

} // namespace petstore::core::domainrules
