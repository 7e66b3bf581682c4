// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlfieldconflicts.h"

#include "core/protocols/graphql/graphqlvalidationrun.h"

#include <algorithm>

namespace petstore::core {

namespace {

constexpr std::size_t MaxDetailLength = 1000;
constexpr std::size_t MaxConflictNodes = 20;

std::string abbreviated(const std::string &text)
{
    return text.size() > MaxDetailLength ? text.substr(0, MaxDetailLength) + "..." : text;
}

} // namespace

const std::vector<GraphQLFieldConflicts::FieldDetail> *GraphQLFieldConflicts::Collected::find(const std::string &responseName) const
{
    const auto it = std::find_if(fields.begin(), fields.end(), [&](const auto &f) { return f.first == responseName; });
    return it == fields.end() ? nullptr : &it->second;
}

std::vector<GraphQLFieldConflicts::Conflict> GraphQLFieldConflicts::within(const std::vector<GraphQLSelection> &selections,
                                                                           const GraphQLNamedType *parent)
{
    Founds found;
    Collected &collected = collect(parent, selections);
    conflictsWithin(found, collected);
    if (!collected.fragmentNames.empty() && (!collected.fields.empty() || collected.fragmentNames.size() > 1)) {
        // Copied: comparisons may add to the cache, never to this list.
        const std::vector<std::string> names = collected.fragmentNames;
        for (std::size_t i = 0; i < names.size() && !exhausted(); ++i) {
            fieldsAndFragment(found, false, collected, names[i]);
            for (std::size_t j = i + 1; j < names.size() && !exhausted(); ++j)
                fragments(found, false, names[i], names[j]);
        }
    }
    std::vector<Conflict> conflicts;
    if (exhausted())
        return conflicts;
    for (Found &f : found) {
        Conflict c{abbreviated(f.responseName), std::move(f.reason), {}};
        for (const GraphQLSelection *node : f.fields1)
            c.offsets.push_back(node->offset);
        for (const GraphQLSelection *node : f.fields2)
            c.offsets.push_back(node->offset);
        conflicts.push_back(std::move(c));
    }
    return conflicts;
}

GraphQLFieldConflicts::Collected &GraphQLFieldConflicts::collect(const GraphQLNamedType *parent,
                                                                 const std::vector<GraphQLSelection> &selections)
{
    auto &slot = m_collected[{parent, &selections}];
    if (!slot) {
        slot = std::make_unique<Collected>();
        collectInto(parent, selections, *slot);
    }
    return *slot;
}

void GraphQLFieldConflicts::collectInto(const GraphQLNamedType *parent, const std::vector<GraphQLSelection> &selections,
                                        Collected &into)
{
    for (const GraphQLSelection &selection : selections) {
        switch (selection.kind) {
        case GraphQLSelection::Kind::Field: {
            // Only an object's or interface's own fields: meta-fields have no definition here.
            const GraphQLSchemaField *definition
                = parent && (parent->kind == GraphQLNamedType::Kind::Object || parent->kind == GraphQLNamedType::Kind::Interface)
                      ? parent->field(selection.name)
                      : nullptr;
            const std::string &key = selection.responseKey();
            auto it = std::find_if(into.fields.begin(), into.fields.end(), [&](const auto &f) { return f.first == key; });
            if (it == into.fields.end()) {
                into.fields.push_back({key, {}});
                it = std::prev(into.fields.end());
            }
            it->second.push_back({parent, &selection, definition});
            break;
        }
        case GraphQLSelection::Kind::FragmentSpread:
            if (std::find(into.fragmentNames.begin(), into.fragmentNames.end(), selection.name) == into.fragmentNames.end())
                into.fragmentNames.push_back(selection.name);
            break;
        case GraphQLSelection::Kind::InlineFragment:
            collectInto(selection.typeCondition.empty() ? parent : m_schema.type(selection.typeCondition), selection.selections, into);
            break;
        }
    }
}

GraphQLFieldConflicts::Collected *GraphQLFieldConflicts::collectFragment(const std::string &name)
{
    const GraphQLFragment *fragment = m_run.fragment(name);
    if (!fragment)
        return nullptr;
    return &collect(m_schema.type(fragment->typeCondition), fragment->selections);
}

void GraphQLFieldConflicts::conflictsWithin(Founds &found, const Collected &collected)
{
    for (const auto &[responseName, fields] : collected.fields)
        for (std::size_t i = 0; i < fields.size(); ++i)
            for (std::size_t j = i + 1; j < fields.size(); ++j) {
                if (exhausted())
                    return;
                if (auto c = conflict(false, responseName, fields[i], fields[j]))
                    found.push_back(std::move(*c));
            }
}

void GraphQLFieldConflicts::conflictsBetween(Founds &found, bool exclusive, const Collected &a, const Collected &b)
{
    if (a.fields.empty() || b.fields.empty())
        return;
    for (const auto &[responseName, fields1] : a.fields) {
        if (!spend(1))
            return;
        const std::vector<FieldDetail> *fields2 = b.find(responseName);
        if (!fields2)
            continue;
        for (const FieldDetail &f1 : fields1)
            for (const FieldDetail &f2 : *fields2) {
                if (exhausted())
                    return;
                if (auto c = conflict(exclusive, responseName, f1, f2))
                    found.push_back(std::move(*c));
            }
    }
}

void GraphQLFieldConflicts::fieldsAndFragment(Founds &found, bool exclusive, Collected &fields, const std::string &fragmentName)
{
    if (!spend(1) || fields.fields.empty())
        return;
    // A non-exclusive comparison also answers an exclusive one, not the other way round.
    const auto compared = fields.comparedFragments.find(fragmentName);
    if (compared != fields.comparedFragments.end() && (!compared->second || exclusive))
        return;
    fields.comparedFragments[fragmentName] = exclusive;
    Collected *other = collectFragment(fragmentName);
    if (!other || other == &fields)
        return;
    conflictsBetween(found, exclusive, fields, *other);
    const std::vector<std::string> referenced = other->fragmentNames;
    for (const std::string &name : referenced)
        fieldsAndFragment(found, exclusive, fields, name);
}

bool GraphQLFieldConflicts::comparedPair(const std::string &a, const std::string &b, bool exclusive) const
{
    for (const auto &key : {std::make_pair(a, b), std::make_pair(b, a)}) {
        const auto it = m_comparedFragmentPairs.find(key);
        if (it != m_comparedFragmentPairs.end() && (exclusive || !it->second))
            return true;
    }
    return false;
}

void GraphQLFieldConflicts::fragments(Founds &found, bool exclusive, const std::string &a, const std::string &b)
{
    if (!spend(2) || a == b || comparedPair(a, b, exclusive))
        return;
    m_comparedFragmentPairs[{a, b}] = exclusive;
    Collected *first = collectFragment(a);
    Collected *second = collectFragment(b);
    if (!first || !second)
        return;
    conflictsBetween(found, exclusive, *first, *second);
    const std::vector<std::string> fromSecond = second->fragmentNames;
    for (const std::string &name : fromSecond)
        fragments(found, exclusive, a, name);
    const std::vector<std::string> fromFirst = first->fragmentNames;
    for (const std::string &name : fromFirst)
        fragments(found, exclusive, name, b);
}

GraphQLFieldConflicts::Founds GraphQLFieldConflicts::subSelections(bool exclusive, const GraphQLNamedType *parent1,
                                                                   const std::vector<GraphQLSelection> &set1,
                                                                   const GraphQLNamedType *parent2,
                                                                   const std::vector<GraphQLSelection> &set2)
{
    Founds found;
    Collected &first = collect(parent1, set1);
    Collected &second = collect(parent2, set2);
    conflictsBetween(found, exclusive, first, second);
    const std::vector<std::string> names2 = second.fragmentNames;
    const std::vector<std::string> names1 = first.fragmentNames;
    for (const std::string &name : names2)
        fieldsAndFragment(found, exclusive, first, name);
    for (const std::string &name : names1)
        fieldsAndFragment(found, exclusive, second, name);
    for (const std::string &name1 : names1)
        for (const std::string &name2 : names2)
            fragments(found, exclusive, name1, name2);
    return found;
}

std::optional<GraphQLFieldConflicts::Found> GraphQLFieldConflicts::conflict(bool parentsExclusive, const std::string &responseName,
                                                                            const FieldDetail &a, const FieldDetail &b)
{
    // Different object types can never both apply, so only their shapes must agree.
    const bool exclusive = parentsExclusive
                           || (a.parent != b.parent && a.parent && b.parent && a.parent->kind == GraphQLNamedType::Kind::Object
                               && b.parent->kind == GraphQLNamedType::Kind::Object);
    if (!spend(2))
        return std::nullopt;
    if (!exclusive) {
        std::string reason;
        if (a.node->name != b.node->name)
            reason = '"' + abbreviated(a.node->name) + "\" and \"" + abbreviated(b.node->name) + "\" are different fields";
        else if (!sameArguments(*a.node, *b.node))
            reason = "they have differing arguments";
        if (!reason.empty())
            return Found{responseName, reason, {a.node}, {b.node}};
    }
    if (a.definition && b.definition && typesConflict(a.definition->type, b.definition->type))
        return Found{responseName,
                     "they return conflicting types \"" + a.definition->type.print() + "\" and \"" + b.definition->type.print() + '"',
                     {a.node},
                     {b.node}};
    if (!a.node->hasSelectionSet || !b.node->hasSelectionSet)
        return std::nullopt;
    const GraphQLNamedType *type1 = a.definition ? m_schema.namedType(a.definition->type) : nullptr;
    const GraphQLNamedType *type2 = b.definition ? m_schema.namedType(b.definition->type) : nullptr;
    Founds inner = subSelections(exclusive, type1, a.node->selections, type2, b.node->selections);
    if (inner.empty())
        return std::nullopt;
    std::string reason;
    for (const Found &f : inner) {
        reason += (reason.empty() ? "" : " and ") + std::string("subfields \"") + abbreviated(f.responseName) + "\" conflict because " + f.reason;
        if (reason.size() > MaxDetailLength)
            break;
    }
    Found merged{responseName, abbreviated(reason), {a.node}, {b.node}};
    // The enclosing fields first, then the conflicting ones, at most 20 per side (the last ones).
    auto gather = [&](std::vector<const GraphQLSelection *> &into, bool firstSide) {
        for (const Found &f : inner) {
            const auto &side = firstSide ? f.fields1 : f.fields2;
            const std::size_t room = MaxConflictNodes - into.size();
            const std::size_t take = std::min(room, side.size());
            into.insert(into.end(), side.end() - static_cast<std::ptrdiff_t>(take), side.end());
            if (into.size() == MaxConflictNodes)
                break;
        }
    };
    gather(merged.fields1, true);
    gather(merged.fields2, false);
    return merged;
}

bool GraphQLFieldConflicts::typesConflict(const GraphQLTypeRef &a, const GraphQLTypeRef &b)
{
    using Kind = GraphQLTypeRef::Kind;
    if (!spend(1))
        return false;
    if (a.kind == Kind::List)
        return b.kind == Kind::List ? typesConflict(*a.of, *b.of) : true;
    if (b.kind == Kind::List)
        return true;
    if (a.kind == Kind::NonNull)
        return b.kind == Kind::NonNull ? typesConflict(*a.of, *b.of) : true;
    if (b.kind == Kind::NonNull)
        return true;
    const GraphQLNamedType *typeA = m_schema.type(a.name);
    const GraphQLNamedType *typeB = m_schema.type(b.name);
    if ((typeA && typeA->isLeaf()) || (typeB && typeB->isLeaf()))
        return a.name != b.name;
    return false;
}

bool GraphQLFieldConflicts::sameArguments(const GraphQLSelection &a, const GraphQLSelection &b)
{
    if (a.arguments.size() != b.arguments.size())
        return false;
    for (const GraphQLArgument &first : a.arguments) {
        if (!spend(1))
            return true;
        // The last argument of a name wins, as in a JavaScript Map.
        const GraphQLArgument *second = nullptr;
        for (const GraphQLArgument &candidate : b.arguments)
            if (candidate.name == first.name)
                second = &candidate;
        if (!second || canonical(first.value) != canonical(second->value))
            return false;
    }
    return true;
}

std::string GraphQLFieldConflicts::canonical(const GraphQLValue &value)
{
    // Equal values print equally: object fields sorted by name, kinds and block-ness kept.
    using Kind = GraphQLValue::Kind;
    switch (value.kind) {
    case Kind::List: {
        std::string out = "L[";
        for (const GraphQLValue &item : value.items)
            out += canonical(item) + ',';
        return out + ']';
    }
    case Kind::Object: {
        std::vector<std::pair<std::string, std::string>> fields;
        for (const auto &[name, fieldValue] : value.fields)
            fields.emplace_back(name, canonical(fieldValue));
        std::stable_sort(fields.begin(), fields.end(), [](const auto &x, const auto &y) { return x.first < y.first; });
        std::string out = "O{";
        for (const auto &[name, text] : fields)
            out += name + ':' + text + ',';
        return out + '}';
    }
    default:
        return std::to_string(static_cast<int>(value.kind)) + (value.block ? "b" : "") + ':' + std::to_string(value.text.size())
               + ':' + value.text;
    }
}

} // namespace petstore::core
