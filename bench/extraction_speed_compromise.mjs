// Throughput of the npm package `compromise` on a kgforge JSONL corpus (one {"id","text",...} per line).
// Usage: node bench/extraction_speed_compromise.mjs CORPUS.jsonl [--runs N]
// Times only the processing loop (nlp(text) + people/places/organizations .out('array')),
// not reading or parsing the file. Prints one JSON object on stdout.
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
const version = nlp.version;
// Node start-up plus loading compromise (its model load), for a like-for-like comparison.
const startupSeconds = process.uptime();

const args = process.argv.slice(2);
const corpus = args[0];
let runs = 3;
const r = args.indexOf('--runs');
if (r >= 0) runs = Number(args[r + 1]);

const texts = readFileSync(corpus, 'utf8')
  .split('\n')
  .filter((l) => l.trim().length > 0)
  .map((l) => JSON.parse(l).text);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);

const results = [];
let counts = null;
for (let run = 0; run < runs; run++) {
  let people = 0, places = 0, orgs = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const text of texts) {
    const doc = nlp(text);
    people += doc.people().out('array').length;
    places += doc.places().out('array').length;
    orgs += doc.organizations().out('array').length;
  }
  const t1 = process.hrtime.bigint();
  const cpu = process.cpuUsage(cpu0);
  const wall = Number(t1 - t0) / 1e9;
  results.push({ wall_s: wall, cpu_s: (cpu.user + cpu.system) / 1e6 });
  counts = { people, places, organizations: orgs };
}
process.stdout.write(
  JSON.stringify({
    compromise_version: version,
    node_version: process.version,
    documents: texts.length,
    text_bytes: bytes,
    startup_s: startupSeconds,
    runs: results,
    mentions: counts,
  }) + '\n',
);
