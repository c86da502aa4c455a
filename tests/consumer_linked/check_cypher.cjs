#!/usr/bin/env node
// Lints kgforge Cypher scripts with Neo4j's own parser (@neo4j-cypher/language-support,
// lintCypherQuery) and checks their shape: constraints first, statements end with ';'.
// Usage: node check_cypher.cjs FILE.cypher [FILE.cypher ...]   (NODE_PATH may point at
// the node_modules holding @neo4j-cypher/language-support). Exits 1 on any problem.
'use strict';
const fs = require('fs');

function fail(message) {
  console.error('check_cypher: FAIL: ' + message);
  process.exit(1);
}

let lintCypherQuery;
try {
  ({ lintCypherQuery } = require('@neo4j-cypher/language-support'));
} catch (error) {
  fail('cannot load @neo4j-cypher/language-support (npm install it, or set NODE_PATH): ' +
       error.message);
}
if (process.argv.length < 3) fail('usage: check_cypher.cjs FILE.cypher...');

for (const file of process.argv.slice(2)) {
  // The linter loses its (semantic) diagnostics on a statement holding two or more \uXXXX
  // escapes, or characters outside the BMP (UTF-16 vs code point offsets), so lint a copy
  // with each well-formed \uXXXX escape replaced by '_' and each non-BMP character by
  // U+FFFD. Same syntax: kgforge writes both only inside string literals. The canary below
  // proves the linter then really checks every statement.
  const original = fs.readFileSync(file, 'utf8');
  const text = original.replace(/\\(\\|u[0-9a-fA-F]{4})/g, (m, e) => (e === '\\' ? m : '_'))
                   .replace(/[\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
  const { diagnostics } = lintCypherQuery(text, {});
  const errors = diagnostics.filter((d) => d.severity === 1);
  const warnings = diagnostics.filter((d) => d.severity !== 1);
  for (const d of errors.slice(0, 10)) {
    const line = text.split('\n')[d.range.start.line] || '';
    console.error(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ` +
                  `${d.message}\n    ${line.slice(0, 200)}`);
  }
  if (errors.length) fail(`${file}: ${errors.length} lint error(s)`);
  // Canary: the linter silently stops reporting errors in a statement for some string
  // contents (its Java semantic pass gives up on a statement holding "\u000d" and "\u000a"
  // escapes), so its silence must be earned: the literal rows of every statement followed by
  // a semantic error (MERGE without a relationship type) must be reported. (Only the rows:
  // linting takes seconds per statement.)
  const statements = text.split(/;\n/).filter((st) => st.replace(/^\/\/.*$/gm, '').trim());
  for (const st of statements) {
    const end = st.search(/\n\] AS (row|id)\n/);
    if (end < 0) continue;
    const rows = st.slice(st.indexOf('UNWIND ['), end) + '\n] AS row MERGE (s)-[r]->(o);\n';
    const broken = lintCypherQuery(rows, {}).diagnostics.filter((d) => d.severity === 1);
    if (broken.length === 0)
      fail(`${file}: the linter does not report a semantic error after the rows of the ` +
           `statement starting ${JSON.stringify(st.trim().slice(0, 120))}, so it did not ` +
           'check them');
  }
  // Shape: the constraints come before any data statement; every statement ends with ';'.
  const code = text.split('\n').filter((l) => !l.startsWith('//')).join('\n').trim();
  if (code && !code.endsWith(';')) fail(`${file}: the last statement does not end with ';'`);
  const entity = code.indexOf(
      'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;');
  const document = code.indexOf(
      'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;');
  if (entity < 0 || document < 0) fail(`${file}: the named uniqueness constraints are missing`);
  const firstData = Math.min(...['UNWIND', 'LOAD CSV', 'MERGE', 'MATCH']
                                 .map((k) => code.indexOf(k)).filter((i) => i >= 0));
  if (Number.isFinite(firstData) && (entity > firstData || document > firstData))
    fail(`${file}: a data statement comes before the constraints`);
  if (/\$[A-Za-z_]/.test(code.replace(/"(?:[^"\\]|\\.)*"/g, '""')))
    fail(`${file}: uses a $parameter; scripts must run without parameters`);
  console.log(`check_cypher: ok: ${file}: ${code.length} characters, 0 errors, ` +
              `${warnings.length} warning(s)`);
}
