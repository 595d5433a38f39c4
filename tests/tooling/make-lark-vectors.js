#!/usr/bin/env node
// Makes tests/LarkBotAdapter.Tests/TestData/lark-vectors.json: Lark event decryption and
// X-Lark-Signature cases, each checked against @larksuiteoapi/node-sdk (the official SDK).
// Run: cd tests/tooling && npm ci && npm run lark-vectors
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const lark = require('@larksuiteoapi/node-sdk');
const sdkVersion = require('@larksuiteoapi/node-sdk/package.json').version;

const outFile = path.join(__dirname, '..', 'LarkBotAdapter.Tests', 'TestData', 'lark-vectors.json');

// Encrypts like the Lark platform does: AES-256-CBC, key = SHA-256(encrypt key), random IV prepended.
function encrypt(encryptKey, plaintext, iv = crypto.randomBytes(16)) {
  const key = crypto.createHash('sha256').update(encryptKey, 'utf8').digest();
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

// Same as encrypt, but with caller-made padding so the SDK sees broken PKCS7 or non-UTF-8 text.
function encryptRaw(encryptKey, paddedBytes) {
  const key = crypto.createHash('sha256').update(encryptKey, 'utf8').digest();
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  cipher.setAutoPadding(false);
  return Buffer.concat([iv, cipher.update(paddedBytes), cipher.final()]).toString('base64');
}

function sdkDecrypt(encryptKey, encrypted) {
  try {
    return { ok: true, value: new lark.AESCipher(encryptKey).decrypt(encrypted) };
  } catch (e) {
    return { ok: false, error: String(e && e.message ? e.message : e) };
  }
}

// The SDK's own check: EventDispatcher -> RequestHandle.checkIsEventValidated. It hashes
// timestamp + nonce + encryptKey + JSON.stringify(parsed body), with headers on the prototype
// exactly as the SDK's HTTP adapters attach them.
function sdkAcceptsSignature({ timestamp, nonce, encryptKey, body, signature }) {
  const dispatcher = new lark.EventDispatcher({ encryptKey, loggerLevel: lark.LoggerLevel.error });
  const headers = {
    'x-lark-request-timestamp': timestamp,
    'x-lark-request-nonce': nonce,
    'x-lark-signature': signature,
  };
  const data = Object.assign(Object.create({ headers }), JSON.parse(body));
  return dispatcher.requestHandle.checkIsEventValidated(data);
}

function signature(timestamp, nonce, encryptKey, body) {
  return crypto.createHash('sha256').update(timestamp + nonce + encryptKey + body, 'utf8').digest('hex');
}

function assert(condition, message) {
  if (!condition) throw new Error(`vector check failed: ${message}`);
}

const messageEvent = (text) => JSON.stringify({
  schema: '2.0',
  header: {
    event_id: 'ev_vector_1', event_type: 'im.message.receive_v1', create_time: '1700000000000',
    token: 'test-verification-token', app_id: 'cli_test_app', tenant_key: 'test-tenant',
  },
  event: {
    sender: { sender_id: { open_id: 'ou_test_user' }, sender_type: 'user', tenant_key: 'test-tenant' },
    message: {
      message_id: 'om_vector_1', root_id: '', parent_id: '', create_time: '1700000000000',
      chat_id: 'oc_test_chat', chat_type: 'group', message_type: 'text',
      content: JSON.stringify({ text: text }),
      mentions: [{ key: '@_user_1', id: { open_id: 'ou_test_bot' }, name: 'Test Bot', tenant_key: 'test-tenant' }],
    },
  },
});

const decryptInputs = [
  { name: 'short-json', encryptKey: 'test-encrypt-key', plaintext: '{"a":1}' },
  { name: 'exact-block-multiple', encryptKey: 'test-encrypt-key', plaintext: '{"k":"0123456789abcdef0123"}' },
  {
    name: 'url-verification', encryptKey: 'test-encrypt-key',
    plaintext: '{"challenge":"test-challenge-1","token":"test-verification-token","type":"url_verification"}',
  },
  { name: 'chinese-message-event', encryptKey: 'test-encrypt-key', plaintext: messageEvent('@_user_1 查询一下 集群状态，谢谢！') },
  { name: 'emoji-and-escapes', encryptKey: 'test-encrypt-key', plaintext: messageEvent('@_user_1 deploy 🚀 "quoted" \\ back\nline') },
  { name: 'non-ascii-encrypt-key', encryptKey: 'test-加密-key', plaintext: '{"text":"密钥按 UTF-8 求 SHA-256"}' },
];

const decrypt = decryptInputs.map((input) => {
  const encrypted = encrypt(input.encryptKey, input.plaintext);
  const sdk = sdkDecrypt(input.encryptKey, encrypted);
  assert(sdk.ok && sdk.value === input.plaintext, `SDK round trip of ${input.name}`);
  return { ...input, encrypt: encrypted, sdkDecrypted: sdk.value };
});

// A wrong key must fail on padding in the SDK; retry on the rare random IV that happens to unpad.
function wrongKeyCase() {
  for (;;) {
    const encrypted = encrypt('test-encrypt-key', '{"challenge":"x","type":"url_verification"}');
    const sdk = sdkDecrypt('test-other-key', encrypted);
    if (!sdk.ok) return { encrypted, sdk };
  }
}

const wrongKey = wrongKeyCase();
// Last byte says 5 padding bytes but the four before it are 0x02; and a zero padding byte.
const badPadding = encryptRaw('test-encrypt-key', Buffer.concat([Buffer.from('{"a":"bcdefghi"}', 'utf8'), Buffer.alloc(15, 0x02), Buffer.from([0x05])]));
const zeroPadding = encryptRaw('test-encrypt-key', Buffer.concat([Buffer.from('{"a":"bcdefghi"}', 'utf8'), Buffer.alloc(16, 0x00)]));
const nonUtf8 = encryptRaw('test-encrypt-key', Buffer.concat([Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), Buffer.alloc(12, 12)]));
const validForTruncation = encrypt('test-encrypt-key', '{"challenge":"truncate-me","type":"url_verification"}');

