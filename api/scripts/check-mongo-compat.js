'use strict';
// Fails when API code uses a MongoDB feature that FerretDB v1 (our embedded default) lacks or does not make
// atomic. The list and the reasons are in the README ("Database compatibility"). Run: npm run check:compat -w api
const fs = require('node:fs');
const path = require('node:path');

const RULES = [
  { id: 'transactions', re: /\b(startTransaction|withTransaction|startSession)\s*\(/, why: 'no multi-document transactions' },
  { id: '$lookup', re: /['"]?\$(lookup|graphLookup)\b/, why: 'no $lookup/$graphLookup' },
  { id: '$facet', re: /['"]?\$facet\b/, why: 'no $facet' },
  { id: '$elemMatch', re: /['"]?\$elemMatch\b/, why: 'no $elemMatch' },
  { id: '$cond', re: /['"]?\$cond\b/, why: 'no $cond' },
  { id: 'group-accumulator', re: /\$group[\s\S]{0,600}?['"]?\$(avg|push)\b/, why: 'no $avg/$push accumulators in $group' },
  { id: 'partial-index', re: /partialFilterExpression/, why: 'no partial indexes' },
  { id: 'sparse-index', re: /\bsparse\s*:\s*true/, why: 'no sparse indexes' },
  { id: 'collation', re: /\bcollation\s*[:(]/, why: 'no collation' },
  { id: 'change-stream', re: /\.watch\s*\(/, why: 'no change streams' },
  { id: '$inc', re: /['"]?\$inc\b/, why: 'concurrent $inc loses updates on FerretDB v1: insert one document per event, or claim with a unique _id' },
  { id: 'guarded-update', re: /\bfindOneAndUpdate\s*\([^)]*?mongoose\.trusted/, why: 'a guarded findOneAndUpdate is not atomic on FerretDB v1: claim with a unique _id insert' },
  { id: '$where', re: /['"]?\$where\b/, why: 'never run JavaScript in the database' },
];

function stripComments(src) {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function scanSource(source, file = '<source>') {
  const code = stripComments(source);
  const found = [];
  for (const rule of RULES) {
    const m = rule.re.exec(code);
    if (m) {
      const line = code.slice(0, m.index).split('\n').length;
      found.push({ file, line, rule: rule.id, why: rule.why });
    }
  }
  return found;
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listFiles(p);
    return /\.(ts|js)$/.test(e.name) && !/\.test\.(ts|js)$/.test(e.name) ? [p] : [];
  });
}

function scanTree(dir) {
  return listFiles(dir).flatMap((f) => scanSource(fs.readFileSync(f, 'utf8'), path.relative(process.cwd(), f)));
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', 'src');
  const problems = scanTree(dir);
  if (problems.length) {
    for (const p of problems) console.error(`${p.file}:${p.line}  ${p.rule}: ${p.why}`);
    console.error(`\n${problems.length} use(s) of MongoDB features the embedded FerretDB v1 lacks. See README, "Database compatibility".`);
    process.exit(1);
  }
  console.log(`database compatibility: ${listFiles(dir).length} files checked, no forbidden MongoDB features`);
}

module.exports = { scanSource, scanTree, RULES };
