// SPDX-License-Identifier: GPL-3.0-or-later
// spec2json IN.yaml OUT.json — converts a YAML document to JSON following the YAML 1.2 core
// schema for plain scalars (null, booleans, integers, floats); quoted scalars stay strings.
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <regex>

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
    if (std::regex_match(text, intRe))
        return std::stoll(text);
    if (std::regex_match(text, floatRe))
        return std::stod(text);
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

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: spec2json IN.yaml OUT.json\n";
        return 2;
    }
    try {
        const nlohmann::json json = convert(YAML::LoadFile(argv[1]));
        std::ofstream out(argv[2]);
        out << json.dump(1) << '\n';
        return out ? EXIT_SUCCESS : EXIT_FAILURE;
    } catch (const YAML::Exception &e) {
        std::cerr << argv[1] << ": " << e.what() << '\n';
        return EXIT_FAILURE;
    }
}
