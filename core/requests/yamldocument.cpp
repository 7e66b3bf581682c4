// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/requests/yamldocument.h"

#include <yaml-cpp/yaml.h>

#include <regex>
#include <string>

namespace petstore::core {

namespace {

nlohmann::json plainScalar(const std::string &text)
{
    // YAML 1.2 §10.3.2 tag resolution for plain scalars.
    static const std::regex nullRe("^(null|Null|NULL|~|)$");
    static const std::regex trueRe("^(true|True|TRUE)$");
    static const std::regex falseRe("^(false|False|FALSE)$");
    static const std::regex intRe("^[-+]?[0-9]+$");
    static const std::regex floatRe(R"(^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$)");
    if (std::regex_match(text, nullRe))
        return nullptr;
    if (std::regex_match(text, trueRe))
        return true;
    if (std::regex_match(text, falseRe))
        return false;
    try {
        if (std::regex_match(text, intRe))
            return std::stoll(text);
        if (std::regex_match(text, floatRe))
            return std::stod(text);
    } catch (const std::out_of_range &) {
        // Beyond 64-bit integers or doubles: keep the digits rather than invent a value.
    }
    return text;
}

nlohmann::json convert(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null:
        return nullptr;
    case YAML::NodeType::Scalar:
        return node.Tag() == "!" ? nlohmann::json(node.Scalar()) : plainScalar(node.Scalar());
    case YAML::NodeType::Sequence: {
        nlohmann::json array = nlohmann::json::array();
        for (const auto &item : node)
            array.push_back(convert(item));
        return array;
    }
    case YAML::NodeType::Map: {
        nlohmann::json object = nlohmann::json::object();
        for (const auto &entry : node)
            object[entry.first.Scalar()] = convert(entry.second);
        return object;
    }
    case YAML::NodeType::Undefined:
        break;
    }
    return nullptr;
}

} // namespace

Result<nlohmann::json> YamlDocument::toJson(std::string_view text)
{
    try {
        return convert(YAML::Load(std::string(text)));
    } catch (const YAML::Exception &error) {
        return Error::make(ErrorKind::BadRequest, std::string("YAML: ") + error.what());
    }
}

} // namespace petstore::core
