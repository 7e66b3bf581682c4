// SPDX-License-Identifier: GPL-3.0-or-later
// Lints specs/openapi/petstore.yaml, the single source of truth of the REST mock (DESIGN §6):
//  1. the document validates against the official OpenAPI 3.1 schema
//     (@seriousme/openapi-schema-validator);
//  2. it is self-contained: every $ref is local and resolves;
//  3. every operation has a unique operationId, a summary and declared tags, and its path
//     parameters match the path template;
//  4. every requestBody and every 2xx JSON response carries an example;
//  5. every example (media types, parameters, headers, schema `examples`) validates against
//     its schema with Ajv (JSON Schema 2020-12, strict mode, formats);
//  6. every object schema with `properties` inside a request body sets
//     `additionalProperties: false`, because the mock rejects unknown members by it.
// Usage: node openapi-lint.mjs [path/to/petstore.yaml]. Exit 0 when clean, 1 on any problem.

import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parseDocument } from "yaml";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const SCHEMA_REF_PREFIX = "#/components/schemas/";
const SCHEMA_URN_PREFIX = "urn:petstore:schemas:";

const here = dirname(fileURLToPath(import.meta.url));
const specPath = resolve(process.argv[2] ?? resolve(here, "../../specs/openapi/petstore.yaml"));
const problems = [];
const problem = (where, message) => problems.push(`${where}: ${message}`);
let examplesChecked = 0;

function loadYaml(path) {
    const document = parseDocument(readFileSync(path, "utf8"), { prettyErrors: true });
    for (const error of [...document.errors, ...document.warnings])
        problem(path, `YAML: ${error.message}`);
    return document.toJS();
}

// RFC 6901 JSON pointers, as used by OpenAPI local references.
const escapePointer = (token) => String(token).replaceAll("~", "~0").replaceAll("/", "~1");
const unescapePointer = (token) => token.replaceAll("~1", "/").replaceAll("~0", "~");

function resolvePointer(root, ref) {
    if (!ref.startsWith("#/"))
        return undefined;
    let node = root;
    for (const token of ref.slice(2).split("/").map(unescapePointer)) {
        if (node === null || typeof node !== "object" || !(token in node))
            return undefined;
        node = node[token];
    }
    return node;
}

function deref(root, node) {
    const seen = new Set();
    while (node && typeof node === "object" && typeof node.$ref === "string") {
        if (seen.has(node.$ref))
            return undefined;
        seen.add(node.$ref);
        node = resolvePointer(root, node.$ref);
    }
    return node;
}

function checkRefs(root, node, pointer) {
    if (node === null || typeof node !== "object")
        return;
    if (typeof node.$ref === "string") {
        if (!node.$ref.startsWith("#/"))
            problem(pointer, `non-local $ref ${node.$ref} (the spec must be self-contained)`);
        else if (resolvePointer(root, node.$ref) === undefined)
            problem(pointer, `unresolved $ref ${node.$ref}`);
    }
    for (const [key, value] of Object.entries(node))
        checkRefs(root, value, `${pointer}/${escapePointer(key)}`);
}

function* operations(spec) {
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
        for (const method of HTTP_METHODS) {
            if (item[method])
                yield { path, method, item, operation: item[method],
                        pointer: `#/paths/${escapePointer(path)}/${method}` };
        }
    }
}

