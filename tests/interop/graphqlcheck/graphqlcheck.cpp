// SPDX-License-Identifier: GPL-3.0-or-later
// petstore-graphql-check SCHEMA.graphql CORPUS.graphql: parses and validates every document
// of the corpus (documents each under a "### name" line) with our engine and prints, as JSON,
// each document's syntax error or validation errors with their locations.
// graphql-differential.mjs compares this with graphql-js.
// petstore-graphql-check SCHEMA.graphql --execute: runs the query read from standard input
// against the schema (no resolvers, so introspection only) and prints the response.
#include "core/protocols/graphql/graphqlengine.h"
#include "core/protocols/graphql/graphqlparser.h"
#include "core/protocols/graphql/graphqlschemabuilder.h"
#include "core/protocols/graphql/graphqlvalidator.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

using namespace petstore::core;

namespace {

std::string readFile(const char *path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: petstore-graphql-check SCHEMA.graphql CORPUS.graphql\n";
        return 2;
    }
    auto schema = GraphQLSchemaBuilder::build(readFile(argv[1]));
    if (!schema) {
        std::cerr << schema.error().message << '\n';
        return 1;
    }
    if (std::string(argv[2]) == "--execute") {
        std::ostringstream query;
        query << std::cin.rdbuf();
        GraphQLEngine engine(*schema, GraphQLResolvers());
        const GraphQLPrepared prepared = engine.prepare(query.str(), {}, nlohmann::json::object());
        std::cout << engine.execute(prepared, nullptr).toJson().dump() << '\n';
        return 0;
    }
    std::vector<std::pair<std::string, std::string>> corpus;   // name, document
    std::istringstream lines(readFile(argv[2]));
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("### ", 0) == 0)
            corpus.emplace_back(line.substr(4), std::string());
        else if (!corpus.empty())
            corpus.back().second += (corpus.back().second.empty() ? "" : "\n") + line;
    }
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const auto &[name, query] : corpus) {
        nlohmann::ordered_json result{{"name", name}};
        auto document = GraphQLParser::parse(query);
        if (!document) {
            result["syntaxError"] = GraphQLError::fromSyntaxError(document.error()).toJson();
        } else {
            result["errors"] = nlohmann::ordered_json::array();
            for (const GraphQLError &error : GraphQLValidator::validate(**schema, *document, query))
                result["errors"].push_back(error.toJson());
        }
        results.push_back(std::move(result));
    }
    std::cout << results.dump(1) << '\n';
    return 0;
}
