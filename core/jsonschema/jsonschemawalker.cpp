// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonschema/jsonschemawalker.h"

#include "core/jsonschema/jsonschemadatamodel.h"
#include "core/jsonschema/jsonschemaformats.h"

#include <cstdint>
#include <optional>
#include <unordered_map>

namespace petstore::core {

using nlohmann::json;

namespace {

std::string counted(std::uint64_t count, const char *singular, const char *plural)
{
    return std::to_string(count) + ' ' + (count == 1 ? singular : plural);
}

} // namespace

JsonSchemaWalker::Keyword JsonSchemaWalker::keywordOf(std::string_view name)
{
    static const std::unordered_map<std::string_view, Keyword> keywords = {
        {"$ref", Keyword::Ref}, {"type", Keyword::Type}, {"enum", Keyword::Enum},
        {"const", Keyword::Const}, {"minimum", Keyword::Minimum}, {"maximum", Keyword::Maximum},
        {"exclusiveMinimum", Keyword::ExclusiveMinimum},
        {"exclusiveMaximum", Keyword::ExclusiveMaximum}, {"multipleOf", Keyword::MultipleOf},
        {"minLength", Keyword::MinLength}, {"maxLength", Keyword::MaxLength},
        {"pattern", Keyword::Pattern}, {"format", Keyword::Format}, {"items", Keyword::Items},
        {"prefixItems", Keyword::PrefixItems}, {"minItems", Keyword::MinItems},
        {"maxItems", Keyword::MaxItems}, {"uniqueItems", Keyword::UniqueItems},
        {"properties", Keyword::Properties}, {"patternProperties", Keyword::PatternProperties},
        {"additionalProperties", Keyword::AdditionalProperties}, {"required", Keyword::Required},
        {"minProperties", Keyword::MinProperties}, {"maxProperties", Keyword::MaxProperties},
        {"allOf", Keyword::AllOf}, {"anyOf", Keyword::AnyOf}, {"oneOf", Keyword::OneOf},
        {"not", Keyword::Not},
    };
    const auto it = keywords.find(name);
    return it == keywords.end() ? Keyword::Ignored : it->second;
}

bool JsonSchemaWalker::validate(const json &instance, const json &schema)
{
    // JSON Schema 2020-12 §4.3.2: true and false are schemas too.
    if (schema.is_boolean())
        return schema.get<bool>() || fail("false", [] { return std::string("is not allowed"); });
    if (!schema.is_object())
        return true;
    bool valid = true;
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        const Keyword keyword = keywordOf(it.key());
        if (keyword == Keyword::Ignored || checkKeyword(keyword, it.value(), instance, schema))
            continue;
        valid = false;
        if (!m_out)
            return false;
    }
    return valid;
}

// Applies a subschema reached through `keyword`; a false schema rejects everything.
bool JsonSchemaWalker::apply(const json &instance, const json &subschema, const char *keyword)
{
    if (subschema.is_boolean() && !subschema.get<bool>())
        return fail(keyword, [] { return std::string("is not allowed"); });
    return validate(instance, subschema);
}

bool JsonSchemaWalker::matches(const json &instance, const json &subschema) const
{
    JsonSchemaWalker probe(m_validator, nullptr, m_refDepth);
    return probe.apply(instance, subschema, "");
}

