#!/usr/bin/env node
// Regenerates the sample events for `sam local invoke` (and events/env.json, the matching fake secrets), signed and
// encrypted like Lark and Slack do it, with a fresh timestamp. Node only, no packages.
//
//   node events/make-events.mjs [--out DIR] [--time UNIX_SECONDS]
//
// Secrets and ids come from the environment, with obviously fake defaults:
//   LARK_APP_ID, LARK_APP_SECRET, LARK_VERIFICATION_TOKEN, LARK_ENCRYPT_KEY, LARK_BOT_OPEN_ID,
//   SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_APP_ID, SLACK_BOT_USER_ID
import { createCipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const env = (name, fallback) => process.env[name] || fallback;
const secrets = {
  LARK_APP_ID: env("LARK_APP_ID", "cli_events_app"),
  LARK_APP_SECRET: env("LARK_APP_SECRET", "events-lark-app-secret"),
  LARK_VERIFICATION_TOKEN: env("LARK_VERIFICATION_TOKEN", "events-lark-verification-token"),
  LARK_ENCRYPT_KEY: env("LARK_ENCRYPT_KEY", "events-lark-encrypt-key"),
  SLACK_SIGNING_SECRET: env("SLACK_SIGNING_SECRET", "events-slack-signing-secret"),
  SLACK_BOT_TOKEN: env("SLACK_BOT_TOKEN", "xoxb-events"),
};
const larkBotOpenId = env("LARK_BOT_OPEN_ID", "ou_events_bot");
const slackAppId = env("SLACK_APP_ID", "A0EVENTSAPP");
const slackBotUserId = env("SLACK_BOT_USER_ID", "U0EVENTSBOT");

const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const outDir = option("--out") ?? dirname(fileURLToPath(import.meta.url));
const now = Number(option("--time") ?? Math.floor(Date.now() / 1000));
const ts = String(now);

// Lark: AES-256-CBC with key SHA-256(encrypt key), random IV in front; signature SHA-256(ts + nonce + key + body).
const larkEncrypt = (json) => {
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", createHash("sha256").update(secrets.LARK_ENCRYPT_KEY).digest(), iv);
  return JSON.stringify({ encrypt: Buffer.concat([iv, cipher.update(json, "utf8"), cipher.final()]).toString("base64") });
};
const larkHeaders = (body, signed) => {
  const nonce = "events-nonce";
  const headers = { "content-type": "application/json; charset=utf-8", "user-agent": "Go-http-client/1.1" };
  if (signed) {
    headers["x-lark-request-timestamp"] = ts;
    headers["x-lark-request-nonce"] = nonce;
    headers["x-lark-signature"] = createHash("sha256").update(ts + nonce + secrets.LARK_ENCRYPT_KEY + body).digest("hex");
  }
  return headers;
};

// Slack: v0=HMAC-SHA256(signing secret, "v0:" + ts + ":" + raw body).
const slackHeaders = (body, contentType) => ({
  "content-type": contentType,
  "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
  "x-slack-request-timestamp": ts,
  "x-slack-signature": "v0=" + createHmac("sha256", secrets.SLACK_SIGNING_SECRET).update(`v0:${ts}:${body}`).digest("hex"),
});

// API Gateway HTTP API, payload format 2.0, as the Lambda Web Adapter receives it.
const httpApiEvent = (path, headers, body, base64 = false) => ({
  version: "2.0",
  routeKey: `POST ${path}`,
  rawPath: path,
  rawQueryString: "",
  headers: { ...headers, host: "abc123example.execute-api.us-east-1.amazonaws.com" },
  requestContext: {
    accountId: "123456789012",
    apiId: "abc123example",
    domainName: "abc123example.execute-api.us-east-1.amazonaws.com",
    domainPrefix: "abc123example",
    http: { method: "POST", path, protocol: "HTTP/1.1", sourceIp: "192.0.2.10", userAgent: headers["user-agent"] },
    requestId: `events-${path.replaceAll("/", "-").slice(1)}`,
    routeKey: `POST ${path}`,
    stage: "$default",
    time: new Date(now * 1000).toUTCString(),
    timeEpoch: now * 1000,
  },
  body: base64 ? Buffer.from(body, "utf8").toString("base64") : body,
  isBase64Encoded: base64,
});

const millis = String(now * 1000);
const larkIds = (openId) => ({ open_id: openId, union_id: `on_${openId}`, user_id: `u_${openId}` });
const larkMessage = {
  schema: "2.0",
  header: { event_id: `ev_events_${now}`, event_type: "im.message.receive_v1", create_time: millis,
    token: secrets.LARK_VERIFICATION_TOKEN, app_id: secrets.LARK_APP_ID, tenant_key: "events-tenant" },
  event: {
    sender: { sender_id: larkIds("ou_events_user"), sender_type: "user", tenant_key: "events-tenant" },
    message: {
      message_id: `om_events_${now}`, root_id: "", parent_id: "", create_time: millis, update_time: millis,
      chat_id: "oc_events_chat", chat_type: "group", message_type: "text",
      content: JSON.stringify({ text: "@_user_1 what is the escalation path for a P1?" }),
      mentions: [{ key: "@_user_1", id: larkIds(larkBotOpenId), name: "ChatOps Bot", tenant_key: "events-tenant" }],
    },
  },
};
const larkChallenge = { challenge: "events-challenge", token: secrets.LARK_VERIFICATION_TOKEN, type: "url_verification" };

const slackMention = {
  token: "events-legacy-token", team_id: "T0EVENTS", api_app_id: slackAppId, type: "event_callback",
  event_id: `Ev0EVENTS${now}`, event_time: now, authorizations: [{ team_id: "T0EVENTS", user_id: slackBotUserId, is_bot: true }],
  event: { type: "app_mention", user: "U0EVENTSUSER", text: `<@${slackBotUserId}> what is the escalation path for a P1?`,
    ts: `${now}.000100`, channel: "C0EVENTS", event_ts: `${now}.000100` },
};
const slackCommand = new URLSearchParams({
  token: "events-legacy-token", team_id: "T0EVENTS", team_domain: "events", channel_id: "C0EVENTS", channel_name: "ops",
  user_id: "U0EVENTSUSER", user_name: "oncall", command: "/chatops", text: "is checkout-api healthy in prod?",
  api_app_id: slackAppId, response_url: "https://hooks.slack.com/commands/T0EVENTS/1/events",
  trigger_id: `${now}.events`,
}).toString();

// An async self-invocation: Lambda delivers the WorkJob JSON as is, and the Web Adapter POSTs it to /events.
const job = {
  kind: "chat.turn", hop: 1, acceptedAt: new Date(now * 1000).toISOString(), needsAddressCheck: false,
  turn: { platform: "lark", appId: secrets.LARK_APP_ID, chatId: "oc_events_chat", chatType: "group",
    messageId: `om_events_job_${now}`, rootId: null, threadId: null, senderId: "ou_events_user", messageType: "text",
    text: "what is the escalation path for a P1?", mentionedIds: [larkBotOpenId] },
};

const challengeBody = larkEncrypt(JSON.stringify(larkChallenge));
const mentionBody = larkEncrypt(JSON.stringify(larkMessage));
const slackMentionBody = JSON.stringify(slackMention);
const files = {
  "lark-challenge.json": httpApiEvent("/lark/events", larkHeaders(challengeBody, false), challengeBody),
  "lark-mention.json": httpApiEvent("/lark/events", larkHeaders(mentionBody, true), mentionBody),
  "slack-app-mention.json": httpApiEvent("/slack/events", slackHeaders(slackMentionBody, "application/json"), slackMentionBody),
  "slack-command.json": httpApiEvent("/slack/commands", slackHeaders(slackCommand, "application/x-www-form-urlencoded"), slackCommand, true),
  "job.json": job,
  // `sam local invoke --env-vars`: the fake secrets, in-memory state, the offline classifier.
  "env.json": { BotFunction: { ...secrets, CHATOPS_STATE_TABLE: "", RECOGNITION_MODEL_ID: "", LARK_MAX_REQUEST_AGE_SECONDS: "3600" } },
};
mkdirSync(outDir, { recursive: true });
for (const [name, content] of Object.entries(files)) {
  writeFileSync(join(outDir, name), JSON.stringify(content, null, 2) + "\n");
}
console.log(`wrote ${Object.keys(files).length} files to ${outDir} (timestamp ${ts})`);
