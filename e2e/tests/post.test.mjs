// Ingest over HTTP with the real pipeline: a server started with --token-file accepts
// `POST /api/articles` with that bearer token only, codes the article and serves its events;
// the read-only server refuses every POST. Run by e2e/run.sh (POST_URL, TOKEN, BASE_URL).
import { test } from "node:test";
import assert from "node:assert/strict";

const BASE = process.env.BASE_URL;
const POST = process.env.POST_URL;
const TOKEN = process.env.TOKEN;

const article = {
  text:
    "Ankara and Athens sign maritime accord\n\nANKARA, March 3, 2024 (Wire) - Turkish Foreign Minister Hakan Fidan met his Greek counterpart in Ankara on Sunday and the two signed an agreement on maritime boundaries, the Turkish foreign ministry said.",
  url: "https://example.org/e2e/post-accord",
  outlet: "E2E Wire",
};

async function post(base, auth, body) {
  const headers = { "content-type": "application/json" };
  if (auth) headers.authorization = auth;
  const r = await fetch(`${base}/api/articles`, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json() };
}

test("the read-only server refuses posts", async () => {
  const r = await post(BASE, `Bearer ${TOKEN}`, article);
  assert.equal(r.status, 403);
  assert.equal(r.body.error, "read_only");
});

test("posting needs the token, then the article is coded and served", async () => {
  assert.ok(POST && TOKEN, "POST_URL and TOKEN name the writable server");
  for (const auth of [undefined, "Bearer wrong-token-0123456789", `Basic ${TOKEN}`]) {
    const r = await post(POST, auth, article);
    assert.equal(r.status, 401, `auth ${auth}`);
  }
  const r = await post(POST, `Bearer ${TOKEN}`, article);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.added, 1);
  assert.ok(r.body.events > 0, "the pipeline coded events");
  const again = await post(POST, `Bearer ${TOKEN}`, article);
  assert.equal(again.body.known, 1, "a second post adds nothing");
  const found = await (await fetch(`${POST}/api/events?text=Fidan`)).json();
  assert.ok(found.events.length > 0, "its events are searchable");
  const page = await fetch(`${POST}/articles/${found.events[0].document}`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /maritime/);
});
