// Sums the counters of every .trx file in a folder and prints the totals, the last line being "N passed, N failed".
const fs = require("fs");
const path = require("path");

const dir = process.argv[2];
const files = fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".trx"));
const totals = { total: 0, passed: 0, failed: 0, notExecuted: 0 };
for (const file of files) {
  const xml = fs.readFileSync(path.join(dir, String(file)), "utf8");
  const counters = /<Counters\b([^>]*)\/?>/.exec(xml);
  if (!counters) continue;
  for (const key of Object.keys(totals)) {
    const m = new RegExp(`\\b${key}="(\\d+)"`).exec(counters[1]);
    if (m) totals[key] += Number(m[1]);
  }
  for (const m of xml.matchAll(/<UnitTestResult\b[^>]*testName="([^"]*)"[^>]*outcome="NotExecuted"/g)) {
    console.log(`skipped: ${m[1]}`);
  }
}
if (files.length === 0 || totals.total === 0) {
  console.log("no test results found");
  process.exit(1);
}
console.log(`${files.length} test project(s), ${totals.total} tests, ${totals.notExecuted} skipped`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
