// The query side of the search (overrides/assets/javascripts/lib/words.mjs),
// with Node's own test runner: `node --test tests/js/*.test.mjs` (make js-test).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import {
  MAX_QUERY_LENGTH, MAX_TERMS, editDistance, joinedNumbers, lacksATerm, markRanges, matchTerm, normalise, passage,
  queryTerms, readGlossary, siteAddress, stem, typoLimit, withinScope, wordsFile,
} from "../../overrides/assets/javascripts/lib/words.mjs";

const STEMS = readFileSync(new URL("../data/stems.tsv", import.meta.url), "utf8")
  .split("\n").filter((line) => line && !line.startsWith("#")).map((line) => line.split("\t"));

// The same list the index's tests read (tests/test_search_words.py).
const GLOSSARY = readGlossary([
  ["ta", ["ta", "tas"], ["teaching assistant", "teaching assistants"]],
  ["ks2", ["ks2"], ["key stage 2"]],
  ["send", ["send"], ["special educational needs and disabilities"]],
]);

test("every word of the shared list has the stem the index gives it", () => {
  assert.ok(STEMS.length > 50);
  for (const [word, expected] of STEMS) assert.equal(stem(word), expected, word);
});

test("a stem is always a prefix of its word", () => {
  for (const [word] of STEMS) assert.ok(word.startsWith(stem(word)), word);
});

test("forms of a word meet, and a short word keeps its ending", () => {
  assert.equal(stem("resits"), stem("resit"));
  assert.equal(stem("estimating"), stem("estimate"));
  assert.equal(stem("teaching assistants".split(" ")[1]), stem("assistant"));
  assert.notEqual(stem("post"), stem("posting"));
});

test("words are normalised as the index normalises them", () => {
  assert.equal(normalise("Café ÉLAN"), "cafe elan");
  assert.deepEqual(joinedNumbers("year 7 and key stage 2, 2024"), ["year7", "stage2"]);
});

test("a query's terms: stopwords and one-letter words go, each word once", () => {
  const { terms } = queryTerms("The ratio of a RATIO", GLOSSARY);
  assert.deepEqual(terms.map((t) => t.word), ["ratio"]);
});

test("an acronym and its long form are one term", () => {
  for (const query of ["TAs", "TA", "teaching assistants", "Teaching Assistant"]) {
    const { terms } = queryTerms(query, GLOSSARY);
    assert.deepEqual(terms.map((t) => [t.word, t.kind]), [["ta", "glossary"]], query);
  }
  assert.deepEqual(queryTerms("Key Stage 2 fractions", GLOSSARY).terms.map((t) => t.word), ["ks2", "fractions"]);
  assert.deepEqual(queryTerms("special educational needs and disabilities", GLOSSARY).terms.map((t) => t.word), ["send"]);
});

test("a number after a word counts: Year 7 is one term", () => {
  assert.deepEqual(queryTerms("Year 7 transition", GLOSSARY).terms.map((t) => [t.word, t.kind]),
    [["year7", "number"], ["transition", "word"]]);
});

test("a hostile query is cut short, and says so", () => {
  const long = queryTerms("a".repeat(60000), GLOSSARY);
  assert.equal(long.cut.characters, true);
  const repeated = queryTerms("ab ".repeat(1000), GLOSSARY);
  assert.deepEqual(repeated.terms.map((t) => t.word), ["ab"]);
  const many = queryTerms("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima", GLOSSARY);
  assert.equal(many.terms.length, MAX_TERMS);
  assert.equal(many.cut.words, true);
  assert.ok(MAX_QUERY_LENGTH <= 200);
  // Words that name JavaScript's own properties are words like any other.
  const odd = queryTerms("constructor __proto__ toString hasOwnProperty", GLOSSARY);
  assert.deepEqual(odd.terms.map((t) => t.word), ["constructor", "proto", "tostring", "hasownproperty"]);
});

test("edit distance counts a swap of two letters as one edit and stops at its limit", () => {
  assert.equal(editDistance("jurrasic", "jurassic", 2), 2);
  assert.equal(editDistance("mastry", "mastery", 1), 1);
  assert.equal(editDistance("haslingdon", "haslingden", 2), 1);
  assert.equal(editDistance("multiplicitive", "multiplicative", 2), 1);
  assert.equal(editDistance("ratoi", "ratio", 1), 1);
  assert.equal(editDistance("ratio", "fraction", 2), 3);
  assert.deepEqual([typoLimit("ks"), typoLimit("ratio"), typoLimit("jurrasic")], [0, 1, 2]);
});

function file(words) {
  return wordsFile(Object.fromEntries(words.map((w, i) => [w, [i * 4]])));
}

