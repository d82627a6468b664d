// The briefing's pure parts (overrides/assets/javascripts/lib/briefing.mjs), with
// Node's own test runner (make js-test). printBriefing: tests/site/test_briefing.py.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  BRIEFING_LIMIT, briefingLimit, briefingTitle, printedOnText,
} from "../../overrides/assets/javascripts/lib/briefing.mjs";

test("the title line says what was chosen and how many", () => {
  assert.equal(briefingTitle(["Primary", "Jurassic Maths Hub"], 2), "Primary · Jurassic Maths Hub · 2 case studies");
  assert.equal(briefingTitle(["Jurassic Maths Hub"], 1), "Jurassic Maths Hub · 1 case study");
  assert.equal(briefingTitle(["“fractions”"], 1500), "“fractions” · 1,500 case studies");
});

test("with nothing chosen the title line says all", () => {
  assert.equal(briefingTitle([], 23), "All case studies · 23 case studies");
  assert.equal(briefingTitle(["", "  ", null], 23), "All case studies · 23 case studies");
  assert.equal(briefingTitle(undefined, 0), "All case studies · 0 case studies");
});

test("the printed date is the reader's day in words", () => {
  assert.equal(printedOnText(new Date(2026, 11, 1, 16, 30)), "Printed on 1 December 2026");
  assert.equal(printedOnText(new Date(2025, 0, 31)), "Printed on 31 January 2025");
  assert.match(printedOnText(), /^Printed on \d{1,2} [A-Z][a-z]+ \d{4}$/);
  assert.match(printedOnText(new Date("nonsense")), /^Printed on \d{1,2} [A-Z][a-z]+ \d{4}$/);
});

test("a long list is cut at the limit, and says so", () => {
  const items = Array.from({ length: 123 }, (_, i) => ({ title: "Case " + i }));
  const kept = briefingLimit(items);
  assert.equal(BRIEFING_LIMIT, 100);
  assert.equal(kept.items.length, 100);
  assert.equal(kept.items[99].title, "Case 99");
  assert.equal(kept.note, "The first 100 of 123 — narrow the filters to print the rest.");
  assert.deepEqual(briefingLimit(items.slice(0, 100)), { items: items.slice(0, 100), note: "" });
  assert.equal(briefingLimit(items, 5).note, "The first 5 of 123 — narrow the filters to print the rest.");
  assert.deepEqual(briefingLimit(null), { items: [], note: "" });
});
