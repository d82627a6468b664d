// The finder's state in the address (overrides/assets/javascripts/lib/query-string.mjs),
// with Node's own test runner: `node --test tests/js/*.test.mjs` (make js-test).
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  FACETS, SORTS, chosenSort, finderSearch, readState, shownSort, writeState,
} from "../../overrides/assets/javascripts/lib/query-string.mjs";
import { MAX_QUERY_LENGTH } from "../../overrides/assets/javascripts/lib/words.mjs";

// What a finder page offers, in its order (macros/site/finder.py prints the options).
const OFFERED = {
  phase: ["primary", "secondary", "post-16"], hub: ["jurassic", "london-central"], model: ["hub-work-groups"],
  programme: ["sktm"], type: ["school-story", "trust-model"], region: ["south-west"],
};

const filters = (state) => Object.fromEntries(FACETS.map((facet) => [facet, [...state.filters[facet]]]));

test("the contract's parameters and the casebook's own", () => {
  assert.deepEqual(FACETS, ["phase", "hub", "model", "programme", "type", "region"]);
  assert.deepEqual(SORTS, ["relevance", "newest", "oldest", "title"]);
});

test("an empty address is the whole list, newest first", () => {
  for (const search of ["", "?", "?unknown=1"]) {
    const state = readState(search, OFFERED);
    assert.equal(state.q, "");
    assert.equal(state.long, false);
    assert.equal(state.asTyped, false);
    assert.equal(state.sort, "");
    assert.deepEqual(filters(state), { phase: [], hub: [], model: [], programme: [], type: [], region: [] });
    assert.equal(shownSort(state), "newest");
    assert.equal(writeState(state, OFFERED, "/case-studies/"), "/case-studies/");
  }
});

test("every parameter is read; filters repeat and OR within a facet", () => {
  const state = readState("?q=+mastery%20specialist+&phase=primary&phase=secondary&hub=jurassic&model=hub-work-groups" +
    "&programme=sktm&type=school-story&region=south-west&sort=title&spelling=exact", OFFERED);
  assert.equal(state.q, "mastery specialist"); // trimmed
  assert.equal(state.asTyped, true);
  assert.equal(state.sort, "title");
  assert.deepEqual(filters(state), {
    phase: ["primary", "secondary"], hub: ["jurassic"], model: ["hub-work-groups"], programme: ["sktm"],
    type: ["school-story"], region: ["south-west"],
  });
});

test("values the page does not offer, and unknown sorts, are dropped", () => {
  const state = readState("?phase=nursery&phase=primary&hub=__proto__&hub=constructor&sort=random&model=", OFFERED);
  assert.deepEqual([...state.filters.phase], ["primary"]);
  assert.equal(state.filters.hub.size, 0);
  assert.equal(state.filters.model.size, 0);
  assert.equal(state.sort, "");
  // A facet the page does not have at all offers nothing.
  assert.equal(readState("?region=south-west", { phase: ["primary"] }).filters.region.size, 0);
});

test("a query longer than the search reads is cut, and says so", () => {
  const long = "a".repeat(MAX_QUERY_LENGTH + 5);
  const state = readState("?q=" + long, OFFERED);
  assert.equal(state.q.length, MAX_QUERY_LENGTH);
  assert.equal(state.long, true);
  assert.equal(readState("?q=" + "a".repeat(MAX_QUERY_LENGTH), OFFERED).long, false);
});

test("an address is written in the page's order, so one view has one address", () => {
  const state = readState("?type=trust-model&phase=secondary&phase=primary&q=ratio", OFFERED);
  assert.equal(writeState(state, OFFERED, "/case-studies/"), "?q=ratio&phase=primary&phase=secondary&type=trust-model");
});

test("spelling=exact is only written with a search; sort only when chosen", () => {
  const base = { q: "", long: false, asTyped: true, sort: "", filters: readState("", OFFERED).filters };
  assert.equal(writeState(base, OFFERED, "/x/"), "/x/");
  assert.equal(writeState({ ...base, q: "jurrasic" }, OFFERED, "/x/"), "?q=jurrasic&spelling=exact");
  assert.equal(writeState({ ...base, asTyped: false, sort: "oldest" }, OFFERED, "/x/"), "?sort=oldest");
});

test("what is written reads back the same", () => {
  for (const search of ["?q=key+stage+2", "?q=caf%C3%A9+%26+more&hub=london-central", "?phase=post-16&sort=oldest",
    "?q=jurrasic&region=south-west&sort=relevance&spelling=exact", "?q=%E2%80%AEevil"]) {
    const state = readState(search, OFFERED);
    assert.equal(writeState(state, OFFERED, "/case-studies/"), search);
    assert.deepEqual(readState(writeState(state, OFFERED, "/"), OFFERED), state);
  }
});

test("the order shown: best match with a search, newest without", () => {
  assert.equal(shownSort({ q: "ratio", sort: "" }), "relevance");
  assert.equal(shownSort({ q: "", sort: "" }), "newest");
  assert.equal(shownSort({ q: "", sort: "relevance" }), "newest"); // nothing to match
  assert.equal(shownSort({ q: "ratio", sort: "title" }), "title");
  assert.equal(shownSort({ q: "", sort: "oldest" }), "oldest");
});

test("a sort the reader picks is kept only when it differs from the default", () => {
  assert.equal(chosenSort("relevance", "ratio"), "");
  assert.equal(chosenSort("newest", ""), "");
  assert.equal(chosenSort("relevance", ""), "");
  assert.equal(chosenSort("newest", "ratio"), "newest");
  assert.equal(chosenSort("title", ""), "title");
  assert.equal(chosenSort("", "ratio"), "");
});

test("the header box's link to the finder", () => {
  assert.equal(finderSearch("key stage 2", false), "?q=key%20stage%202");
  assert.equal(finderSearch("jurrasic", true), "?q=jurrasic&spelling=exact");
  assert.equal(finderSearch("a&b=c#d", false), "?q=a%26b%3Dc%23d");
  assert.equal(finderSearch("x".repeat(MAX_QUERY_LENGTH + 50), false), "?q=" + "x".repeat(MAX_QUERY_LENGTH));
  // The finder reads it back as the box meant it.
  assert.equal(readState(finderSearch("key stage 2", true), OFFERED).q, "key stage 2");
  assert.equal(readState(finderSearch("key stage 2", true), OFFERED).asTyped, true);
});
