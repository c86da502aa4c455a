#!/usr/bin/env node
// Prints the N-Quads of a JSON-LD file as jsonld.js (the reference JavaScript processor)
// sees them. Usage: node jsonld_to_nquads.cjs FILE.jsonld > out.nq  (NODE_PATH may point
// at the node_modules holding jsonld). Remote contexts are refused: the file must carry
// its own context.
'use strict';
const fs = require('fs');
let jsonld;
try {
  jsonld = require('jsonld');
} catch (error) {
  console.error('jsonld_to_nquads: FAIL: cannot load jsonld (npm install it, or set NODE_PATH): ' +
                error.message);
  process.exit(1);
}
const doc = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const documentLoader = (url) => {
  throw new Error('remote context requested: ' + url);
};
jsonld.toRDF(doc, { format: 'application/n-quads', documentLoader, safe: true })
  .then((nquads) => process.stdout.write(nquads))
  .catch((error) => {
    console.error('jsonld_to_nquads: FAIL: ' + (error.stack || error));
    process.exit(1);
  });
