// The pure part of writing to the page (overrides/assets/javascripts/lib/dom.mjs), with
// Node's own test runner (make js-test). The rest needs a page: the browser tests cover it.
import { test } from "node:test";
import assert from "node:assert/strict";

import { markedParts } from "../../overrides/assets/javascripts/lib/dom.mjs";
import { markRanges, queryTerms, matchTerm, wordsFile } from "../../overrides/assets/javascripts/lib/words.mjs";

test("text is cut at the marks, with no empty pieces", () => {
  assert.deepEqual(markedParts("ratio tables", [{ start: 0, end: 5 }]),
    [{ text: "ratio", marked: true }, { text: " tables", marked: false }]);
  assert.deepEqual(markedParts("ratio tables", [{ start: 6, end: 12 }]),
    [{ text: "ratio ", marked: false }, { text: "tables", marked: true }]);
  assert.deepEqual(markedParts("a b c", [{ start: 0, end: 1 }, { start: 2, end: 3 }, { start: 4, end: 5 }]).map((p) => p.marked),
    [true, false, true, false, true]);
  assert.deepEqual(markedParts("plain", []), [{ text: "plain", marked: false }]);
  assert.deepEqual(markedParts("", []), []);
});

test("markup in the text stays text", () => {
  const parts = markedParts("<img src=x onerror=alert(1)> ratio", [{ start: 29, end: 34 }]);
  assert.equal(parts.map((p) => p.text).join(""), "<img src=x onerror=alert(1)> ratio");
  assert.deepEqual(parts[1], { text: "ratio", marked: true });
});

test("it takes markRanges' ranges as they come", () => {
  const title = "Ratio and proportion: ratios in Year 7";
  const files = [wordsFile({ ratio: [0], ratios: [4] })];
  const matchers = queryTerms("ratio").terms.map((term) => {
    const match = matchTerm(term, files, false);
    return { words: match.words, phrases: term.phrases };
  });
  const parts = markedParts(title, markRanges(title, matchers));
  assert.equal(parts.map((p) => p.text).join(""), title);
  assert.deepEqual(parts.filter((p) => p.marked).map((p) => p.text), ["Ratio", "ratios"]);
});
