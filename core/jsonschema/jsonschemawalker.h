// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonschema/jsonpointer.h"
#include "core/jsonschema/jsonschemavalidator.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace petstore::core {

// One validation pass of JsonSchemaValidator (internal to it). Walks an instance against a
// schema, collecting violations into `out`; with out == nullptr it only answers valid or
// invalid and stops at the first failure, which is all anyOf, oneOf and not need from their
// branches.
class JsonSchemaWalker
{
public:
    using json = nlohmann::json;

    // `refDepth` is the number of "$ref"s already followed above this walk.
    JsonSchemaWalker(const JsonSchemaValidator &validator, std::vector<SchemaViolation> *out, int refDepth)
        : m_validator(validator), m_out(out), m_refDepth(refDepth)
    {
    }

    bool validate(const json &instance, const json &schema);

private:
    enum class Keyword {
        Ignored, Ref, Type, Enum, Const, Minimum, Maximum, ExclusiveMinimum, ExclusiveMaximum,
        MultipleOf, MinLength, MaxLength, Pattern, Format, Items, PrefixItems, MinItems, MaxItems,
        UniqueItems, Properties, PatternProperties, AdditionalProperties, Required, MinProperties,
        MaxProperties, AllOf, AnyOf, OneOf, Not,
    };
    static Keyword keywordOf(std::string_view name);

    // Records a violation at the current pointer; the message is only built when collecting.
    template<typename MakeMessage>
    bool fail(const char *keyword, MakeMessage &&makeMessage)
    {
        if (m_out)
            m_out->push_back({m_pointer, keyword, makeMessage()});
        return false;
    }

    // Runs `check` with the pointer extended by a member name or an array index.
    template<typename Check>
    bool atChild(std::string_view name, Check &&check)
    {
        if (!m_out)
            return check();
        const std::size_t length = m_pointer.size();
        appendJsonPointerToken(m_pointer, name);
        const bool valid = check();
        m_pointer.resize(length);
        return valid;
    }
    template<typename Check>
    bool atIndex(std::size_t index, Check &&check)
    {
        if (!m_out)
            return check();
        const std::size_t length = m_pointer.size();
        m_pointer.append("/").append(std::to_string(index));
        const bool valid = check();
        m_pointer.resize(length);
        return valid;
    }

    bool apply(const json &instance, const json &subschema, const char *keyword);
    bool matches(const json &instance, const json &subschema) const;

    bool checkKeyword(Keyword keyword, const json &value, const json &instance, const json &schema);
    bool checkRef(const json &value, const json &instance);
    bool checkType(const json &value, const json &instance);
    bool checkNumber(Keyword keyword, const json &value, const json &instance);
    bool checkString(Keyword keyword, const json &value, const std::string &text);
    bool checkArray(Keyword keyword, const json &value, const json &instance, const json &schema);
    bool checkObject(Keyword keyword, const json &value, const json &instance, const json &schema);
    bool checkAdditionalProperties(const json &value, const json &instance, const json &schema);
    // Whether `name` matches a key of a "patternProperties" object (nullptr: none).
    bool matchesAnyPattern(const json *patterns, const std::string &name) const;
    bool checkCombinator(Keyword keyword, const json &value, const json &instance);

    const JsonSchemaValidator &m_validator;
    std::vector<SchemaViolation> *m_out;
    int m_refDepth;
    std::string m_pointer;
};

} // namespace petstore::core
