// Citation.js's importers for the round-trip tests: reads {"bibtex": text, "ris": text,
// "csl-json": text} on stdin and writes, for each, the CSL-JSON items Citation.js makes of it.
// Run by tests/citations/test_citations_round_trip.py; exits non-zero on any error.
import { readFileSync } from "node:fs";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";

console.log = (...args) => console.error(...args);

const request = JSON.parse(readFileSync(0, "utf8"));
const answer = {};
for (const [key, text] of Object.entries(request)) {
  const input = key === "csl-json" ? JSON.parse(text) : text;
  // No forced input type: Citation.js detects each, as it does for a pasted download (it
  // reads BibTeX with its biblatex parser then, which knows @online).
  answer[key] = new Cite(input).data.map(({ _graph, ...item }) => item);
}
process.stdout.write(JSON.stringify(answer));
