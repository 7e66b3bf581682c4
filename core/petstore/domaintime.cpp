// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/domaintime.h"

#include <cstdio>

namespace petstore::core {

namespace {

constexpr long long MsPerDay = 86'400'000;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long long daysFromCivil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

struct CivilDate
{
    long long year;
    unsigned month;
    unsigned day;
};

CivilDate civilFromDays(long long z)
{
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<long long>(yoe) + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

bool isLeapYear(long long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned daysInMonth(long long y, unsigned m)
{
    static constexpr unsigned Days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeapYear(y) ? 29 : Days[m - 1];
}

// A forward-only reader over the RFC 3339 grammar (RFC 3339 §5.6).
class Cursor
{
public:
    explicit Cursor(std::string_view text) : m_text(text) {}

    bool digits(int count, int &out)
    {
        out = 0;
        for (int i = 0; i < count; ++i) {
            if (m_pos >= m_text.size() || m_text[m_pos] < '0' || m_text[m_pos] > '9')
                return false;
            out = out * 10 + (m_text[m_pos++] - '0');
        }
        return true;
    }
    bool accept(char c)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    bool acceptDigit(int &out)
    {
        if (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') {
            out = m_text[m_pos++] - '0';
            return true;
        }
        return false;
    }
    bool atEnd() const { return m_pos == m_text.size(); }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

TimePoint systemNow()
{
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
}

std::string formatRfc3339(TimePoint t)
{
    const long long ms = t.time_since_epoch().count();
    long long days = ms / MsPerDay;
    long long rest = ms % MsPerDay;
    if (rest < 0) {
        rest += MsPerDay;
        --days;
    }
    const CivilDate date = civilFromDays(days);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                  date.year, date.month, date.day, rest / 3'600'000, rest / 60'000 % 60,
                  rest / 1000 % 60, rest % 1000);
    return buffer;
}

std::optional<TimePoint> parseRfc3339(std::string_view text)
{
    // date-time = full-date "T" full-time; RFC 3339 §5.6 allows "t" and "z" in lower case.
    Cursor c(text);
    int year, month, day, hour, minute, second;
    if (!c.digits(4, year) || !c.accept('-') || !c.digits(2, month) || !c.accept('-')
        || !c.digits(2, day) || !(c.accept('T') || c.accept('t')) || !c.digits(2, hour)
        || !c.accept(':') || !c.digits(2, minute) || !c.accept(':') || !c.digits(2, second))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || unsigned(day) > daysInMonth(year, unsigned(month))
        || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;

    int millis = 0;
    if (c.accept('.')) {
        // time-secfrac = "." 1*DIGIT; precision beyond milliseconds is truncated.
        int digit = 0, count = 0;
        while (c.acceptDigit(digit)) {
            if (count < 3)
                millis = millis * 10 + digit;
            ++count;
        }
        if (count == 0)
            return std::nullopt;
        for (; count < 3; ++count)
            millis *= 10;
    }

    long long offsetMinutes = 0;
    if (!(c.accept('Z') || c.accept('z'))) {
        const bool plus = c.accept('+');
        if (!plus && !c.accept('-'))
            return std::nullopt;
        int offHour, offMinute;
        if (!c.digits(2, offHour) || !c.accept(':') || !c.digits(2, offMinute) || offHour > 23
            || offMinute > 59)
            return std::nullopt;
        offsetMinutes = (plus ? 1 : -1) * (offHour * 60LL + offMinute);
    }
    if (!c.atEnd())
        return std::nullopt;

    // A leap second (second 60) folds into the next minute, as POSIX time does.
    const long long local = daysFromCivil(year, unsigned(month), unsigned(day)) * MsPerDay
        + (hour * 3600LL + minute * 60LL + second) * 1000 + millis;
    return TimePoint(std::chrono::milliseconds(local - offsetMinutes * 60'000));
}

} // namespace petstore::core
