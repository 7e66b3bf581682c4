// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/petstore/store.h"

#include "core/http/passwordhasher.h"
#include "core/petstore/domainjson.h"
#include "core/petstore/domainrules.h"
#include "core/petstore/jsonmemberreader.h"

namespace petstore::core {

namespace {

using nlohmann::json;
using Presence = JsonMemberReader::Presence;

constexpr std::size_t MaxNameLength = 50;

Error userNotFound(const std::string &id)
{
    return Error::make(ErrorKind::NotFound, "user " + id + " does not exist");
}

// The editable profile members shared by registration, PUT and merge patch.
struct Profile
{
    std::string email;
    std::string firstName;
    std::string lastName;
    std::string phone;
};

Profile readProfile(JsonMemberReader &r)
{
    Profile p;
    if (auto email = r.text("email", Presence::Required, 254)) {
        if (domainrules::isEmail(*email))
            p.email = std::move(*email);
        else
            r.fail("/email", "must be an email address (local@domain.tld)", "format");
    }
    p.firstName = r.text("firstName", Presence::Optional, MaxNameLength).value_or(std::string());
    p.lastName = r.text("lastName", Presence::Optional, MaxNameLength).value_or(std::string());
    if (auto phone = r.text("phone", Presence::Optional, 16)) {
        if (phone->empty() || domainrules::isE164(*phone))
            p.phone = std::move(*phone);
        else
            r.fail("/phone", "must be an E.164 number such as +14155550123", "pattern");
    }
    return p;
}

std::optional<std::string> readPassword(JsonMemberReader &r, Presence presence)
{
    return r.text("password", presence, 128, 8);
}

// username and role are not editable through the profile calls: a representation may repeat
// them unchanged, anything else names the field.
void requireUnchanged(JsonMemberReader &r, const char *key, const std::string &current)
{
    const json *value = r.find(key);
    if (value && !(value->is_string() && value->get_ref<const std::string &>() == current))
        r.fail(r.pointerTo(key), std::string(key) + " cannot be changed", "immutable");
}

// Equalises the time a login takes for unknown users and wrong passwords.
const std::string &timingDecoyHash()
{
    static const std::string hash = PasswordHasher::hash("petstore-timing-decoy");
    return hash;
}

} // namespace

bool Store::isUsernameTaken(const std::string &username) const
{
    return findUserByUsername(username).ok();
}

bool Store::isEmailTaken(const std::string &email, const std::string &exceptUserId) const
{
    const std::string wanted = domainrules::toLowerAscii(email);
    for (const auto &entry : m_users) {
        if (entry.first != exceptUserId && domainrules::toLowerAscii(entry.second.email) == wanted)
            return true;
    }
    return false;
}

Result<User> Store::registerUser(const json &body, Role role)
{
    std::vector<FieldError> errors;
    JsonMemberReader r(body, "", errors);
    User user;
    if (auto username = r.text("username", Presence::Required, 50, 3)) {
        if (domainrules::isUsername(*username))
            user.username = std::move(*username);
        else
            r.fail("/username", "may only contain letters, digits, '.', '_' and '-'", "pattern");
    }
    Profile profile = readProfile(r);
    const std::optional<std::string> password = readPassword(r, Presence::Required);
    if (!errors.empty())
        return Error::make(ErrorKind::Validation, "the user is not valid", std::move(errors));

    if (isUsernameTaken(user.username))
        return Error::make(ErrorKind::Conflict, "username '" + user.username + "' is taken");
    if (isEmailTaken(profile.email, {}))
        return Error::make(ErrorKind::Conflict, "email address is already registered");

    user.id = newId();
    user.email = std::move(profile.email);
    user.firstName = std::move(profile.firstName);
    user.lastName = std::move(profile.lastName);
    user.phone = std::move(profile.phone);
    user.role = role;
    user.passwordHash = PasswordHasher::hash(*password);
    user.createdAt = user.updatedAt = m_clock();
    m_users[user.id] = user;
    publish("user.created", "/v1/users/" + user.id, toJson(user));
    return user;
}

Result<User> Store::authenticate(const std::string &username, const std::string &password) const
{
    const Error denied = Error::make(ErrorKind::Unauthorized, "invalid username or password");
    const Result<User> user = findUserByUsername(username);
    if (!user) {
        PasswordHasher::verify(password, timingDecoyHash());
        return denied;
    }
    if (!PasswordHasher::verify(password, user->passwordHash))
        return denied;
    return user;
}

Result<User> Store::getUser(const std::string &id) const
{
    const auto it = m_users.find(id);
    if (it == m_users.end())
        return userNotFound(id);
    return it->second;
}

Result<User> Store::findUserByUsername(const std::string &username) const
{
    // Usernames are unique without regard to case, so look-ups ignore case too.
    const std::string wanted = domainrules::toLowerAscii(username);
    for (const auto &entry : m_users) {
        if (domainrules::toLowerAscii(entry.second.username) == wanted)
            return entry.second;
    }
    return Error::make(ErrorKind::NotFound, "user '" + username + "' does not exist");
}

Result<User> Store::storeEditedUser(User &current, const json &representation,
                                    const std::optional<std::string> &password)
{
    std::vector<FieldError> errors;
    JsonMemberReader r(representation, "", errors);
    requireUnchanged(r, "username", current.username);
    requireUnchanged(r, "role", std::string(toString(current.role)));
    Profile profile = readProfile(r);
    if (password) {
        const std::size_t length = domainrules::codePointCount(*password);
        if (length < 8 || length > 128)
            r.fail("/password", "must be 8 to 128 characters", length < 8 ? "minLength" : "maxLength");
    }
    if (!errors.empty())
        return Error::make(ErrorKind::Validation, "the user is not valid", std::move(errors));
    if (isEmailTaken(profile.email, current.id))
        return Error::make(ErrorKind::Conflict, "email address is already registered");

    current.email = std::move(profile.email);
    current.firstName = std::move(profile.firstName);
    current.lastName = std::move(profile.lastName);
    current.phone = std::move(profile.phone);
    if (password)
        current.passwordHash = PasswordHasher::hash(*password);
    current.updatedAt = m_clock();
    ++current.revision;
    return current;
}

Result<User> Store::replaceUser(const std::string &id, const json &body)
{
    const auto it = m_users.find(id);
    if (it == m_users.end())
        return userNotFound(id);
    std::optional<std::string> password;
    if (body.is_object()) {
        const auto member = body.find("password");
        if (member != body.end() && !member->is_null()) {
            if (!member->is_string()) {
                return Error::make(ErrorKind::Validation, "the user is not valid",
                                   {{"/password", "must be a string", "type"}});
            }
            password = member->get<std::string>();
        }
    }
    return storeEditedUser(it->second, body, password);
}

Result<User> Store::mergePatchUser(const std::string &id, const json &patch)
{
    const auto it = m_users.find(id);
    if (it == m_users.end())
        return userNotFound(id);
    if (!patch.is_object()) {
        return Error::make(ErrorKind::Validation, "the user is not valid",
                           {{"", "a merge patch for a user must be an object", "type"}});
    }
    std::vector<FieldError> errors;
    std::optional<std::string> password;
    json changes = patch;
    // Nulls would silently delete these members in the merge (RFC 7396 §2), so catch them first.
    for (const char *key : {"username", "role"}) {
        const auto member = patch.find(key);
        if (member != patch.end() && member->is_null())
            errors.push_back({std::string("/") + key, std::string(key) + " cannot be changed",
                              "immutable"});
    }
    if (const auto member = patch.find("password"); member != patch.end()) {
        if (member->is_string())
            password = member->get<std::string>();
        else
            errors.push_back({"/password", "must be a string", "type"});
        changes.erase("password");
    }
    if (!errors.empty())
        return Error::make(ErrorKind::Validation, "the user is not valid", std::move(errors));
    json target = toJson(it->second);
    target.merge_patch(changes);
    return storeEditedUser(it->second, target, password);
}

Status Store::deleteUser(const std::string &id)
{
    if (m_users.erase(id) == 0)
        return userNotFound(id);
    return Done{};
}

std::vector<User> Store::listUsers() const
{
    std::vector<User> users;
    users.reserve(m_users.size());
    for (const auto &entry : m_users)
        users.push_back(entry.second);
    return users;
}

} // namespace petstore::core