test("a term finds its forms, then the words it begins, then the closest spelling", () => {
  const files = [file(["resit", "resits", "resitting", "research", "jurassic", "jury", "post", "posting"])];
  const term = (word) => ({ word, kind: "word", phrases: [], shorts: [] });
  assert.deepEqual([...matchTerm(term("resits"), files).words].sort(), ["resit", "resits", "resitting"]);
  assert.equal(matchTerm(term("resits"), files).how, "exact");
  assert.deepEqual([...matchTerm(term("post"), files).words], ["post"]);
  assert.deepEqual([...matchTerm(term("jur"), files).words].sort(), ["jurassic", "jury"]);
  assert.equal(matchTerm(term("jur"), files).how, "prefix");
  assert.deepEqual([...matchTerm(term("resit"), files).words].sort(), ["resit", "resits", "resitting"]);
  const typo = matchTerm(term("jurrasic"), files);
  assert.deepEqual([typo.how, typo.correction, [...typo.words]], ["typo", "jurassic", ["jurassic"]]);
  assert.equal(matchTerm(term("jurrasic"), files, true).how, "none");
  assert.equal(matchTerm(term("zzzz"), files).how, "none");
});

test("a words file keeps only its own words: no inherited property is a word", () => {
  const parsed = wordsFile(JSON.parse('{"__proto__": [4], "ratio": [8]}'));
  assert.deepEqual([...parsed.words.keys()].sort(), ["__proto__", "ratio"]);
  assert.equal(parsed.words.get("constructor"), undefined);
});

test("marks cover a term's words and an acronym's long form", () => {
  const ta = queryTerms("TAs", GLOSSARY).terms[0];
  const matchers = [{ words: new Set(["resit", "resits"]), phrases: [] }, { words: new Set(ta.shorts), phrases: ta.phrases }];
  const text = "Two Teaching Assistants ran resits; the TAs met.";
  const ranges = markRanges(text, matchers);
  assert.deepEqual(ranges.map((r) => [text.slice(r.start, r.end), r.term]),
    [["Teaching Assistants", 1], ["resits", 0], ["TAs", 1]]);
  assert.deepEqual(markRanges("Élan café", [{ words: new Set(["cafe"]), phrases: [] }]).map((r) => [r.start, r.end]), [[5, 9]]);
});

test("a passage is the sentence with the most terms, cut around its first mark", () => {
  const matchers = [{ words: new Set(["ratio"]), phrases: [] }, { words: new Set(["tables"]), phrases: [] }];
  const text = "Ratio first. Nothing here at all. Then ratio tables came. " + "More words ".repeat(40) + "and ratio.";
  const found = passage(text, matchers, 200);
  assert.equal(found.text, "Then ratio tables came.");
  assert.deepEqual(found.ranges.map((r) => found.text.slice(r.start, r.end)), ["ratio", "tables"]);
  const long = "word ".repeat(100) + "ratio " + "word ".repeat(100);
  const cut = passage(long, matchers, 80);
  assert.ok(cut.text.startsWith("\u2026") && cut.text.endsWith("\u2026") && cut.text.length <= 84, cut.text);
  assert.equal(cut.text.slice(cut.ranges[0].start, cut.ranges[0].end), "ratio");
  assert.equal(passage("nothing to see", matchers), null);
});

test("a result's address must be a path of the site", () => {
  const root = "https://example.org/casebook/";
  assert.equal(siteAddress("case-studies/a-story/", root), "https://example.org/casebook/case-studies/a-story/");
  assert.equal(siteAddress("", root), root);
  for (const bad of ["javascript:alert(1)", "//evil.example/", "/case-studies/", "https://evil.example/", "../up/",
    "case-studies/../../x", "a b", null, 7]) {
    assert.equal(siteAddress(bad, root), null, String(bad));
  }
});

test("a words file within a scope keeps the words its first documents use", () => {
  const full = wordsFile(JSON.parse('{"ratio": [4, 40], "jurassic": [40], "__proto__": [8]}'));
  const scoped = withinScope(full, 5);  // documents 0 to 4
  assert.deepEqual([...scoped.words.keys()].sort(), ["__proto__", "ratio"]);
  assert.deepEqual(scoped.stems.get("ratio"), ["ratio"]);
  assert.equal(withinScope(full, 100), full);
});

test("a result wants a passage when its shown text lacks one of the terms", () => {
  const matchers = [{ words: new Set(["ratio"]), phrases: [] }, { words: new Set(["tables"]), phrases: [] }];
  assert.equal(lacksATerm(matchers, markRanges("Ratio tables", matchers)), false);
  assert.equal(lacksATerm(matchers, markRanges("Ratio first", matchers)), true);
});
