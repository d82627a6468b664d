// The comparison's chosen set and its address (overrides/assets/javascripts/lib/compare-set.mjs),
// with Node's own test runner (make js-test).
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  MAX, chosenText, cleanList, clip, compareHref, createStore, isSlug, readList, readSlugs,
} from "../../overrides/assets/javascripts/lib/compare-set.mjs";

const EXISTING = new Set(["a", "b", "c", "d", "e"]);
const exists = (slug) => EXISTING.has(slug);

test("the address names the comparison: found, missing, past four, repeated and junk apart", () => {
  const read = readSlugs("?slugs=a,zz,b,a,%3Cscript%3E,c,d,e", exists);
  assert.equal(read.given, true);
  assert.deepEqual(read.slugs, ["a", "b", "c", "d"]);
  assert.deepEqual(read.missing, ["zz"]);
  assert.deepEqual(read.extra, ["e"]);
  assert.equal(read.repeated, 1);
  assert.deepEqual(read.junk, ["<script>"]);
  // Repeated parameters add up; spaces and empty parts are nothing.
  assert.deepEqual(readSlugs("?slugs=a,,%20b&slugs=c", exists).slugs, ["a", "b", "c"]);
  assert.equal(readSlugs("", exists).given, false);
  assert.deepEqual(readSlugs("?slugs=", exists), { given: true, slugs: [], missing: [], extra: [], repeated: 0, junk: [], unread: 0 });
});

test("a hostile address costs little and is quoted back short", () => {
  const long = "x".repeat(5000);
  const read = readSlugs("?slugs=" + Array(500).fill(long).join(","), exists);
  assert.equal(read.unread, 450);
  assert.equal(read.junk.length, 50); // longer than any slug: junk, each quoted back short
  assert.ok(read.junk.every((value) => value.length <= 40));
  assert.equal(read.missing.length, 0);
  const junk = readSlugs("?slugs=" + encodeURIComponent("\u202e<img src=x onerror=alert(1)>" + "y".repeat(100)), exists).junk;
  assert.equal(junk.length, 1);
  assert.ok(junk[0].length <= 40 && junk[0].endsWith("\u2026"));
  assert.equal(isSlug("constructor"), true);
  assert.equal(readSlugs("?slugs=constructor,__proto__", exists).missing.join(), "constructor");
});

test("the comparison's address and the tray's words", () => {
  assert.equal(compareHref("../compare/", ["a", "b-c"]), "../compare/?slugs=a,b-c");
  assert.equal(compareHref("/x/", []), "/x/?slugs=");
  assert.equal(chosenText(2), "2 of " + MAX + " chosen");
  assert.equal(clip("abcdef", 4), "abc\u2026");
});

test("the stored list is read defensively", () => {
  assert.deepEqual(readList("not json"), []);
  assert.deepEqual(readList('{"slug": "a"}'), []);
  assert.deepEqual(readList('[{"slug": "a", "title": "A"}, {"slug": "a"}, {"slug": "<b>"}, 7, null, {"slug": "b"}]'),
    [{ slug: "a", title: "A" }, { slug: "b", title: "b" }]);
  assert.equal(cleanList(["a", "b", "c", "d", "e"].map((slug) => ({ slug, title: slug }))).length, MAX);
});

function fakeStorage() {
  const items = new Map();
  return { getItem: (key) => (items.has(key) ? items.get(key) : null), setItem: (key, value) => items.set(key, String(value)) };
}

test("the store keeps at most four, refuses a fifth and tells its listeners", () => {
  const storage = fakeStorage();
  const store = createStore(() => storage);
  const heard = [];
  const stop = store.subscribe((list) => heard.push(list.length));
  for (const slug of ["a", "b", "c", "d"]) assert.equal(store.add(slug, slug.toUpperCase()), true);
  assert.equal(store.add("e", "E"), false);
  assert.equal(store.add("a", "A"), false); // already there
  assert.deepEqual(store.get().map((item) => item.slug), ["a", "b", "c", "d"]);
  store.remove("b");
  assert.equal(store.has("b"), false);
  stop();
  store.set([]);
  assert.deepEqual(heard, [1, 2, 3, 4, 3]);
  // Another store on the same storage (a reload) reads the same list.
  store.set([{ slug: "c", title: "C" }]);
  assert.deepEqual(createStore(() => storage).get(), [{ slug: "c", title: "C" }]);
});

test("when storage throws, the list lives in memory", () => {
  const store = createStore(() => { throw new Error("SecurityError"); });
  assert.equal(store.add("a", "A"), true);
  assert.deepEqual(store.get(), [{ slug: "a", title: "A" }]);
  const full = { getItem: () => "[]", setItem: () => { throw new Error("QuotaExceededError"); } };
  const memory = createStore(() => full);
  memory.add("b", "B");
  assert.deepEqual(memory.get(), [{ slug: "b", title: "B" }]); // not storage's stale "[]"
});
