// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocols/graphql/graphqlprinter.h"

#include <cstdio>

namespace petstore::core {

std::string GraphQLPrinter::quoted(const std::string &text)
{
    std::string out = "\"";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (u < 0x20) {
                char escape[8];
                std::snprintf(escape, sizeof escape, "\\u%04x", u);
                out += escape;
            } else {
                out += c;
            }
        }
    }
    return out + '"';
}

std::string GraphQLPrinter::blockString(const std::string &text)
{
    std::string escaped;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\"\"\"") == 0) {
            escaped += "\\\"\"\"";
            i += 2;
        } else {
            escaped += text[i];
        }
    }
    // graphql-js puts a multi-line or long block string on lines of its own.
    const bool multiLine = text.find('\n') != std::string::npos || text.size() > 70
                           || (!text.empty() && (text.back() == '"' || text.back() == '\\'));
    return multiLine ? "\"\"\"\n" + escaped + "\n\"\"\"" : "\"\"\"" + escaped + "\"\"\"";
}

std::string GraphQLPrinter::value(const GraphQLValue &v)
{
    using Kind = GraphQLValue::Kind;
    switch (v.kind) {
    case Kind::Variable: return '$' + v.text;
    case Kind::Int:
    case Kind::Float:
    case Kind::Boolean:
    case Kind::Enum: return v.text;
    case Kind::Null: return "null";
    case Kind::String: return v.block ? blockString(v.text) : quoted(v.text);
    case Kind::List: {
        std::string out = "[";
        for (std::size_t i = 0; i < v.items.size(); ++i)
            out += (i ? ", " : "") + value(v.items[i]);
        return out + ']';
    }
    case Kind::Object: {
        std::string out = "{";
        for (std::size_t i = 0; i < v.fields.size(); ++i)
            out += (i ? ", " : "") + v.fields[i].first + ": " + value(v.fields[i].second);
        return out + '}';
    }
    }
    return {};
}

std::string GraphQLPrinter::inspect(const nlohmann::json &value)
{
    return inspect(value, 0);
}

std::string GraphQLPrinter::inspect(const nlohmann::json &value, int depth)
{
    constexpr int maxDepth = 2;
    constexpr std::size_t maxItems = 10;
    if (value.is_string())
        return quoted(value.get<std::string>());
    if (value.is_array()) {
        if (value.empty())
            return "[]";
        if (depth > maxDepth)
            return "[Array]";
        std::string out = "[";
        const std::size_t shown = std::min(maxItems, value.size());
        for (std::size_t i = 0; i < shown; ++i)
            out += (i ? ", " : "") + inspect(value[i], depth + 1);
        if (value.size() > shown)
            out += ", ... " + std::to_string(value.size() - shown) + (value.size() - shown == 1 ? " more item" : " more items");
        return out + ']';
    }
    if (value.is_object()) {
        if (value.empty())
            return "{}";
        if (depth > maxDepth)
            return "[Object]";
        std::string out = "{ ";
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it) {
            out += (first ? "" : ", ") + it.key() + ": " + inspect(it.value(), depth + 1);
            first = false;
        }
        return out + " }";
    }
    return value.dump();
}

} // namespace petstore::core
