// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace petstore::core {

// What went wrong, independent of any wire format. Each protocol maps an ErrorKind to its own
// error form in exactly one place (HTTP problem+json, gRPC status, GraphQL errors, ...).
enum class ErrorKind {
    BadRequest,          // malformed input that could not be parsed at all
    Validation,          // well-formed input that breaks a rule (fields says which)
    NotFound,
    Conflict,            // the resource exists or is in use
    InvalidTransition,   // a state machine refused the change (DESIGN §5)
    Unauthorized,
    Forbidden,
    PreconditionFailed,  // optimistic concurrency (If-Match) lost
    Internal,
};

struct FieldError
{
    std::string field;    // JSON pointer or dotted name of the offending member
    std::string message;
    std::string code;     // stable machine-readable code, e.g. "minLength", "enum", "required"
};

struct Error
{
    ErrorKind kind = ErrorKind::Internal;
    std::string message;
    std::vector<FieldError> fields;

    static Error make(ErrorKind kind, std::string message, std::vector<FieldError> fields = {})
    {
        return Error{kind, std::move(message), std::move(fields)};
    }
};

// A value or an Error; no exceptions cross target boundaries (STYLE "Errors").
template<typename T>
class Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { assert(ok()); return std::get<T>(m_state); }
    T &value() & { assert(ok()); return std::get<T>(m_state); }
    T &&value() && { assert(ok()); return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { assert(!ok()); return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Result of an operation that produces nothing but may fail.
struct Done {};
using Status = Result<Done>;

} // namespace petstore::core
