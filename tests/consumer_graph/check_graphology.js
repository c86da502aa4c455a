#!/usr/bin/env node
// Checks that graphology reads kgforge's GraphML and GEXF exports exactly.
//
// Usage: node check_graphology.js --json graph.json [--with-documents]
//                                 [--graphml graph.graphml] [--gexf graph.gexf]
//
// graph.json is the same graph's `--format json` export (the reference). graphology-graphml's
// and graphology-gexf's parse() must build a graph with the same node and edge counts, node
// ids, edge ids and entity names (after the replacement of characters XML 1.0 forbids,
// docs/FORMATS-graphml-gexf.md). The files must also be well-formed for @xmldom/xmldom in
// strict mode (any parser warning or error fails). Modules come from /work/main/node_modules
// (package.json devDependencies: graphology, graphology-graphml, graphology-gexf).
// --with-documents: the files were written with include_documents (document nodes
// "document:<id>" named by title and labelled by title or id, one MENTIONS edge per mention).
'use strict';

const fs = require('fs');

function fail(message) {
  process.stderr.write(`FAIL: ${message}\n`);
  process.exit(1);
}

function load(name) {
  try {
    return require(name);
  } catch (error) {
    fail(`cannot load ${name} (run npm install at the project root): ${error.message}`);
  }
}

const {MultiDirectedGraph} = load('graphology');
const graphml = load('graphology-graphml');
const gexf = load('graphology-gexf');
const {DOMParser} = load('@xmldom/xmldom');

const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/gu;  // u: astral characters are not two surrogates
const ID_ESCAPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd\ufffe\uffff]/gu;
const sanitize = text => text.replace(FORBIDDEN, '\ufffd');
const sanitizeId = text =>
  text.replace(ID_ESCAPED, c => '\ufffd' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'));

function show(value) {
  const text = JSON.stringify(value);
  return text.length <= 80 ? text : `${text.slice(0, 80)}... (${value.length} chars)`;
}

function compareMultiset(what, expected, actual) {
  const counts = new Map();
  for (const x of expected) counts.set(x, (counts.get(x) || 0) + 1);
  for (const x of actual) counts.set(x, (counts.get(x) || 0) - 1);
  const missing = [];
  const extra = [];
  for (const [x, n] of counts) {
    if (n > 0) missing.push(show(x));
    if (n < 0) extra.push(show(x));
  }
  if (missing.length || extra.length)
    fail(`${what} differ: missing [${missing.slice(0, 5)}], unexpected [${extra.slice(0, 5)}]`);
}

function strictParse(file, text) {
  const problems = [];
  const report = level => message => problems.push(`${level}: ${message}`);
  new DOMParser({
    errorHandler: {warning: report('warning'), error: report('error'), fatalError: report('fatal')},
  }).parseFromString(text, 'application/xml');
  if (problems.length) fail(`@xmldom/xmldom on ${file}: ${problems.slice(0, 3).join('; ')}`);
}

function check(consumer, ref, graph, nameKey) {
  if (graph.order !== ref.nodeCount)
    fail(`${consumer}: ${graph.order} nodes, JSON export has ${ref.nodeCount}`);
  if (graph.size !== ref.edgeCount)
    fail(`${consumer}: ${graph.size} edges, JSON export has ${ref.edgeCount}`);
  compareMultiset(`${consumer}: node ids`, ref.nodeIds, graph.nodes());
  compareMultiset(`${consumer}: edge ids`, ref.edgeIds, graph.edges());
  const names = [];
  const labels = [];
  graph.forEachNode((node, attr) => {
    names.push(attr[nameKey] === undefined ? '' : String(attr[nameKey]));
    labels.push(attr.label === undefined || attr.label === null ? '' : String(attr.label));
  });
  compareMultiset(`${consumer}: node names`, ref.names, names);
  compareMultiset(`${consumer}: node labels`, ref.labels, labels);
  process.stdout.write(
    `ok: ${consumer}: ${graph.order} nodes, ${graph.size} edges, ids and names match\n`);
}

function main() {
  const args = {};
  const argv = process.argv.slice(2).filter(a => a !== '--with-documents');
  const withDocuments = argv.length !== process.argv.length - 2;
  for (let i = 0; i < argv.length; i += 2) {
    if (!['--json', '--graphml', '--gexf'].includes(argv[i]) || i + 1 >= argv.length)
      fail(`usage: check_graphology.js --json graph.json [--graphml FILE] [--gexf FILE]`);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  if (!args.json || (!args.graphml && !args.gexf))
    fail('usage: check_graphology.js --json graph.json [--graphml FILE] [--gexf FILE]');

  const reference = JSON.parse(fs.readFileSync(args.json, 'utf8'));
  const ref = {
    nodeIds: reference.nodes.map(n => sanitizeId(n.id)),
    edgeIds: reference.edges.map(e => sanitizeId(e.id)),
    names: reference.nodes.map(n => sanitize(n.name)),
    labels: reference.nodes.map(n => sanitize(n.name)),
  };
  if (withDocuments) {
    for (const doc of reference.documents) {
      const id = sanitizeId('document:' + doc.id);
      ref.nodeIds.push(id);
      ref.names.push(sanitize(doc.title));
      ref.labels.push(sanitize(doc.title || doc.id));
      for (const m of doc.mentions) ref.edgeIds.push(`${id}|MENTIONS|${sanitizeId(m.entity)}`);
    }
  }
  ref.nodeCount = ref.nodeIds.length;
  ref.edgeCount = ref.edgeIds.length;

  try {
    if (args.graphml) {
      const text = fs.readFileSync(args.graphml, 'utf8');
      strictParse(args.graphml, text);
      // GraphML attributes are keyed by attr.name.
      check('graphology-graphml parse', ref, graphml.parse(MultiDirectedGraph, text), 'name');
    }
    if (args.gexf) {
      const text = fs.readFileSync(args.gexf, 'utf8');
      strictParse(args.gexf, text);
      // graphology-gexf keys attributes by their (non-numeric) id: "v_name".
      const graph = gexf.parse(MultiDirectedGraph, text);
      check('graphology-gexf parse', ref, graph, 'v_name');
      graph.forEachEdge((edge, attr) => {
        if (typeof attr.kind !== 'string' || typeof attr.weight !== 'number')
          fail(`graphology-gexf parse: edge ${show(edge)} lacks kind or numeric weight`);
      });
    }
  } catch (error) {
    fail(`${error.name}: ${error.message}`);
  }
}

main();
