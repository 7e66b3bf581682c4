// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlschema.h"

#include <algorithm>

namespace petstore::core {

namespace {

template<typename List>
auto findByName(const List &list, const std::string &name) -> decltype(&*list.begin())
{
    const auto it = std::find_if(list.begin(), list.end(), [&](const auto &item) { return item.name == name; });
    return it == list.end() ? nullptr : &*it;
}

} // namespace

const GraphQLSchemaInputValue *GraphQLSchemaField::argument(const std::string &argumentName) const
{
    return findByName(arguments, argumentName);
}

const GraphQLSchemaInputValue *GraphQLSchemaDirective::argument(const std::string &argumentName) const
{
    return findByName(arguments, argumentName);
}

const GraphQLSchemaField *GraphQLNamedType::field(const std::string &fieldName) const
{
    return findByName(fields, fieldName);
}

const GraphQLSchemaInputValue *GraphQLNamedType::inputField(const std::string &fieldName) const
{
    return findByName(inputFields, fieldName);
}

const GraphQLSchemaEnumValue *GraphQLNamedType::enumValue(const std::string &valueName) const
{
    return findByName(enumValues, valueName);
}

const GraphQLNamedType *GraphQLSchema::type(const std::string &name) const
{
    const auto it = m_byName.find(name);
    return it == m_byName.end() ? nullptr : it->second;
}

const GraphQLNamedType *GraphQLSchema::namedType(const GraphQLTypeRef &ref) const
{
    return type(ref.named().name);
}

const GraphQLNamedType *GraphQLSchema::rootType(GraphQLOperation::Kind kind) const
{
    switch (kind) {
    case GraphQLOperation::Kind::Query: return m_query;
    case GraphQLOperation::Kind::Mutation: return m_mutation;
    case GraphQLOperation::Kind::Subscription: return m_subscription;
    }
    return nullptr;
}

const GraphQLSchemaDirective *GraphQLSchema::directive(const std::string &name) const
{
    return findByName(m_directives, name);
}

const GraphQLSchemaField *GraphQLSchema::fieldDefinition(const GraphQLNamedType &parent, const std::string &name) const
{
    if (name.size() > 2 && name[0] == '_' && name[1] == '_') {
        if (name == "__typename" && parent.isComposite())
            return &m_typenameField;
        if (&parent == m_query && name == "__schema")
            return &m_schemaField;
        if (&parent == m_query && name == "__type")
            return &m_typeField;
    }
    return parent.kind == GraphQLNamedType::Kind::Object || parent.kind == GraphQLNamedType::Kind::Interface
               ? parent.field(name)
               : nullptr;
}

bool GraphQLSchema::isPossibleType(const GraphQLNamedType &type, const GraphQLNamedType &object) const
{
    if (&type == &object)
        return true;
    if (!type.isAbstract())
        return false;
    return std::find(type.possibleTypes.begin(), type.possibleTypes.end(), object.name) != type.possibleTypes.end();
}

bool GraphQLSchema::overlap(const GraphQLNamedType &a, const GraphQLNamedType &b) const
{
    if (&a == &b)
        return true;
    if (a.isAbstract() && b.isAbstract())
        return std::any_of(a.possibleTypes.begin(), a.possibleTypes.end(), [&](const std::string &name) {
            const GraphQLNamedType *object = type(name);
            return object && isPossibleType(b, *object);
        });
    if (a.isAbstract())
        return isPossibleType(a, b);
    if (b.isAbstract())
        return isPossibleType(b, a);
    return false;
}

bool GraphQLSchema::isSubType(const GraphQLTypeRef &maybeSub, const GraphQLTypeRef &super) const
{
    using Kind = GraphQLTypeRef::Kind;
    if (super.kind == Kind::NonNull)
        return maybeSub.kind == Kind::NonNull && isSubType(*maybeSub.of, *super.of);
    if (maybeSub.kind == Kind::NonNull)
        return isSubType(*maybeSub.of, super);
    if (super.kind == Kind::List)
        return maybeSub.kind == Kind::List && isSubType(*maybeSub.of, *super.of);
    if (maybeSub.kind == Kind::List)
        return false;
    if (maybeSub.name == super.name)
        return true;
    const GraphQLNamedType *superType = type(super.name);
    const GraphQLNamedType *subType = type(maybeSub.name);
    if (!superType || !subType || !superType->isAbstract())
        return false;
    if (subType->kind == GraphQLNamedType::Kind::Object)
        return isPossibleType(*superType, *subType);
    return superType->kind == GraphQLNamedType::Kind::Interface
           && std::find(subType->interfaces.begin(), subType->interfaces.end(), superType->name) != subType->interfaces.end();
}

} // namespace petstore::core