bool JsonSchemaWalker::checkKeyword(Keyword keyword, const json &value,
                                    const json &instance, const json &schema)
{
    switch (keyword) {
    case Keyword::Ref:
        return checkRef(value, instance);
    case Keyword::Type:
        return checkType(value, instance);
    case Keyword::Enum:
        if (!value.is_array())
            return true;
        for (const json &candidate : value)
            if (candidate == instance)
                return true;
        return fail("enum", [&] {
            std::string message = "must be one of ";
            for (std::size_t i = 0; i < value.size(); ++i)
                message.append(i ? ", " : "").append(value[i].dump());
            return message;
        });
    case Keyword::Const:
        return value == instance || fail("const", [&] { return "must be " + value.dump(); });
    case Keyword::Minimum: case Keyword::Maximum: case Keyword::ExclusiveMinimum:
    case Keyword::ExclusiveMaximum: case Keyword::MultipleOf:
        return !instance.is_number() || !value.is_number() || checkNumber(keyword, value, instance);
    case Keyword::MinLength: case Keyword::MaxLength: case Keyword::Pattern: case Keyword::Format:
        return !instance.is_string() || checkString(keyword, value, instance.get_ref<const std::string &>());
    case Keyword::Items: case Keyword::PrefixItems: case Keyword::MinItems: case Keyword::MaxItems:
    case Keyword::UniqueItems:
        return !instance.is_array() || checkArray(keyword, value, instance, schema);
    case Keyword::Properties: case Keyword::PatternProperties: case Keyword::AdditionalProperties:
    case Keyword::Required: case Keyword::MinProperties: case Keyword::MaxProperties:
        return !instance.is_object() || checkObject(keyword, value, instance, schema);
    case Keyword::AllOf: case Keyword::AnyOf: case Keyword::OneOf: case Keyword::Not:
        return checkCombinator(keyword, value, instance);
    case Keyword::Ignored:
        break;
    }
    return true;
}

bool JsonSchemaWalker::checkRef(const json &value, const json &instance)
{
    if (!value.is_string())
        return true;
    const std::string &reference = value.get_ref<const std::string &>();
    const json *target = m_validator.resolveReference(reference);
    if (!target)
        return fail("$ref", [&] { return "cannot resolve reference \"" + reference + '"'; });
    if (m_refDepth >= JsonSchemaValidator::kMaxRefDepth) {
        return fail("$ref", [&] {
            return "reference \"" + reference + "\" nests deeper than "
                + std::to_string(JsonSchemaValidator::kMaxRefDepth) + " levels (cyclic $ref?)";
        });
    }
    ++m_refDepth;
    const bool valid = validate(instance, *target);
    --m_refDepth;
    return valid;
}

bool JsonSchemaWalker::checkType(const json &value, const json &instance)
{
    if (value.is_string())
        return JsonSchemaDataModel::matchesType(instance, value.get_ref<const std::string &>())
            || fail("type", [&] { return "must be of type " + value.get<std::string>(); });
    if (!value.is_array())
        return true;
    for (const json &type : value)
        if (type.is_string() && JsonSchemaDataModel::matchesType(instance, type.get_ref<const std::string &>()))
            return true;
    return fail("type", [&] {
        std::string message = "must be of type ";
        for (std::size_t i = 0; i < value.size(); ++i)
            message.append(i ? " or " : "")
                .append(value[i].is_string() ? value[i].get<std::string>() : value[i].dump());
        return message;
    });
}

bool JsonSchemaWalker::checkNumber(Keyword keyword, const json &value, const json &instance)
{
    const int order = JsonSchemaDataModel::compareNumbers(instance, value);
    switch (keyword) {
    case Keyword::Minimum:
        return order >= 0 || fail("minimum", [&] { return "must be >= " + value.dump(); });
    case Keyword::Maximum:
        return order <= 0 || fail("maximum", [&] { return "must be <= " + value.dump(); });
    case Keyword::ExclusiveMinimum:
        return order > 0 || fail("exclusiveMinimum", [&] { return "must be > " + value.dump(); });
    case Keyword::ExclusiveMaximum:
        return order < 0 || fail("exclusiveMaximum", [&] { return "must be < " + value.dump(); });
    default:
        // JSON Schema Validation 2020-12 §6.2.1: the divisor must be strictly greater than 0.
        if (JsonSchemaDataModel::compareNumbers(value, json(0)) <= 0)
            return true;
        return JsonSchemaDataModel::isMultipleOf(instance, value)
            || fail("multipleOf", [&] { return "must be a multiple of " + value.dump(); });
    }
}

