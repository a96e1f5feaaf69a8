// Reads Mermaid journey diagrams with Mermaid's own parser and prints what it understood, one JSON line per file.
// Used by tests/model/test_mermaid_parser.py; `npm ci --prefix tests/mermaid` installs Mermaid (make test does).
import { JSDOM } from "jsdom";
import { readFileSync } from "node:fs";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

for (const path of process.argv.slice(2)) {
  try {
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(readFileSync(path, "utf8"));
    const tasks = diagram.db.getTasks().map((t) => ({ section: t.section, task: t.task, score: t.score, people: t.people }));
    console.log(JSON.stringify({ path, type: diagram.type, title: diagram.db.getDiagramTitle(), tasks }));
  } catch (error) {
    console.log(JSON.stringify({ path, error: String(error?.message ?? error) }));
  }
}
