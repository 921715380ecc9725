// The page end to end in headless Chromium: paste the Yonhap seed story into the
// textarea and find its dateline and quotes on the page (the test contract of the
// page: `data-dateline`, `data-quote`, `data-speaker`, `data-entity`), with no console
// error and no request leaving 127.0.0.1.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { openSite, wwwRoot } from "./browser.mjs";

const noPage = !existsSync(join(wwwRoot, "index.html")) && "no www/index.html on this branch yet";
const yonhap = await readFile(new URL("../fixtures/yonhap-2023-09-14-kim-putin.txt", import.meta.url), "utf8");

let site;
before(async () => {
  if (!noPage) site = await openSite();
});
after(() => site?.close());

test("pasting the Yonhap story shows its dateline and quotes with speakers", { skip: noPage, timeout: 60_000 }, async () => {
  const page = await site.newPage();
  await page.goto(site.url("/"));
  await page.locator("textarea").first().fill(yonhap);

  const dateline = page.locator("[data-dateline]").first();
  await dateline.waitFor({ state: "visible", timeout: 20_000 });
  assert.match(await dateline.innerText(), /seoul/i);
  assert.match(await dateline.innerText(), /Yonhap/);

  const quotes = page.locator("[data-quote]");
  await quotes.first().waitFor({ state: "visible" });
  assert.ok((await quotes.count()) >= 3, `only ${await quotes.count()} quotes shown`);
  const quoteTexts = await quotes.allInnerTexts();
  assert.ok(
    quoteTexts.some((q) => q.includes("It is the consistent stand of the DPRK government")),
    "the Yonhap story's full quote is not shown",
  );
  assert.ok((await page.locator("[data-quote] [data-speaker]").count()) >= 1, "no quote shows a speaker");

  for (const type of await page.locator("[data-entity]").evaluateAll((els) => els.map((e) => e.dataset.type))) {
    assert.match(type, /^(person|organization|location|misc)$/);
  }
  assert.deepEqual(site.problems(), []);
});
