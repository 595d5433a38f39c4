#!/usr/bin/env node
// Makes tests/LarkBotAdapter.Tests/TestData/qcli-vectors.json: X-ChatOps-Signature values of the Q CLI proxy
// protocol (v2, DESIGN 4.6: METHOD "\n" PATH "\n" timestamp "\n" body; v1 kept for rolling upgrades), computed with node:crypto and, where the openssl CLI is installed, confirmed with
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
    method: 'POST',
    path: '/v1/chat',
    secret: 'test-qcli-proxy-secret',
    timestamp: '1736933400',
    body: '{"conversationId":"lark:cli_test:oc_chat:om_root","prompt":"is checkout-api throwing 5xx in prod?","user":"ou_user","channel":"lark","awsProfile":null}',
  },
  {
    name: 'unicode and escapes in the body, a profile',
    method: 'POST',
    path: '/v1/chat',
    secret: 'another-test-secret-value',
    timestamp: '1700000000',
    body: '{"conversationId":"slack:T1:C1:1700000000.000100","prompt":"prod 环境的 \\"checkout\\" 报错吗？ 😀","user":"U1","channel":"slack","awsProfile":"prod"}',
  },
  {
    name: 'empty body',
    method: 'POST',
    path: '/v1/chat',
    secret: 'test-qcli-proxy-secret',
    timestamp: '0',
    body: '',
  },
  {
    name: 'execute request',
    method: 'POST',
    path: '/v1/proposals/P-20261205-7f3a9c2e/execute',
    secret: 'test-qcli-proxy-secret',
    timestamp: '1764930300',
    body: '{"argumentsHash":"5f1c0e4b9a7d2c3e8f6a1b0d9c8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e","approvedBy":"lark:ou_approver"}',
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

function mac(c, message) {
  const hex = crypto.createHmac('sha256', Buffer.from(c.secret, 'utf8')).update(message).digest('hex');
  const confirmed = opensslHex(c.secret, message);
  if (confirmed !== null && confirmed !== hex) {
    throw new Error(`openssl disagrees for "${c.name}": ${confirmed} vs ${hex}`);
  }
  return { hex, confirmed: confirmed !== null };
}

const vectors = cases.map((c) => {
  const body = Buffer.from(c.body, 'utf8');
  const v2 = mac(c, Buffer.concat([Buffer.from(`${c.method}\n${c.path}\n${c.timestamp}\n`, 'utf8'), body]));
  const v1 = mac(c, Buffer.concat([Buffer.from(c.timestamp + '.', 'utf8'), body]));
  return {
    ...c,
    bodyBase64: body.toString('base64'),
    signature: 'v2=' + v2.hex,
    signatureV1: 'v1=' + v1.hex,
    confirmedByOpenssl: v2.confirmed && v1.confirmed,
  };
});

const doc = {
  generatedBy: 'tests/tooling/make-qcli-vectors.js',
  rule: 'X-ChatOps-Signature = "v2=" + lowercase hex HMAC-SHA256(secret, METHOD + "\\n" + PATH + "\\n" + timestamp + "\\n" + raw body bytes)',
  ruleV1: 'signatureV1 (rolling upgrades only) = "v1=" + lowercase hex HMAC-SHA256(secret, timestamp + "." + raw body bytes)',
  vectors,
};
fs.writeFileSync(outFile, JSON.stringify(doc, null, 2) + '\n');
console.log(`wrote ${vectors.length} vectors to ${outFile}`);
