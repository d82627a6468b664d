// Counts and labels (overrides/assets/javascripts/lib/format.mjs) and the finder's CSV
// (lib/csv.mjs), with Node's own test runner (make js-test).
import { test } from "node:test";
import assert from "node:assert/strict";

import { moreText, number, plural } from "../../overrides/assets/javascripts/lib/format.mjs";
import { CSV_COLUMNS, csvCell, csvText } from "../../overrides/assets/javascripts/lib/csv.mjs";

test("numbers are grouped in thousands", () => {
  assert.deepEqual([0, 7, 999, 1000, 5000, 12345, 1234567].map(number),
    ["0", "7", "999", "1,000", "5,000", "12,345", "1,234,567"]);
});

test("counts take the right noun", () => {
  assert.equal(plural(1, "case study", "case studies"), "1 case study");
  assert.equal(plural(0, "case study", "case studies"), "0 case studies");
  assert.equal(plural(5000, "case study", "case studies"), "5,000 case studies");
});

test("the show-more label reads naturally", () => {
  assert.equal(moreText(20, 45), "Show 20 more (45 left)");
  assert.equal(moreText(20, 20), "Show the last 20");
  assert.equal(moreText(20, 3), "Show the last 3");
  assert.equal(moreText(20, 1), "Show the last one");
  assert.equal(moreText(10, 1500), "Show 10 more (1,500 left)");
});

test("the CSV has /case-studies.csv's columns (macros/outputs/exports.py)", () => {
  assert.deepEqual(CSV_COLUMNS, ["slug", "url", "title", "type", "date", "summary", "phases", "hubs",
    "partnership_models", "programmes", "trust", "school"]);
});

test("cells: lists joined, quotes doubled, never a formula", () => {
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(undefined), "");
  assert.equal(csvCell(12), "12");
  assert.equal(csvCell(["primary", "secondary"]), "primary; secondary");
  assert.equal(csvCell('Say "hello", then go'), '"Say ""hello"", then go"');
  assert.equal(csvCell("two\nlines"), '"two\nlines"');
  for (const formula of ["=SUM(A1)", "+1", "-1", "@cmd", "\tx"]) assert.equal(csvCell(formula), "'" + formula);
  assert.equal(csvCell("\rx"), "\"'\rx\""); // a formula guard, then quoted for the line break
  assert.equal(csvCell("=1,2"), "\"'=1,2\"");
});

test("a file: byte-order mark, header, CRLF rows in the order given", () => {
  const text = csvText([{ slug: "b", title: "B", phases: ["primary"] }, { slug: "a", title: "A, too" }]);
  assert.ok(text.startsWith("\ufeffslug,url,title,"));
  const rows = text.slice(1).split("\r\n");
  assert.equal(rows.length, 4);
  assert.equal(rows[3], "");
  assert.equal(rows[1], "b,,B,,,,primary,,,,,");
  assert.equal(rows[2], 'a,,"A, too",,,,,,,,,');
  assert.equal(csvText([]), "\ufeff" + CSV_COLUMNS.join(",") + "\r\n");
});
