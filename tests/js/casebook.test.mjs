// The entry (overrides/assets/javascripts/casebook.js): it finds each component's roots
// by data-module, starts each once per element, and one failing never stops the others.
// A stub page with Node's own test runner (make js-test); the browser tests cover the rest.
import { test } from "node:test";
import assert from "node:assert/strict";

function element(module) {
  const attributes = new Map([["data-module", module]]);
  return {
    dataset: {},
    hasAttribute: (name) => attributes.has(name),
    setAttribute: (name, value) => attributes.set(name, String(value)),
    getAttribute: (name) => (attributes.has(name) ? attributes.get(name) : null),
    querySelector: () => null, // so each component fails to start
  };
}

const roots = { "cb-search": [element("cb-search")], "cb-finder": [element("cb-finder"), element("cb-finder")] };
const errors = [];
const pages = [];
const listeners = [];
globalThis.window = {
  console: { error: (name) => errors.push(name.replace(/: .*/, "")) },
  addEventListener: (type) => listeners.push(type),
  document$: { subscribe: (start) => pages.push(start) },
};
globalThis.document = {
  readyState: "complete",
  scripts: [],
  addEventListener: () => {},
  getElementById: () => null,
  querySelector: () => null,
  querySelectorAll(selector) {
    const module = /^\[data-module="([^"]+)"\]$/.exec(selector);
    if (module) return roots[module[1]] || [];
    throw new Error("the header is not there"); // header-buttons fails too
  },
};

// casebook.js is an ES module named .js (mkdocs.yml loads it with type: module) in a
// package without "type": "module": Node says so once. Only that warning is hushed.
const warnings = process.listeners("warning");
process.removeAllListeners("warning");
process.on("warning", (warning) => {
  if (warning.code !== "MODULE_TYPELESS_PACKAGE_JSON") warnings.forEach((listener) => listener(warning));
});
await import("../../overrides/assets/javascripts/casebook.js");

test("it waits for Material's document$ and follows the address once", () => {
  assert.equal(pages.length, 1);
  assert.deepEqual(listeners.sort(), ["click", "popstate"]);
  assert.deepEqual(errors, []);
});

test("each root is tried, in its own try, after a component before it failed", () => {
  pages[0]();
  assert.deepEqual(errors, ["header-buttons", "cb-search", "cb-finder", "cb-finder"]);
  for (const root of [...roots["cb-search"], ...roots["cb-finder"]]) {
    assert.equal(root.hasAttribute("data-" + root.getAttribute("data-module") + "-init"), true);
  }
});

test("a root is started once, however many pages instant navigation shows", () => {
  errors.length = 0;
  roots["cb-finder"].push(element("cb-finder")); // a new page's finder
  pages[0]();
  assert.deepEqual(errors, ["header-buttons", "cb-finder"]);
});
