#!/usr/bin/env node
// Makes tests/LarkBotAdapter.Tests/TestData/eventstream-vectors.json: AWS event-stream frames encoded by
// @smithy/eventstream-codec (the codec of the AWS SDK for JavaScript v3), to cross-check the test kit's encoder
// and the app's decoder. Run: cd tests/tooling && npm ci && npm run eventstream-vectors
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { EventStreamCodec } = require('@smithy/eventstream-codec');
const codecVersion = require('@smithy/eventstream-codec/package.json').version;

const outFile = path.join(__dirname, '..', 'LarkBotAdapter.Tests', 'TestData', 'eventstream-vectors.json');
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const codec = new EventStreamCodec((bytes) => decoder.decode(bytes), (text) => encoder.encode(text));

// Headers are [name, value] pairs of string headers, in wire order (the codec keeps object key order).
const event = (eventType, payload) => [[':event-type', eventType], [':content-type', 'application/json'], [':message-type', 'event'], payload];
const exception = (type, payload) => [[':exception-type', type], [':content-type', 'application/json'], [':message-type', 'exception'], payload];

const inputs = [
  { name: 'output', message: event('output', '{"text":"Restart the checkout pods first."}') },
  {
    name: 'output-chinese-and-emoji',
    message: event('output', JSON.stringify({ text: '先回滚最近一次发布，再通知值班负责人 🚀' })),
  },
  {
    name: 'citation',
    message: event('citation', JSON.stringify({
      generatedResponsePart: { textResponsePart: { text: 'Restart the checkout pods first.', span: { start: 0, end: 31 } } },
      retrievedReferences: [{
        content: { text: 'To recover checkout, restart the pods.' },
        location: { type: 'S3', s3Location: { uri: 's3://test-runbooks/checkout/restart.md' } },
        metadata: { 'x-amz-bedrock-kb-source-uri': 's3://test-runbooks/checkout/restart.md' },
      }],
    })),
  },
  { name: 'guardrail', message: event('guardrail', '{"action":"INTERVENED"}') },
  { name: 'throttling-exception', message: exception('throttlingException', '{"message":"Too many requests."}') },
  { name: 'empty-payload', message: event('output', '') },
];

const vectors = inputs.map(({ name, message }) => {
  const [h1, h2, h3, payload] = message;
  const headers = {};
  for (const [key, value] of [h1, h2, h3]) headers[key] = { type: 'string', value };
  const bytes = codec.encode({ headers, body: encoder.encode(payload) });
  const decoded = codec.decode(bytes);
  if (decoder.decode(decoded.body) !== payload) throw new Error(`round trip of ${name} failed`);
  for (const [key, value] of [h1, h2, h3]) {
    if (decoded.headers[key].value !== value) throw new Error(`header ${key} of ${name} did not round-trip`);
  }
  return { name, headers: [h1, h2, h3], payload, frameBase64: Buffer.from(bytes).toString('base64') };
});

// A frame whose last byte (message CRC) is flipped: the codec must reject it, and so must we.
const good = Buffer.from(vectors[0].frameBase64, 'base64');
const bad = Buffer.from(good);
bad[bad.length - 1] ^= 0xff;
let rejected = null;
try {
  codec.decode(bad);
} catch (e) {
  rejected = String(e && e.message ? e.message : e);
}
if (rejected === null) throw new Error('codec accepted a bad message CRC');

const result = {
  generatedBy: 'tests/tooling/make-eventstream-vectors.js',
  codec: { package: '@smithy/eventstream-codec', version: codecVersion },
  vectors,
  badCrc: { name: 'flipped-message-crc', frameBase64: bad.toString('base64'), codecError: rejected },
};

fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), outFile)} (codec ${codecVersion})`);
