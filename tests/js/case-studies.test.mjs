// The case studies as /case-studies.json gives them (overrides/assets/javascripts/lib/case-studies.mjs),
// with Node's own test runner (make js-test).
import { test } from "node:test";
import assert from "node:assert/strict";

import { ROWS, factRows, longDate, readCaseStudies, rowValues } from "../../overrides/assets/javascripts/lib/case-studies.mjs";

const VOCABULARIES = {
  types: { "school-story": "School story" }, phases: { primary: "Primary", secondary: "Secondary" },
  hubs: { jurassic: "Jurassic Maths Hub" }, partnership_models: { "hub-work-groups": "Hub work groups" },
  programmes: { sktm: "Specialist Knowledge for Teaching Mathematics" },
};
const ENTRY = {
  slug: "a", url: "case-studies/a/", title: "A", type: "school-story", date: "2025-03-14", summary: "What happened.",
  phases: ["primary", "secondary"], hubs: ["jurassic"], partnership_models: [], programmes: ["sktm", "gone"],
  trust: "Wessex Trust", school: null, trust_details: { schools: 12, counties: ["Dorset", "Wiltshire"] },
  school_details: null, people: [{ name: "Ann Lee", role: "Head" }, { name: "Bo Ray", role: null }],
  opening: "It began with a question.",
};

test("dates read as the pages print them", () => {
  assert.equal(longDate("2025-03-14"), "14 March 2025");
  assert.equal(longDate("2024-12-01"), "1 December 2024");
  assert.equal(longDate("2025-13-01"), "2025-13-01"); // not a date: shown as given
  assert.equal(longDate(undefined), "");
});

test("every row has a value, names for ids, and nothing where the case study says nothing", () => {
  const values = rowValues(ENTRY, VOCABULARIES);
  assert.deepEqual(Object.keys(values), ROWS.map((row) => row[0]));
  assert.equal(values.type, "School story");
  assert.equal(values.phases, "Primary, Secondary");
  assert.equal(values.programmes, "Specialist Knowledge for Teaching Mathematics, gone"); // an unknown id as itself
  assert.equal(values.trust, "Wessex Trust (12 schools; Dorset, Wiltshire)");
  assert.equal(values.school, "");
  assert.equal(values.partnership_models, "");
  assert.equal(values.people, "Ann Lee, Head; Bo Ray");
  assert.equal(values.opening, "It began with a question.");
});

test("a school's details read as a sentence would give them", () => {
  const entry = { ...ENTRY, school: "Hill Primary", school_details: { location: "Poole", age_range: "4-11", pupils: 1210,
    fsm_percent: 24.5, setting: "three mixed-age classes" } };
  assert.equal(rowValues(entry, VOCABULARIES).school,
    "Hill Primary (Poole; ages 4-11; 1,210 pupils; 24.5% eligible for free school meals; three mixed-age classes)");
});

test("a briefing's facts are the rows with something to say, but the summary and the opening", () => {
  assert.deepEqual(factRows(ENTRY, VOCABULARIES).map((row) => row[0]),
    ["Type", "Date", "Trust", "Phases", "Maths Hubs", "Programmes", "People"]);
});

test("the JSON is read defensively: entries without a slug or address are left out", () => {
  const read = readCaseStudies({ case_studies: [ENTRY, { title: "no slug" }, null], vocabularies: VOCABULARIES });
  assert.deepEqual(read.entries.map((entry) => entry.slug), ["a"]);
  assert.equal(read.bySlug.get("a"), ENTRY);
  assert.equal(read.vocabularies, VOCABULARIES);
  assert.deepEqual(readCaseStudies(null).entries, []);
  // Values that are not text are shown as text, never as markup (the pages set them as text nodes).
  assert.equal(rowValues({ ...ENTRY, summary: 42, people: "x" }, {}).summary, "42");
});
