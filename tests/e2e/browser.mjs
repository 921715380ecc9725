// What every browser test needs: `www/` served on a free 127.0.0.1 port by a static
// server (Node's http, the right MIME type for .wasm and modules), and Debian's
// /usr/bin/chromium driven by playwright-core, with each page's console errors and any
// request that tries to leave 127.0.0.1 recorded (and blocked).
//
//   import { openSite } from "./browser.mjs";
//   const site = await openSite();
//   const page = await site.newPage();          // or newPage({ viewport: { width: 390, height: 844 } })
//   await page.goto(site.url("/"));
//   ... assert.deepEqual(site.problems(), []);  // console errors, page errors, outside requests
//   await site.close();
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const wwwRoot = fileURLToPath(new URL("../../www/", import.meta.url));
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// The flags that work as root on these machines (see ../shared/TOOLCHAIN.md).
const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const mimeTypes = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** Serves `root` on 127.0.0.1 at a free port; resolves to the listening server. With
 *  `cors`, every answer allows any origin (as a CDN serves a package). */
export async function serveStatic(root = wwwRoot, { cors = false } = {}) {
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
      const base = root.endsWith(sep) ? root : root + sep;
      let file = normalize(join(base, path));
      if (!file.startsWith(base) && file !== root) {
        throw Object.assign(new Error("outside the root"), { status: 403 });
      }
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const info = await stat(file);
      response.writeHead(200, {
        "Content-Type": mimeTypes[extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": info.size,
        "Cache-Control": "no-store",
        ...(cors ? { "Access-Control-Allow-Origin": "*" } : {}),
      });
      if (request.method === "HEAD") return response.end();
      createReadStream(file).pipe(response);
    } catch (error) {
      response.writeHead(error.status ?? 404, { "Content-Type": "text/plain; charset=utf-8" });
      response.end(error.status === 403 ? "forbidden\n" : "not found\n");
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return server;
}

/**
 * Serves `root` and launches headless Chromium. `newPage(contextOptions)` opens a page in
 * a fresh context; `problems()` lists what any page did wrong so far: console errors,
 * uncaught exceptions, requests to anywhere but the local server.
 */
export async function openSite({ root = wwwRoot } = {}) {
  const server = await serveStatic(root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
  } catch (error) {
    server.close();
    throw error;
  }
  const problems = [];
  // Any port of 127.0.0.1 (a test may serve a second origin), data:, blob:, about:.
  const isLocal = (url) => /^(data|blob|about):/.test(url) || new URL(url).hostname === "127.0.0.1";

  async function newPage(contextOptions = {}) {
    const context = await browser.newContext(contextOptions);
    // Nothing may leave the machine: record and block any request elsewhere.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      problems.push(`request left 127.0.0.1: ${url}`);
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("worker", (worker) =>
      worker.on("console", (message) => {
        if (message.type() === "error") problems.push(`worker console error: ${message.text()}`);
      }),
    );
    return page;
  }

  return {
    origin,
    url: (path = "/") => origin + path,
    browser,
    newPage,
    problems: () => [...problems],
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A fresh page of `site` at `path` with empty localStorage (cleared, then reloaded). */
export async function openCleanPage(site, path, contextOptions) {
  const page = await site.newPage(contextOptions);
  await page.goto(site.url(path));
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  return page;
}

/** Puts `text` in the page's editor (#article) as a paste would. */
export async function pasteText(page, text) {
  await page.evaluate((value) => {
    const textarea = document.getElementById("article");
    textarea.value = value;
    textarea.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
}
