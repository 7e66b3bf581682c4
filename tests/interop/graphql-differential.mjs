// SPDX-License-Identifier: GPL-3.0-or-later
// Differential test of our GraphQL parser and validator against graphql-js (npm graphql,
// pinned): both read the same SDL and the same corpus of documents; for every document they
// must agree on valid or invalid, and on each error's message and locations (as sets: the two
// visit rules in different orders). Then our introspection, read by buildClientSchema, must
// print the same schema as the SDL. Usage: node graphql-differential.mjs CHECK SCHEMA CORPUS
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  GraphQLError, Kind, buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, parse, print,
  printSchema, validate,
} from 'graphql';

const [check, schemaPath, corpusPath] = process.argv.slice(2);
const schema = buildSchema(readFileSync(schemaPath, 'utf8'));

// Our custom scalars, with the rules and words of core/protocols/graphql/graphqlscalars.cpp,
// so that literal checks can be compared too.
const decimal = /^-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,2})?$/;
const dateTime = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
schema.getType('Decimal').parseLiteral = (node) => {
  if (![Kind.STRING, Kind.INT, Kind.FLOAT].includes(node.kind))
    throw new Error(`Decimal cannot represent ${print(node)}: expected a decimal string such as "249.99".`);
  if (!decimal.test(node.value))
    throw new Error(`Decimal cannot represent ${print(node)}: expected a decimal string such as "249.99" (at most two fraction digits).`);
  return node.value;
};
schema.getType('DateTime').parseLiteral = (node) => {
  if (node.kind !== Kind.STRING || !dateTime.test(node.value))
    throw new Error(`DateTime cannot represent ${print(node)}: expected an RFC 3339 date-time such as "2026-05-01T09:30:00Z".`);
  return node.value;
};

const documents = [];
for (const line of readFileSync(corpusPath, 'utf8').split('\n')) {
  if (line.startsWith('### ')) documents.push({ name: line.slice(4), lines: [] });
  else if (documents.length) documents.at(-1).lines.push(line);
}
for (const d of documents) {
  while (d.lines.length && d.lines.at(-1) === '') d.lines.pop();
  d.query = d.lines.join('\n');
}

const key = (e) => `${e.message} @ ${(e.locations ?? []).map((l) => `${l.line}:${l.column}`).sort().join(',')}`;
const ours = JSON.parse(execFileSync(check, [schemaPath, corpusPath], { maxBuffer: 64 << 20 }).toString());

let failures = 0;
const rulesSeen = new Set();
documents.forEach((d, i) => {
  const mine = ours[i];
  let theirs;
  try {
    theirs = { errors: validate(schema, parse(d.query)).map((e) => ({ message: e.message, locations: e.locations })) };
  } catch (e) {
    if (!(e instanceof GraphQLError)) throw e;
    theirs = { syntaxError: { message: e.message, locations: e.locations } };
  }
  const expectValid = d.name.startsWith('valid:');
  const problems = [];
  if (mine.name !== d.name) problems.push(`corpus out of step: ${mine.name}`);
  if (theirs.syntaxError || mine.syntaxError) {
    if (!theirs.syntaxError || !mine.syntaxError) problems.push('only one side found a syntax error');
    else if (key(theirs.syntaxError) !== key(mine.syntaxError))
      problems.push(`syntax error differs:\n    graphql-js: ${key(theirs.syntaxError)}\n    ours:       ${key(mine.syntaxError)}`);
  } else {
    const a = theirs.errors.map(key).sort();
    const b = mine.errors.map(key).sort();
    if (expectValid !== (a.length === 0)) problems.push(`graphql-js says ${a.length ? 'invalid' : 'valid'}; the corpus says otherwise`);
    if (JSON.stringify(a) !== JSON.stringify(b))
      problems.push(`errors differ:\n    graphql-js: ${a.join('\n                ')}\n    ours:       ${b.join('\n                ')}`);
    for (const e of a) rulesSeen.add(e.replace(/".*?"/g, '""').slice(0, 30));
  }
  if (problems.length) {
    failures++;
    console.log(`FAIL ${d.name}\n  ${problems.join('\n  ')}`);
  }
});
console.log(`${documents.length - failures}/${documents.length} documents agree with graphql-js ${'(' + rulesSeen.size + ' kinds of error)'}`);
// Introspection: the full query graphql-js tools send, with every optional member.
const introspectionQuery = getIntrospectionQuery({
  descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true,
  inputValueDeprecation: true, oneOf: true,
});
const introspection = JSON.parse(execFileSync(check, [schemaPath, '--execute'], { input: introspectionQuery }).toString());
if (introspection.errors) {
  console.log('FAIL introspection answered errors:', JSON.stringify(introspection.errors));
  failures++;
} else {
  const printed = (s) => printSchema(lexicographicSortSchema(s));
  const fromIntrospection = printed(buildClientSchema(introspection.data));
  if (fromIntrospection !== printed(schema)) {
    console.log('FAIL buildClientSchema over our introspection prints another schema:\n' + fromIntrospection);
    failures++;
  } else {
    console.log('buildClientSchema over our introspection prints the same schema as the SDL');
  }
}
if (documents.length < 150) {
  console.log('the corpus must hold at least 150 documents');
  process.exit(1);
}
process.exit(failures ? 1 : 0);
