// SPDX-License-Identifier: GPL-3.0-or-later
// spec2json IN.yaml OUT.json — converts a YAML spec to JSON at build time (YamlDocument's rules:
// YAML 1.2 core schema for plain scalars; quoted scalars stay strings).
#include "core/requests/yamldocument.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: spec2json IN.yaml OUT.json\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << argv[1] << ": cannot read\n";
        return EXIT_FAILURE;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const auto json = petstore::core::YamlDocument::toJson(text.str());
    if (!json.ok()) {
        std::cerr << argv[1] << ": " << json.error().message << '\n';
        return EXIT_FAILURE;
    }
    std::ofstream out(argv[2]);
    out << json->dump(1) << '\n';
    return out ? EXIT_SUCCESS : EXIT_FAILURE;
}
