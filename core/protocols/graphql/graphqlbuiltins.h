// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace petstore::core {

// What every schema has without declaring it: the five built-in scalars (spec §3.5), the
// directives @include, @skip (§3.13.1–2), @deprecated, @specifiedBy and @oneOf, and the
// introspection types of §4.2 with the members graphql-js 16 also serves (`isOneOf`,
// `includeDeprecated` on arguments and input fields), written as SDL.
class GraphQLBuiltins
{
public:
    static std::string_view sdl();
    static bool isBuiltinScalar(std::string_view name);
    static bool isIntrospectionType(std::string_view name) { return name.size() > 1 && name[0] == '_' && name[1] == '_'; }
    static bool isSpecifiedDirective(std::string_view name);
};

} // namespace petstore::core