function checkOperations(spec) {
    const declaredTags = new Set((spec.tags ?? []).map((tag) => tag.name));
    const schemes = new Set(Object.keys(spec.components?.securitySchemes ?? {}));
    const operationIds = new Map();
    let count = 0;
    for (const { path, method, item, operation, pointer } of operations(spec)) {
        ++count;
        const id = operation.operationId;
        if (typeof id !== "string" || !/^[a-z][A-Za-z0-9]*$/.test(id))
            problem(pointer, `operationId missing or not camelCase: ${id}`);
        else if (operationIds.has(id))
            problem(pointer, `operationId ${id} also used at ${operationIds.get(id)}`);
        else
            operationIds.set(id, pointer);
        if (!operation.summary)
            problem(pointer, "no summary");
        if (!Array.isArray(operation.tags) || operation.tags.length === 0)
            problem(pointer, "no tags");
        for (const tag of operation.tags ?? []) {
            if (!declaredTags.has(tag))
                problem(pointer, `tag ${tag} is not declared in the top-level tags`);
        }
        for (const requirement of operation.security ?? []) {
            for (const name of Object.keys(requirement)) {
                if (!schemes.has(name))
                    problem(pointer, `security scheme ${name} is not declared`);
            }
        }

        const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])]
            .map((parameter) => deref(spec, parameter)).filter(Boolean);
        const seen = new Set();
        for (const parameter of parameters) {
            const key = `${parameter.in}:${parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name}`;
            if (seen.has(key))
                problem(pointer, `parameter ${key} declared twice`);
            seen.add(key);
        }
        const templated = new Set([...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]));
        const declared = new Set(parameters.filter((p) => p.in === "path").map((p) => p.name));
        for (const name of templated) {
            if (!declared.has(name))
                problem(pointer, `path parameter {${name}} is not declared`);
        }
        for (const name of declared) {
            if (!templated.has(name))
                problem(pointer, `path parameter ${name} is not in the path template`);
        }

        const body = deref(spec, operation.requestBody);
        if (body) {
            const media = Object.entries(body.content ?? {});
            if (!media.some(([, m]) => hasExample(m)))
                problem(`${pointer}/requestBody`, "no example");
            for (const [type, m] of media)
                checkClosedObjects(spec, m.schema, `${pointer}/requestBody/content/${escapePointer(type)}/schema`, new Set());
        }
        for (const [status, responseOrRef] of Object.entries(operation.responses ?? {})) {
            const response = deref(spec, responseOrRef);
            if (!/^2\d\d$/.test(status) || !response?.content)
                continue;
            for (const [type, m] of Object.entries(response.content)) {
                if (isJson(type) && !hasExample(m))
                    problem(`${pointer}/responses/${status}/content/${escapePointer(type)}`, "no example");
            }
        }
    }
    return count;
}

const isJson = (mediaType) => /^application\/([\w.-]+\+)?json$/.test(mediaType);
const hasExample = (media) => media.example !== undefined
    || (media.examples && Object.keys(media.examples).length > 0);

// The mock rejects unknown members only where the schema says so; request schemas must.
function checkClosedObjects(spec, schema, pointer, visiting) {
    if (!schema || typeof schema !== "object")
        return;
    if (typeof schema.$ref === "string") {
        if (visiting.has(schema.$ref))
            return;
        visiting.add(schema.$ref);
        checkClosedObjects(spec, resolvePointer(spec, schema.$ref), schema.$ref, visiting);
        visiting.delete(schema.$ref);
        return;
    }
    if (schema.properties && schema.additionalProperties !== false)
        problem(pointer, "request schema with properties must set additionalProperties: false");
    for (const [name, child] of Object.entries(schema.properties ?? {}))
        checkClosedObjects(spec, child, `${pointer}/properties/${escapePointer(name)}`, visiting);
    for (const keyword of ["items", "not"])
        checkClosedObjects(spec, schema[keyword], `${pointer}/${keyword}`, visiting);
    for (const keyword of ["oneOf", "anyOf", "allOf"]) {
        (schema[keyword] ?? []).forEach((child, i) =>
            checkClosedObjects(spec, child, `${pointer}/${keyword}/${i}`, visiting));
    }
}

// Ajv sees each component schema as its own resource, so that strict mode checks the schemas
// without tripping over the OpenAPI document around them.
function rewriteRefs(node) {
    if (Array.isArray(node))
        return node.map(rewriteRefs);
    if (node === null || typeof node !== "object")
        return node;
    const out = {};
    for (const [key, value] of Object.entries(node)) {
        out[key] = key === "$ref" && typeof value === "string" && value.startsWith(SCHEMA_REF_PREFIX)
            ? SCHEMA_URN_PREFIX + value.slice(SCHEMA_REF_PREFIX.length)
            : rewriteRefs(value);
    }
    return out;
}

function makeAjv(spec) {
    const ajv = new Ajv2020({ strict: true, strictRequired: true, allowUnionTypes: true, allErrors: true });
    addFormats(ajv);
    // OpenAPI 3.1 base dialect keywords (OAS §4.8.24).
    ajv.addVocabulary(["discriminator", "xml", "externalDocs", "example"]);
    for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
        try {
            ajv.addSchema(rewriteRefs(schema), SCHEMA_URN_PREFIX + name);
        } catch (error) {
            problem(`#/components/schemas/${escapePointer(name)}`, error.message);
        }
    }
    // Compiling runs strict mode over schemas that no example reaches, too.
    for (const name of Object.keys(spec.components?.schemas ?? {})) {
        try {
            ajv.getSchema(SCHEMA_URN_PREFIX + name);
        } catch (error) {
            problem(`#/components/schemas/${escapePointer(name)}`, `schema does not compile: ${error.message}`);
        }
    }
    const compiled = new Map();
    return (schema, pointer) => {
        if (!compiled.has(schema)) {
            try {
                compiled.set(schema, ajv.compile(rewriteRefs(schema)));
            } catch (error) {
                problem(pointer, `schema does not compile: ${error.message}`);
                compiled.set(schema, null);
            }
        }
        return compiled.get(schema);
    };
}

