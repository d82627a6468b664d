// The search index client (overrides/assets/javascripts/lib/search-index.mjs) and the
// notes a search shows (lib/search-notes.mjs), with Node's own test runner and a
// stub for fetch serving a tiny index in macros/outputs/search_index.py's format (make js-test).
import { test } from "node:test";
import assert from "node:assert/strict";

import { SearchIndex, anyBelow, postingsOf } from "../../overrides/assets/javascripts/lib/search-index.mjs";
import { corrected, searchNotes } from "../../overrides/assets/javascripts/lib/search-notes.mjs";
import { MAX_QUERY_LENGTH, wordsFile } from "../../overrides/assets/javascripts/lib/words.mjs";

const BASE = "https://casebook.test/case-studies/search/0123456789ab/";
const TITLE = 2, FACTS = 1, BODY = 0;
const at = (id, field) => id * 4 + field;
// Postings are delta-coded ascending (document id * 4 + field).
const deltas = (...values) => values.map((value, i) => value - (values[i - 1] || 0));

// Documents 0 and 1 are case studies (the finder's scope); 2 is another page.
const FILES = {
  "search.json": { glossary: [["ks2", ["ks2"], ["key stage 2"]]], texts: { base: "../../texts/", count: 2 } },
  "s.json": {
    subitising: deltas(at(0, TITLE)),
    school: deltas(at(0, BODY), at(1, FACTS), at(2, TITLE)),
    schools: deltas(at(1, BODY)),
  },
  "r.json": { ratio: deltas(at(1, TITLE)), rations: deltas(at(2, TITLE)), reasoning: deltas(at(0, FACTS), at(2, BODY)) },
  "k.json": { ks2: deltas(at(1, FACTS)) },
  "docs-0.json": [["case-studies/a/", "A", "About a"], ["case-studies/b/", "B", "About b"], "broken"],
};
const TEXTS = { "https://casebook.test/case-studies/texts/0.json": "The text of a.", [BASE + "text-2.json"]: "Page two." };

function serve() {
  const asked = [];
  globalThis.fetch = async (url) => {
    asked.push(url);
    const name = url.startsWith(BASE) ? url.slice(BASE.length) : null;
    const body = name in FILES ? FILES[name] : url in TEXTS ? TEXTS[url] : undefined;
    return { ok: body !== undefined, json: async () => body };
  };
  return asked;
}

/* index.search as a promise: it returns null while its files load, then calls `ready`. */
function search(index, query, asTyped = false, scope = undefined) {
  return new Promise((resolve) => {
    const again = () => {
      const result = index.search(query, asTyped, again, scope);
      if (result) resolve(result);
    };
    again();
  });
}

test("postings: each document once, with the best field it has the words in", () => {
  const file = wordsFile(FILES["s.json"]);
  const postings = postingsOf(["school", "schools"], [file]);
  assert.deepEqual([...postings].sort(), [[0, BODY], [1, FACTS], [2, TITLE]]);
  assert.equal(anyBelow(postings, 1), true);
  assert.equal(anyBelow(postingsOf(["ratio"], [wordsFile(FILES["r.json"])]), 1), false);
  assert.equal(postingsOf(["missing"], [file]).size, 0);
});

test("a word's file is the longest key it starts with", () => {
  const index = new SearchIndex(BASE, "s sc r k");
  assert.deepEqual(index.keyOf("school"), ["sc"]);
  assert.deepEqual(index.keyOf("subitising"), ["s"]);
  assert.deepEqual(index.keyOf("maths"), []);
  assert.deepEqual(index.keysFrom("s").sort(), ["s", "sc"]);
});

test("a search fetches only the files its words need, and ranks by where they are", async () => {
  const asked = serve();
  const index = new SearchIndex(BASE, "s r k");
  const result = await search(index, "schools");
  assert.deepEqual(result.ids, [2, 1, 0]); // title, then facts, then body
  assert.deepEqual(result.corrections, []);
  assert.deepEqual(asked.sort(), [BASE + "s.json", BASE + "search.json"]);
  assert.deepEqual([...result.matchers[0].words].sort(), ["school", "schools"]);
});

