// A second CSL engine for the citation tests: citeproc-js, driven through Citation.js.
//
// Reads one JSON request on stdin:
//   {"styles": {"apa": "/path/to/apa.csl", ...},
//    "locale": "/path/to/locales-en-US.xml" or null,
//    "items": [CSL-JSON items],
//    "locator": {"locator": "12", "label": "paragraph"} (optional)}
// and writes one JSON answer on stdout:
//   {"apa": {"<item id>": {"text": "...", "html": "..."}, ...}, ...}
// With "locator", each item is rendered as an in-text citation of that one item with that
// locator (citeproc-js's citation cluster, as the site's in-text citations are made:
// scripts/intext_citations.py), instead of as a bibliography entry.
//
// Each item is rendered alone, as a one-entry bibliography, in each style, exactly as the site's
// citeproc-py renders it (scripts/citations.py render_html), so nothing like "2024a" or a
// shared-author dash can come from the items' neighbours. Item ids are kept as given
// (citeproc-py lowercases them; citeproc-js does not need to).
//
// The items go straight to the CSL output plugin (`plugins.output.format`), not through
// `new Cite(...)`: Cite's input parser "corrects" CSL-JSON on the way in, and the point here is
// to see what a second engine prints for exactly the site's items.
//
// Run by tests/citations/citeproc_js.py; exits non-zero with a message on stderr on any error.

// The packages' CommonJS builds (their "main"): the ES-module builds import JSON files without
// an import attribute, which Node 20 refuses.
import { readFileSync } from "node:fs";
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";

// citeproc-js reports some warnings with console.log; stdout must carry only the answer.
console.log = (...args) => console.error(...args);

function fail(message) {
  process.stderr.write(`citeproc_js.mjs: ${message}\n`);
  process.exit(1);
}

function readRequest() {
  let request;
  try {
    request = JSON.parse(readFileSync(0, "utf8"));
  } catch (error) {
    fail(`stdin is not a JSON request: ${error.message}`);
  }
  if (!request || typeof request.styles !== "object" || !Array.isArray(request.items)) {
    fail('the request needs "styles" (an object) and "items" (an array)');
  }
  return request;
}

// Strips plugin-csl's wrapper from one HTML entry, leaving what is inside
// <div class="csl-entry">, the same shape as the site's citeproc-py HTML.
function entryInner(html) {
  const match = /^\s*<div\b[^>]*class="csl-entry"[^>]*>([\s\S]*)<\/div>\s*$/.exec(html);
  return match ? match[1] : html;
}

function main() {
  const request = readRequest();
  const config = plugins.config.get("@csl");
  // Citation.js 0.8 calls the style register `styles`; older releases called it `templates`.
  const styles = config.styles ?? config.templates;

  // The same en-US locale file citeproc-py reads (citeproc/data/locales/locales-en-US.xml);
  // plugin-csl bundles its own copy, which may lag behind or run ahead of it.
  if (request.locale) {
    config.locales.add("en-US", readFileSync(request.locale, "utf8"));
  }
  for (const [name, path] of Object.entries(request.locales ?? {})) {
    config.locales.add(name, readFileSync(path, "utf8"));
  }

  // Registered under a name of their own, so no style bundled with plugin-csl (it ships an
  // "apa") can stand in for the requested file.
  const names = {};
  for (const [key, path] of Object.entries(request.styles)) {
    names[key] = `request-${key}`;
    styles.add(names[key], readFileSync(path, "utf8"));
  }

  const answer = {};
  for (const key of Object.keys(request.styles)) {
    answer[key] = {};
    for (const item of request.items) {
      const id = String(item.id);
      const entry = { ...item, id };
      const rendered = {};
      // One locator for the whole batch, or one per item id ("locators"), for batches of
      // in-text citations that differ in paragraph or prefix.
      const locator = (request.locators && request.locators[id]) || request.locator;
      for (const format of ["text", "html"]) {
        if (locator) {
          try {
            rendered[format] = plugins.output.format("citation", [entry], {
              template: names[key],
              lang: entry.language === "ko" ? "ko-KR" : "en-US",
              format,
              entry: [{ id, ...locator }],
            });
          } catch (error) {
            fail(`style ${key}, item ${id}, citation ${format}: ${error.stack || error}`);
          }
          continue;
        }
        let entries;
        try {
          entries = plugins.output.format("bibliography", [entry], {
            template: names[key],
            lang: entry.language === "ko" ? "ko-KR" : "en-US",
            format,
            asEntryArray: true,
          });
        } catch (error) {
          fail(`style ${key}, item ${id}, format ${format}: ${error.stack || error}`);
        }
        if (entries.length !== 1) {
          fail(`style ${key}, item ${id}: ${entries.length} entries instead of one`);
        }
        const value = entries[0][1];
        rendered[format] = format === "html" ? entryInner(value) : value;
      }
      answer[key][id] = rendered;
    }
  }
  process.stdout.write(JSON.stringify(answer));
}

main();