bool JsonSchemaWalker::checkString(Keyword keyword, const json &value, const std::string &text)
{
    if (keyword == Keyword::MinLength || keyword == Keyword::MaxLength) {
        const std::optional<std::uint64_t> limit = JsonSchemaDataModel::nonNegativeInteger(value);
        if (!limit)
            return true;
        const std::uint64_t length = JsonSchemaDataModel::codePointCount(text);
        if (keyword == Keyword::MinLength)
            return length >= *limit || fail("minLength", [&] {
                return "must have at least " + counted(*limit, "character", "characters");
            });
        return length <= *limit || fail("maxLength", [&] {
            return "must have at most " + counted(*limit, "character", "characters");
        });
    }
    if (!value.is_string())
        return true;
    const std::string &argument = value.get_ref<const std::string &>();
    if (keyword == Keyword::Format) {
        return JsonSchemaFormats::check(argument, text) != JsonSchemaFormats::Verdict::Invalid
            || fail("format", [&] { return "must be a valid " + argument; });
    }
    const std::optional<bool> found = m_validator.m_patterns.search(argument, text);
    if (!found)
        return fail("pattern", [&] { return "schema pattern \"" + argument + "\" is not a valid regular expression"; });
    return *found || fail("pattern", [&] { return "must match pattern \"" + argument + '"'; });
}

bool JsonSchemaWalker::checkArray(Keyword keyword, const json &value, const json &instance,
                                  const json &schema)
{
    bool valid = true;
    switch (keyword) {
    case Keyword::Items: {
        // JSON Schema 2020-12 §10.3.1.2: "items" covers the elements after "prefixItems".
        const auto prefix = schema.find("prefixItems");
        const std::size_t start = prefix != schema.end() && prefix->is_array() ? prefix->size() : 0;
        for (std::size_t i = start; i < instance.size() && (valid || m_out); ++i)
            valid = atIndex(i, [&] { return apply(instance[i], value, "items"); }) && valid;
        return valid;
    }
    case Keyword::PrefixItems:
        if (!value.is_array())
            return true;
        for (std::size_t i = 0; i < instance.size() && i < value.size() && (valid || m_out); ++i)
            valid = atIndex(i, [&] { return apply(instance[i], value[i], "prefixItems"); }) && valid;
        return valid;
    case Keyword::MinItems: case Keyword::MaxItems: {
        const std::optional<std::uint64_t> limit = JsonSchemaDataModel::nonNegativeInteger(value);
        if (!limit)
            return true;
        if (keyword == Keyword::MinItems)
            return instance.size() >= *limit || fail("minItems", [&] {
                return "must have at least " + counted(*limit, "item", "items");
            });
        return instance.size() <= *limit || fail("maxItems", [&] {
            return "must have at most " + counted(*limit, "item", "items");
        });
    }
    default:
        if (!value.is_boolean() || !value.get<bool>())
            return true;
        // nlohmann's == treats 1 and 1.0 as equal, as JSON Schema 2020-12 §4.2.2 requires.
        for (std::size_t i = 0; i < instance.size(); ++i)
            for (std::size_t j = i + 1; j < instance.size(); ++j)
                if (instance[i] == instance[j])
                    return fail("uniqueItems", [&] {
                        return "must not contain duplicate items (items " + std::to_string(i)
                            + " and " + std::to_string(j) + " are equal)";
                    });
        return true;
    }
}

