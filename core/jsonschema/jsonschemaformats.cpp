// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonschema/jsonschemaformats.h"

#include <cstring>

namespace petstore::core {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isHex(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Reads exactly `count` digits at `pos` into `out`.
bool readDigits(std::string_view text, std::size_t pos, std::size_t count, int &out)
{
    if (pos + count > text.size())
        return false;
    out = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!isDigit(text[i]))
            return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// RFC 3339 Appendix C table of days per month.
int daysInMonth(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

// RFC 3339 §5.6 time: partial-time time-offset. RFC 3339 §5.3: a leap second (":60") is only
// possible at the end of a UTC day, so 23:59:60 shifted by the offset must land on 23:59 UTC.
bool isTime(std::string_view text)
{
    int hour = 0, minute = 0, second = 0;
    if (!readDigits(text, 0, 2, hour) || text.size() < 9 || text[2] != ':'
        || !readDigits(text, 3, 2, minute) || text[5] != ':' || !readDigits(text, 6, 2, second))
        return false;
    if (hour > 23 || minute > 59 || second > 60)
        return false;
    std::size_t pos = 8;
    if (text[pos] == '.') {
        const std::size_t start = ++pos;
        while (pos < text.size() && isDigit(text[pos]))
            ++pos;
        if (pos == start || pos >= text.size())
            return false;
    }
    int offsetMinutes = 0;
    const char zone = text[pos];
    if (zone == 'Z' || zone == 'z') {
        if (pos + 1 != text.size())
            return false;
    } else if (zone == '+' || zone == '-') {
        int offsetHour = 0, offsetMinute = 0;
        if (text.size() != pos + 6 || !readDigits(text, pos + 1, 2, offsetHour) || text[pos + 3] != ':'
            || !readDigits(text, pos + 4, 2, offsetMinute) || offsetHour > 23 || offsetMinute > 59)
            return false;
        offsetMinutes = (zone == '+' ? 1 : -1) * (offsetHour * 60 + offsetMinute);
    } else {
        return false;
    }
    if (second == 60) {
        const int utcMinuteOfDay = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440;
        return utcMinuteOfDay == 23 * 60 + 59;
    }
    return true;
}

// RFC 5322 §3.2.3 atext, the characters of a dot-atom besides ".".
bool isAtext(char c)
{
    return isAlpha(c) || isDigit(c) || (c != '\0' && std::strchr("!#$%&'*+/=?^_`{|}~-", c));
}

// RFC 1034 §3.5 preferred name syntax: letters, digits and inner hyphens, 1-63 characters.
bool isDomainLabel(std::string_view label)
{
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
        return false;
    for (const char c : label)
        if (!isAlpha(c) && !isDigit(c) && c != '-')
            return false;
    return true;
}

// RFC 3986 §2.2 and §2.3: the characters that may appear literally in a URI.
bool isUriCharacter(char c)
{
    return isAlpha(c) || isDigit(c) || (c != '\0' && std::strchr("-._~:/?#[]@!$&'()*+,;=", c));
}

} // namespace

JsonSchemaFormats::Verdict JsonSchemaFormats::check(std::string_view format, std::string_view value)
{
    bool valid = false;
    if (format == "date-time")
        valid = isDateTime(value);
    else if (format == "date")
        valid = isDate(value);
    else if (format == "email")
        valid = isEmail(value);
    else if (format == "uuid")
        valid = isUuid(value);
    else if (format == "uri")
        valid = isUri(value);
    else
        return Verdict::UnknownFormat;
    return valid ? Verdict::Valid : Verdict::Invalid;
}

bool JsonSchemaFormats::isDate(std::string_view value)
{
    int year = 0, month = 0, day = 0;
    return value.size() == 10 && readDigits(value, 0, 4, year) && value[4] == '-'
        && readDigits(value, 5, 2, month) && value[7] == '-' && readDigits(value, 8, 2, day)
        && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

bool JsonSchemaFormats::isDateTime(std::string_view value)
{
    // RFC 3339 §5.6: the "T" separator is case-insensitive (ABNF strings are).
    return value.size() > 11 && isDate(value.substr(0, 10)) && (value[10] == 'T' || value[10] == 't')
        && isTime(value.substr(11));
}

bool JsonSchemaFormats::isEmail(std::string_view value)
{
    const std::size_t at = value.rfind('@');
    if (at == std::string_view::npos || at == 0 || at > 64)
        return false;
    const std::string_view local = value.substr(0, at);
    const std::string_view domain = value.substr(at + 1);
    // RFC 5322 §3.4.1 dot-atom: no leading, trailing or doubled dots.
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
        return false;
    for (const char c : local)
        if (c != '.' && !isAtext(c))
            return false;
    if (domain.size() > 253)
        return false;
    std::size_t labels = 0;
    std::size_t start = 0;
    std::string_view lastLabel;
    while (true) {
        const std::size_t dot = domain.find('.', start);
        lastLabel = domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (!isDomainLabel(lastLabel))
            return false;
        ++labels;
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    if (labels < 2 || lastLabel.size() < 2)
        return false;
    for (const char c : lastLabel)
        if (!isAlpha(c))
            return false;
    return true;
}

bool JsonSchemaFormats::isUuid(std::string_view value)
{
    if (value.size() != 36)
        return false;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? value[i] != '-' : !isHex(value[i]))
            return false;
    }
    return true;
}

bool JsonSchemaFormats::isUri(std::string_view value)
{
    // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":".
    const std::size_t colon = value.find(':');
    if (colon == std::string_view::npos || colon == 0 || !isAlpha(value[0]))
        return false;
    for (std::size_t i = 1; i < colon; ++i) {
        const char c = value[i];
        if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.')
            return false;
    }
    bool seenFragment = false;
    for (std::size_t i = colon + 1; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '%') {
            if (i + 2 >= value.size() || !isHex(value[i + 1]) || !isHex(value[i + 2]))
                return false;
            i += 2;
        } else if (c == '#') {
            // RFC 3986 §3.5: the fragment may not contain another "#".
            if (seenFragment)
                return false;
            seenFragment = true;
        } else if (!isUriCharacter(c)) {
            return false;
        }
    }
    return true;
}

} // namespace petstore::core