const decryptNegative = [
  { name: 'wrong-key', encryptKey: 'test-other-key', encrypt: wrongKey.encrypted },
  { name: 'bad-pkcs7-padding', encryptKey: 'test-encrypt-key', encrypt: badPadding },
  { name: 'zero-pkcs7-padding', encryptKey: 'test-encrypt-key', encrypt: zeroPadding },
  { name: 'not-base64', encryptKey: 'test-encrypt-key', encrypt: '!!not base64!!' },
  { name: 'shorter-than-iv', encryptKey: 'test-encrypt-key', encrypt: Buffer.alloc(10, 1).toString('base64') },
  { name: 'iv-only', encryptKey: 'test-encrypt-key', encrypt: Buffer.alloc(16, 1).toString('base64') },
  {
    name: 'not-whole-blocks', encryptKey: 'test-encrypt-key',
    encrypt: Buffer.from(validForTruncation, 'base64').subarray(0, 16 + 16 + 5).toString('base64'),
  },
  { name: 'invalid-utf8-plaintext', encryptKey: 'test-encrypt-key', encrypt: nonUtf8 },
  { name: 'empty', encryptKey: 'test-encrypt-key', encrypt: '' },
].map((c) => {
  const sdk = sdkDecrypt(c.encryptKey, c.encrypt);
  assert(!sdk.ok || c.name === 'invalid-utf8-plaintext', `SDK fails on ${c.name}`);
  // Where the SDK is lenient (Buffer base64, U+FFFD for bad UTF-8) we are strict; record what it did.
  return { ...c, sdkOutcome: sdk.ok ? `returned ${JSON.stringify(sdk.value)}` : `threw: ${sdk.error}` };
});

const signatureInputs = [
  { name: 'encrypted-body', timestamp: '1700000000', nonce: 'test-nonce-1', encryptKey: 'test-encrypt-key', body: JSON.stringify({ encrypt: decrypt[3].encrypt }) },
  { name: 'plain-challenge', timestamp: '1700000123', nonce: '5f2c-test', encryptKey: 'test-encrypt-key', body: '{"challenge":"test-challenge-1","token":"test-verification-token","type":"url_verification"}' },
  { name: 'chinese-body', timestamp: '1712345678', nonce: 'nonce-中文', encryptKey: 'test-加密-key', body: '{"text":"你好，世界"}' },
];

const signatures = signatureInputs.map((input) => {
  // The SDK re-serialises the parsed body, so only compact bodies are valid shared vectors.
  assert(JSON.stringify(JSON.parse(input.body)) === input.body, `${input.name} body is compact JSON`);
  const sig = signature(input.timestamp, input.nonce, input.encryptKey, input.body);
  assert(sdkAcceptsSignature({ ...input, signature: sig }), `SDK accepts ${input.name}`);
  return { ...input, signature: sig, sdkAccepted: true };
});

const base = signatures[0];
const signatureNegative = [
  { ...base, name: 'tampered-body', body: base.body.replace('"encrypt":"', '"encrypt":"A') },
  { ...base, name: 'other-timestamp', timestamp: '1700000001' },
  { ...base, name: 'other-nonce', nonce: 'test-nonce-2' },
  { ...base, name: 'other-key', encryptKey: 'test-other-key' },
  { ...base, name: 'flipped-signature', signature: (base.signature[0] === '0' ? '1' : '0') + base.signature.slice(1) },
  { ...base, name: 'truncated-signature', signature: base.signature.slice(0, 63) },
].map((c) => {
  const accepted = sdkAcceptsSignature(c);
  assert(!accepted, `SDK rejects ${c.name}`);
  return { name: c.name, timestamp: c.timestamp, nonce: c.nonce, encryptKey: c.encryptKey, body: c.body, signature: c.signature, sdkAccepted: accepted };
});

const vectors = {
  generatedBy: 'tests/tooling/make-lark-vectors.js',
  sdk: { package: '@larksuiteoapi/node-sdk', version: sdkVersion },
  confirmedBy: {
    decrypt: 'AESCipher.decrypt (exported class) returned sdkDecrypted; plaintext encrypted with node:crypto aes-256-cbc, random IV',
    decryptNegative: 'AESCipher.decrypt; sdkOutcome records what the SDK did (it is lenient on base64 and UTF-8, we are strict)',
    signatures: 'EventDispatcher.requestHandle.checkIsEventValidated accepted the signature (sha256 hex of timestamp+nonce+encryptKey+body)',
    signatureNegative: 'EventDispatcher.requestHandle.checkIsEventValidated rejected each case',
  },
  decrypt,
  decryptNegative,
  signatures,
  signatureNegative,
};

fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, `${JSON.stringify(vectors, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), outFile)} (SDK ${sdkVersion})`);