bool JsonSchemaWalker::checkObject(Keyword keyword, const json &value, const json &instance,
                                   const json &schema)
{
    bool valid = true;
    switch (keyword) {
    case Keyword::Properties:
        if (!value.is_object())
            return true;
        for (auto it = value.begin(); it != value.end() && (valid || m_out); ++it) {
            const auto member = instance.find(it.key());
            if (member != instance.end())
                valid = atChild(it.key(), [&] { return apply(*member, it.value(), "properties"); }) && valid;
        }
        return valid;
    case Keyword::PatternProperties:
        if (!value.is_object())
            return true;
        for (auto member = instance.begin(); member != instance.end() && (valid || m_out); ++member) {
            for (auto it = value.begin(); it != value.end(); ++it) {
                if (m_validator.m_patterns.search(it.key(), member.key()).value_or(false))
                    valid = atChild(member.key(), [&] {
                        return apply(*member, it.value(), "patternProperties");
                    }) && valid;
            }
        }
        return valid;
    case Keyword::AdditionalProperties:
        return checkAdditionalProperties(value, instance, schema);
    case Keyword::Required:
        if (!value.is_array())
            return true;
        for (const json &name : value) {
            if (!name.is_string() || instance.contains(name.get_ref<const std::string &>()))
                continue;
            valid = atChild(name.get_ref<const std::string &>(), [&] {
                return fail("required", [] { return std::string("is required"); });
            });
            if (!m_out)
                return false;
        }
        return valid;
    case Keyword::MinProperties:
    case Keyword::MaxProperties: {
        const std::optional<std::uint64_t> limit = JsonSchemaDataModel::nonNegativeInteger(value);
        if (!limit)
            return true;
        if (keyword == Keyword::MinProperties)
            return instance.size() >= *limit || fail("minProperties", [&] {
                return "must have at least " + counted(*limit, "property", "properties");
            });
        return instance.size() <= *limit || fail("maxProperties", [&] {
            return "must have at most " + counted(*limit, "property", "properties");
        });
    }
    default:
        return true;
    }
}

// JSON Schema 2020-12 §10.3.2.3: applies to the members that neither "properties" nor
// "patternProperties" named.
bool JsonSchemaWalker::checkAdditionalProperties(const json &value, const json &instance,
                                                 const json &schema)
{
    const auto properties = schema.find("properties");
    const auto patterns = schema.find("patternProperties");
    const json *declared = properties != schema.end() && properties->is_object() ? &*properties : nullptr;
    const json *patternMap = patterns != schema.end() && patterns->is_object() ? &*patterns : nullptr;
    bool valid = true;
    for (auto member = instance.begin(); member != instance.end() && (valid || m_out); ++member) {
        if ((declared && declared->contains(member.key())) || matchesAnyPattern(patternMap, member.key()))
            continue;
        valid = atChild(member.key(), [&] { return apply(*member, value, "additionalProperties"); }) && valid;
    }
    return valid;
}

bool JsonSchemaWalker::matchesAnyPattern(const json *patterns, const std::string &name) const
{
    if (!patterns)
        return false;
    for (auto it = patterns->begin(); it != patterns->end(); ++it)
        if (m_validator.m_patterns.search(it.key(), name).value_or(false))
            return true;
    return false;
}

bool JsonSchemaWalker::checkCombinator(Keyword keyword, const json &value, const json &instance)
{
    if (keyword == Keyword::Not)
        return !matches(instance, value)
            || fail("not", [] { return std::string("must not match the schema in not"); });
    if (!value.is_array() || value.empty())
        return true;
    if (keyword == Keyword::AllOf) {
        bool valid = true;
        for (auto it = value.begin(); it != value.end() && (valid || m_out); ++it)
            valid = apply(instance, *it, "allOf") && valid;
        return valid;
    }
    std::size_t matched = 0;
    for (const json &branch : value) {
        matched += matches(instance, branch);
        if (keyword == Keyword::AnyOf && matched)
            return true;
    }
    if (keyword == Keyword::AnyOf)
        return fail("anyOf", [&] {
            return "must match at least one schema in anyOf (matched 0 of " + std::to_string(value.size()) + ')';
        });
    return matched == 1 || fail("oneOf", [&] {
        return "must match exactly one schema in oneOf (matched " + std::to_string(matched) + " of "
            + std::to_string(value.size()) + ')';
    });
}

} // namespace petstore::core
