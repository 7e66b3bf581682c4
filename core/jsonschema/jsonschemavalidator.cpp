// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonschema/jsonschemavalidator.h"

#include "core/jsonschema/jsonpointer.h"
#include "core/jsonschema/jsonschemawalker.h"

namespace petstore::core {

using nlohmann::json;

JsonSchemaValidator::JsonSchemaValidator(const json *rootDocument)
    : m_root(rootDocument)
{
}

JsonSchemaValidator::~JsonSchemaValidator() = default;

std::vector<SchemaViolation> JsonSchemaValidator::validate(const json &instance, const json &schema) const
{
    std::vector<SchemaViolation> violations;
    JsonSchemaWalker walker(*this, &violations, 0);
    walker.validate(instance, schema);
    return violations;
}

const json *JsonSchemaValidator::resolveReference(const std::string &reference) const
{
    if (!m_root)
        return nullptr;
    const std::lock_guard<std::mutex> lock(m_referenceMutex);
    const auto it = m_references.find(reference);
    if (it != m_references.end())
        return it->second;
    const json *target = resolveJsonReference(*m_root, reference);
    m_references.emplace(reference, target);
    return target;
}

std::vector<FieldError> toFieldErrors(const std::vector<SchemaViolation> &violations)
{
    std::vector<FieldError> errors;
    errors.reserve(violations.size());
    for (const SchemaViolation &violation : violations)
        errors.push_back({violation.instancePointer.empty() ? "/" : violation.instancePointer,
                          violation.message, violation.keyword});
    return errors;
}

} // namespace petstore::core
