#!/usr/bin/env node
// Makes tests/LarkBotAdapter.Tests/TestData/slack-vectors.json: X-Slack-Signature cases, each
// checked with verifySlackRequest from @slack/bolt (Slack's own framework).
// Run: cd tests/tooling && npm ci && npm run slack-vectors
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { verifySlackRequest } = require('@slack/bolt');
const boltVersion = require('@slack/bolt/package.json').version;

const outFile = path.join(__dirname, '..', 'LarkBotAdapter.Tests', 'TestData', 'slack-vectors.json');

const secret = 'test-signing-secret';
const now = 1700000000; // the verification clock, Unix seconds

// Signs like the Slack platform: v0= + hex HMAC-SHA256(secret, "v0:" + timestamp + ":" + raw body).
function sign(signingSecret, timestamp, body) {
  return 'v0=' + crypto.createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`, 'utf8').digest('hex');
}

function boltAccepts({ signingSecret, timestamp, body, signature }) {
  try {
    verifySlackRequest({
      signingSecret,
      body,
      headers: { 'x-slack-request-timestamp': Number(timestamp), 'x-slack-signature': signature },
      nowMilliseconds: now * 1000,
    });
    return { accepted: true };
  } catch (e) {
    return { accepted: false, reason: String(e && e.message ? e.message : e) };
  }
}

const appMention = JSON.stringify({
  token: 'test-verification-token', team_id: 'T0TEST', api_app_id: 'A0TEST', type: 'event_callback',
  event_id: 'Ev0VECTOR', event_time: now,
  event: { type: 'app_mention', user: 'U0ASKER', text: '<@U0BOT> is checkout-api healthy? 检查一下 & <https://example.com|docs>',
    ts: '1700000000.000100', channel: 'C0OPS', event_ts: '1700000000.000100' },
  authorizations: [{ team_id: 'T0TEST', user_id: 'U0BOT', is_bot: true }],
});
const challenge = JSON.stringify({ token: 'test-verification-token', challenge: 'vector-challenge', type: 'url_verification' });
const command = 'token=test-verification-token&team_id=T0TEST&channel_id=C0OPS&channel_name=ops&user_id=U0ASKER'
  + '&command=%2Fask&text=what+is+the+SLA+of+checkout-api%3F+%E6%9F%A5%E4%B8%80%E4%B8%8B'
  + '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0TEST%2F1%2Fabc&trigger_id=1.2.abc';

// expected: what the C# verifier must say. It differs from bolt only where documented (bolt accepts
// timestamps from the future; Slack's rule, which the service follows, is a window both ways).
const cases = [
  { name: 'app-mention', timestamp: `${now}`, body: appMention, expected: true },
  { name: 'url-verification', timestamp: `${now - 10}`, body: challenge, expected: true },
  { name: 'slash-command-form', timestamp: `${now - 299}`, body: command, expected: true },
  { name: 'empty-body', timestamp: `${now}`, body: '', expected: true },
  { name: 'four-minutes-ahead', timestamp: `${now + 240}`, body: appMention, expected: true },
  { name: 'stale-six-minutes', timestamp: `${now - 360}`, body: appMention, expected: false },
  { name: 'future-six-minutes', timestamp: `${now + 360}`, body: appMention, expected: false },
  { name: 'wrong-secret', timestamp: `${now}`, body: appMention, signWith: 'another-signing-secret', expected: false },
  { name: 'tampered-body', timestamp: `${now}`, body: appMention, signedBody: appMention.replace('healthy', 'healthz'), expected: false },
  { name: 'v1-version', timestamp: `${now}`, body: challenge, version: 'v1', expected: false },
  { name: 'uppercase-hex', timestamp: `${now}`, body: challenge, upper: true, expected: false },
  { name: 'timestamp-mismatch', timestamp: `${now}`, body: challenge, signedTimestamp: `${now - 1}`, expected: false },
];

function assert(condition, message) {
  if (!condition) throw new Error(`vector check failed: ${message}`);
}

const vectors = cases.map((c) => {
  let signature = sign(c.signWith || secret, c.signedTimestamp || c.timestamp, c.signedBody !== undefined ? c.signedBody : c.body);
  if (c.version) signature = signature.replace(/^v0=/, `${c.version}=`);
  if (c.upper) signature = 'v0=' + signature.slice(3).toUpperCase();
  const bolt = boltAccepts({ signingSecret: secret, timestamp: c.timestamp, body: c.body, signature });
  // Every case agrees with bolt except a timestamp more than 5 minutes ahead.
  const differs = c.name === 'future-six-minutes';
  assert(differs ? bolt.accepted && !c.expected : bolt.accepted === c.expected, `${c.name}: bolt ${JSON.stringify(bolt)}`);
  return {
    name: c.name,
    signingSecret: secret,
    nowUnixSeconds: now,
    timestamp: c.timestamp,
    body: c.body,
    signature,
    boltAccepted: bolt.accepted,
    expected: c.expected,
  };
});

const output = { sdk: { package: '@slack/bolt', version: boltVersion, function: 'verifySlackRequest' }, vectors };
fs.writeFileSync(outFile, JSON.stringify(output, null, 2) + '\n');
console.log(`wrote ${vectors.length} vectors to ${path.relative(process.cwd(), outFile)}`);
