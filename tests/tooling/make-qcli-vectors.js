#!/usr/bin/env node
// Makes tests/LarkBotAdapter.Tests/TestData/qcli-vectors.json: X-ChatOps-Signature values of the Q CLI proxy
// protocol (DESIGN 4.3), computed with node:crypto and, where the openssl CLI is installed, confirmed with
// `openssl dgst -sha256 -hmac`. No npm packages needed. Run: node tests/tooling/make-qcli-vectors.js
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const outFile = path.join(__dirname, '..', 'LarkBotAdapter.Tests', 'TestData', 'qcli-vectors.json');

const cases = [
  {
    name: 'ascii body, no profile',
    secret: 'test-qcli-proxy-secret',
    timestamp: '1736933400',
    body: '{"conversationId":"lark:cli_test:oc_chat:om_root","prompt":"is checkout-api throwing 5xx in prod?","user":"ou_user","channel":"lark","awsProfile":null}',
  },
  {
    name: 'unicode and escapes in the body, a profile',
    secret: 'another-test-secret-value',
    timestamp: '1700000000',
    body: '{"conversationId":"slack:T1:C1:1700000000.000100","prompt":"prod 环境的 \\"checkout\\" 报错吗？ 😀","user":"U1","channel":"slack","awsProfile":"prod"}',
  },
  {
    name: 'empty body',
    secret: 'test-qcli-proxy-secret',
    timestamp: '0',
    body: '',
  },
];

function opensslHex(secret, message) {
  try {
    const out = execFileSync('openssl', ['dgst', '-sha256', '-hmac', secret], { input: message }).toString();
    return out.trim().split(/\s+/).pop();
  } catch {
    return null;
  }
}

const vectors = cases.map((c) => {
  const message = Buffer.concat([Buffer.from(c.timestamp + '.', 'utf8'), Buffer.from(c.body, 'utf8')]);
  const hex = crypto.createHmac('sha256', Buffer.from(c.secret, 'utf8')).update(message).digest('hex');
  const confirmed = opensslHex(c.secret, message);
  if (confirmed !== null && confirmed !== hex) {
    throw new Error(`openssl disagrees for "${c.name}": ${confirmed} vs ${hex}`);
  }
  return { ...c, bodyBase64: Buffer.from(c.body, 'utf8').toString('base64'), signature: 'v1=' + hex, confirmedByOpenssl: confirmed !== null };
});

const doc = {
  generatedBy: 'tests/tooling/make-qcli-vectors.js',
  rule: 'X-ChatOps-Signature = "v1=" + lowercase hex HMAC-SHA256(secret, timestamp + "." + raw body bytes)',
  vectors,
};
fs.writeFileSync(outFile, JSON.stringify(doc, null, 2) + '\n');
console.log(`wrote ${vectors.length} vectors to ${outFile}`);
