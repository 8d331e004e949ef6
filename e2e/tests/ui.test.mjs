// End-to-end tests of `annalist serve` in headless Debian Chromium via playwright-core.
// Run by e2e/run.sh, which ingests examples/ and e2e/fixtures/ and starts the server;
// BASE_URL names it and SCREENSHOTS the folder for one screenshot per page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const BASE = process.env.BASE_URL;
const SHOTS = process.env.SCREENSHOTS || "target/e2e-screenshots";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
assert.ok(BASE, "BASE_URL must name the running server");
fs.mkdirSync(SHOTS, { recursive: true });

const dirs = [];
async function launch(options = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "annalist-e2e-"));
  dirs.push(dir);
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
}

let ctx;
const problems = [];
before(async () => {
  ctx = await launch();
  ctx.on("page", watch);
});
after(async () => {
  await ctx?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

// Any script error, CSP violation or dialog on any page fails the run.
function watch(page) {
  page.on("pageerror", (e) => problems.push(`pageerror on ${page.url()}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error on ${page.url()}: ${m.text()}`);
  });
  page.on("dialog", async (d) => {
    problems.push(`dialog on ${page.url()}: ${d.message()}`);
    await d.dismiss();
  });
}

async function open(url) {
  const page = await ctx.newPage();
  const res = await page.goto(BASE + url, { waitUntil: "load" });
  assert.equal(res.status(), 200, `${url} answered ${res.status()}`);
  const csp = res.headers()["content-security-policy"] || "";
  assert.match(csp, /script-src 'self'/, `${url} has a CSP`);
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function api(url) {
  const r = await fetch(BASE + url);
  assert.equal(r.status, 200, url);
  return r.json();
}

test("search lists events with facets, and a filter narrows them", async () => {
  const page = await open("/");
  await shot(page, "01-search");
  assert.equal(await page.locator("h1").innerText(), "Search events");
  const all = await page.locator("#events li.event").count();
  assert.ok(all > 0, "events are listed");
  assert.ok((await page.locator("aside.facets a").count()) > 0, "facets are links");
  await page.fill("input[name=text]", "Ashraf");
  await Promise.all([page.waitForURL(/text=Ashraf/), page.press("input[name=text]", "Enter")]);
  const some = await page.locator("#events li.event").count();
  assert.ok(some > 0 && some <= all, `filtered ${some} of ${all}`);
  await shot(page, "02-search-filtered");
  // A facet link keeps the words and adds the event type.
  const facet = page.locator("section.facet[aria-label='Event type'] a").first();
  await Promise.all([page.waitForURL(/code=\d\d/), facet.click()]);
  assert.match(page.url(), /text=Ashraf/);
  assert.ok((await page.locator("#events li.event").count()) > 0);
  await page.close();
});

test("the event page shows every outlet's report side by side", async () => {
  const clusters = await api("/api/clusters?min_sources=2&limit=50");
  assert.ok(clusters.length > 0, "some event is reported by two outlets");
  const body = await api(`/api/clusters/${clusters[0].id}`);
  const outlets = new Set(body.cluster.versions.map((v) => v.outlet));
  assert.ok(outlets.size >= 2, `outlets ${[...outlets]}`);
  const page = await open(`/events/${body.members[0].event}`);
  await shot(page, "03-event");
  const cards = page.locator("#versions article.version");
  const n = await cards.count();
  assert.equal(n, body.cluster.versions.length);
  const boxes = [];
  for (let i = 0; i < Math.min(n, 3); i++) boxes.push(await cards.nth(i).boundingBox());
  assert.ok(Math.abs(boxes[0].y - boxes[1].y) < 2, "cards share a row");
  assert.ok(boxes[1].x >= boxes[0].x + boxes[0].width - 1, "cards sit side by side");
  const names = await cards.locator("h3").allInnerTexts();
  for (const o of outlets) {
    if (o) assert.ok(names.some((t) => t.includes(o)), `${o} has a card (${names})`);
  }
  assert.ok((await page.locator("section.agreement tbody tr").count()) >= 5, "per-field agreement");
  assert.ok((await cards.first().locator("ol.chain li").count()) >= 1, "attribution chain");
  await page.close();
});

test("the article view highlights spans that link to their events", async () => {
  const ev = (await api("/api/events?text=Ashraf&limit=1")).events[0];
  const page = await open(`/articles/${ev.document}`);
  await shot(page, "04-article");
  const trigger = page.locator(`#text a.hl-trigger[href="/events/${ev.id}"]`);
  assert.ok((await trigger.count()) >= 1, "the trigger is highlighted and linked");
  const art = await api(`/api/articles/${ev.document}`);
  const t = art.highlights.find((h) => h.kind === "trigger" && h.event === ev.id);
  const surface = Buffer.from(art.text).subarray(t.start, t.end).toString();
  assert.equal((await trigger.first().innerText()).trim(), surface.trim());
  assert.ok((await page.locator("#text .hl-actor").count()) >= 1, "actors are highlighted");
  await Promise.all([page.waitForURL(new RegExp(`/events/${ev.id}$`)), trigger.first().click()]);
  await page.close();
});

test("hostile article text shows as text and nothing in it runs", async () => {
  const hits = (await api("/api/events?text=pwned&limit=50")).events;
  assert.ok(hits.length > 0, "the hostile fixtures were coded");
  const docs = [...new Set(hits.map((e) => e.document))];
  const pages = [...docs.map((d) => `/articles/${d}`), ...hits.map((e) => `/events/${e.id}`), "/?text=pwned", "/articles"];
  let i = 0;
  for (const url of pages) {
    const page = await open(url);
    await page.mouse.move(300, 300);
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `${url} ran hostile script`);
    assert.equal(await page.locator("main img, main iframe, main svg[onload], main [onerror], main [onclick], main [onmouseover]").count(), 0, url);
    assert.equal(await page.locator("a[href^='javascript:' i]").count(), 0, url);
    if (url.startsWith("/articles/")) {
      const text = await page.locator("#text").innerText();
      assert.match(text, /window\.__pwned = \d/, "the markup shows as text");
      await shot(page, `05-hostile-${++i}`);
    }
    await page.close();
  }
  const wire = await open(`/articles/${docs[0]}`);
  const all = await wire.locator("body").innerText();
  assert.ok(all.includes("<script>") || all.includes("<img") || all.includes("<a href"), "tags are visible as text");
  await wire.close();
});

test("timeline, map and actor pages render", async () => {
  let page = await open("/timeline?bucket=month&by=quad");
  assert.ok((await page.locator("#timeline rect").count()) > 0, "bars");
  await shot(page, "06-timeline");
  await page.close();
  page = await open("/map");
  assert.ok((await page.locator("#map .land path").count()) > 150, "country outlines");
  assert.ok((await page.locator("#map circle.pt").count()) > 0, "located events");
  await shot(page, "07-map");
  await page.close();
  const actors = await api("/api/actors?limit=1");
  page = await open(`/actors/${encodeURIComponent(actors[0].code)}`);
  assert.ok((await page.locator("svg.chart rect").count()) > 0, "events over time");
  await shot(page, "08-actor");
  await page.close();
});

test("keyboard: skip link first, '/' focuses the search box", async () => {
  const page = await open("/clusters");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip");
  await page.close();
  const search = await open("/timeline");
  await search.keyboard.press("/");
  assert.equal(await search.evaluate(() => document.activeElement.getAttribute("name")), "text");
  await search.close();
});

test("readable on a phone and without JavaScript", async () => {
  const phone = await launch({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, isMobile: true });
  phone.on("page", watch);
  for (const [url, name] of [["/", "09-phone-search"], ["/events/1", "10-phone-event"]]) {
    const page = await phone.newPage();
    const res = await page.goto(BASE + url);
    assert.equal(res.status(), 200);
    assert.ok((await page.locator("main").innerText()).length > 50, `${url} reads without JS`);
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${url} scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    await page.close();
  }
  await phone.close();
});

test("no script errors, CSP violations or dialogs anywhere", () => {
  assert.deepEqual(problems, []);
});
