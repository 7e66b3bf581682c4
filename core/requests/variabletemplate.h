// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace petstore::core {

// `{{name}}` placeholders, as environments fill them in requests (Postman's and Insomnia's
// notation). Spaces inside the braces are allowed; unknown names stay as written so a missing
// variable is visible in the request rather than silently empty.
class VariableTemplate
{
public:
    static std::string expand(std::string_view text, const std::map<std::string, std::string> &variables);
    static std::vector<std::string> unresolved(std::string_view text,
                                               const std::map<std::string, std::string> &variables);
};

} // namespace petstore::core