test("every word must match", async () => {
  serve();
  const index = new SearchIndex(BASE, "s r k");
  assert.deepEqual((await search(index, "school ratio")).ids, [1]);
  assert.deepEqual((await search(index, "subitising ratio")).ids, []);
  assert.deepEqual((await search(index, "the school")).terms.map((term) => term.word), ["school"]); // a stopword
});

test("the start of a word, a misspelling, and a search as typed", async () => {
  serve();
  const index = new SearchIndex(BASE, "s r k");
  const start = await search(index, "subit");
  assert.deepEqual(start.ids, [0]);
  assert.equal(start.found[0].how, "prefix");
  const typo = await search(index, "subitisnig");
  assert.deepEqual(typo.ids, [0]);
  assert.deepEqual(typo.corrections, [{ from: "subitisnig", to: "subitising" }]);
  const asTyped = await search(index, "subitisnig", true);
  assert.deepEqual(asTyped.ids, []);
  assert.deepEqual(asTyped.corrections, []);
});

test("the glossary reads a long form as its short one", async () => {
  serve();
  const index = new SearchIndex(BASE, "s r k");
  assert.deepEqual((await search(index, "Key Stage 2")).ids, [1]);
  assert.deepEqual((await search(index, "KS2")).ids, [1]);
});

test("the finder's scope: a word only other pages use is read as another word", async () => {
  serve();
  const index = new SearchIndex(BASE, "s r k");
  assert.deepEqual((await search(index, "reasoning")).ids, [0, 2]); // facts, then body
  assert.deepEqual((await search(index, "ration")).ids, [2]);
  const inScope = await search(index, "ration", false, 2);
  assert.deepEqual(inScope.ids, [1]);
  assert.deepEqual(inScope.corrections, [{ from: "ration", to: "ratio" }]);
});

test("documents and texts; anything broken or missing is null or empty", async () => {
  serve();
  const index = new SearchIndex(BASE, "s r k");
  await search(index, "school"); // reads search.json, which says where the case studies' texts are
  assert.deepEqual(await index.document(1), ["case-studies/b/", "B", "About b"]);
  assert.equal(await index.document(2), null); // not [url, title, summary]
  assert.equal(await index.document(25), null); // no such file
  assert.equal(await index.text(0), "The text of a.");
  assert.equal(await index.text(2), "Page two.");
  assert.equal(await index.text(1), "");
});

test("a network failure is a file with nothing in it", async () => {
  globalThis.fetch = async () => { throw new TypeError("offline"); };
  const index = new SearchIndex(BASE, "s r k");
  const result = await search(index, "school");
  assert.deepEqual(result.ids, []);
  assert.equal(await index.document(0), null);
});

test("notes: what the search read a word as, and what it left unread", () => {
  assert.deepEqual(searchNotes(null, "x"), []);
  const result = { corrections: [{ from: "jurrasic", to: "jurassic" }, { from: "mastry", to: "mastery" }, { from: "sktn", to: "sktm" }],
    cut: { words: true, characters: false }, terms: new Array(10) };
  assert.deepEqual(searchNotes(result, "jurrasic mastry sktn"), [
    ["Showing results for ", { text: "jurassic", strong: true }, ", ", { text: "mastery", strong: true }, " and ",
      { text: "sktm", strong: true }, ". "],
    ["Only the first 10 words are searched."],
  ]);
  assert.deepEqual(searchNotes(null, "x".repeat(MAX_QUERY_LENGTH + 1)), [["Only the first " + MAX_QUERY_LENGTH + " characters are searched."]]);
});

test("a corrected query keeps what was typed but the misspelt words", () => {
  const result = { corrections: [{ from: "jurrasic", to: "jurassic" }] };
  assert.equal(corrected("Jurrasic  coast, Jurrasic!", result), "jurassic  coast, jurassic!");
  assert.equal(corrected("nothing here", result), "nothing here");
});