function checkExample(compile, schema, value, pointer) {
    const validate = compile(schema, pointer);
    if (!validate)
        return;
    if (!validate(value)) {
        for (const error of validate.errors)
            problem(pointer, `example${error.instancePath} ${error.message} (${error.schemaPath})`);
    }
    ++examplesChecked;
}

const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SCHEMA_SINGLES = ["items", "additionalProperties", "not", "if", "then", "else", "contains",
                        "propertyNames", "unevaluatedItems", "unevaluatedProperties"];

// Schema objects: `examples` is an array of instances (JSON Schema 2020-12 §9.5).
function walkSchema(compile, schema, pointer) {
    if (schema === null || typeof schema !== "object")
        return;
    (Array.isArray(schema.examples) ? schema.examples : []).forEach((value, i) =>
        checkExample(compile, schema, value, `${pointer}/examples/${i}`));
    if (schema.example !== undefined)
        checkExample(compile, schema, schema.example, `${pointer}/example`);
    for (const keyword of SCHEMA_MAPS) {
        for (const [name, child] of Object.entries(schema[keyword] ?? {}))
            walkSchema(compile, child, `${pointer}/${keyword}/${escapePointer(name)}`);
    }
    for (const keyword of SCHEMA_LISTS)
        (schema[keyword] ?? []).forEach((child, i) => walkSchema(compile, child, `${pointer}/${keyword}/${i}`));
    for (const keyword of SCHEMA_SINGLES)
        walkSchema(compile, schema[keyword], `${pointer}/${keyword}`);
}

// Media type, parameter and header objects: `schema` plus `example` or `examples` (a map of
// Example objects). Example values are data and are not walked.
function walkDocument(spec, compile, node, pointer) {
    if (node === null || typeof node !== "object")
        return;
    if (pointer === "#/components/schemas") {
        for (const [name, schema] of Object.entries(node))
            walkSchema(compile, schema, `${pointer}/${escapePointer(name)}`);
        return;
    }
    const hasSchema = node.schema !== null && typeof node.schema === "object";
    if (hasSchema) {
        if (node.example !== undefined)
            checkExample(compile, node.schema, node.example, `${pointer}/example`);
        for (const [name, exampleOrRef] of Object.entries(node.examples ?? {})) {
            const example = deref(spec, exampleOrRef);
            if (example?.value !== undefined)
                checkExample(compile, node.schema, example.value, `${pointer}/examples/${escapePointer(name)}`);
        }
        walkSchema(compile, node.schema, `${pointer}/schema`);
    }
    for (const [key, value] of Object.entries(node)) {
        if (hasSchema && (key === "schema" || key === "example" || key === "examples"))
            continue;
        walkDocument(spec, compile, value, `${pointer}/${escapePointer(key)}`);
    }
}

async function main() {
    const spec = loadYaml(specPath);
    if (problems.length === 0) {
        const validator = new Validator();
        const result = await validator.validate(spec);
        if (!result.valid) {
            const errors = Array.isArray(result.errors) ? result.errors : [result.errors];
            for (const error of errors)
                problem("OpenAPI schema", typeof error === "string" ? error : JSON.stringify(error));
        } else if (validator.version !== "3.1") {
            problem("OpenAPI schema", `expected an OpenAPI 3.1 document, got ${validator.version}`);
        }
        checkRefs(spec, spec, "#");
        const operationCount = checkOperations(spec);
        const compile = makeAjv(spec);
        walkDocument(spec, compile, spec, "#");
        if (problems.length === 0) {
            console.log(`openapi-lint: ${specPath} is valid OpenAPI ${validator.version}: `
                + `${operationCount} operations, ${examplesChecked} examples checked`);
            return 0;
        }
    }
    for (const line of problems)
        console.error(line);
    console.error(`openapi-lint: ${problems.length} problem(s) in ${specPath}`);
    return 1;
}

process.exitCode = await main();
