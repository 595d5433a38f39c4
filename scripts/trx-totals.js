// Sums the counters of every .trx file in a folder and prints the totals, the last line being "N passed, N failed".
const fs = require("fs");
const path = require("path");

const dir = process.argv[2];
const files = fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".trx"));
const totals = { total: 0, passed: 0, failed: 0, notExecuted: 0 };
// Issue 7's fault and hostile-input suites report their own size and time (target: under 3 minutes in CI).
const suites = { Faults: [], Hostile: [] };
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
  for (const m of xml.matchAll(/<UnitTestResult\b([^>]*)>/g)) {
    const attr = (name) => (new RegExp(`\\b${name}="([^"]*)"`).exec(m[1]) || [])[1];
    const suite = /\.(Faults|Hostile)\./.exec(attr("testName") || "");
    if (suite) suites[suite[1]].push({ outcome: attr("outcome"), start: Date.parse(attr("startTime")), end: Date.parse(attr("endTime")), seconds: seconds(attr("duration")) });
  }
}
if (files.length === 0 || totals.total === 0) {
  console.log("no test results found");
  process.exit(1);
}
for (const [name, results] of Object.entries(suites)) {
  if (results.length === 0) continue;
  const passed = results.filter((r) => r.outcome === "Passed").length;
  const summed = results.reduce((sum, r) => sum + r.seconds, 0);
  const span = (Math.max(...results.map((r) => r.end)) - Math.min(...results.map((r) => r.start))) / 1000;
  console.log(`${name} suite: ${results.length} tests, ${passed} passed, ${summed.toFixed(1)} s of test time, ${span.toFixed(1)} s from first start to last end`);
}
console.log(`${files.length} test project(s), ${totals.total} tests, ${totals.notExecuted} skipped`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);

function seconds(duration) {
  const m = /^(\d+):(\d+):([\d.]+)$/.exec(duration || "");
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : 0;
}
