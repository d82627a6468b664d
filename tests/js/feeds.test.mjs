// "Follow this view" (overrides/assets/javascripts/lib/feeds.mjs), with Node's own
// test runner (make js-test). In the page: tests/site/test_follow.py.
import { test } from "node:test";
import assert from "node:assert/strict";

import { FEED_FACETS, chooseFeed, followText } from "../../overrides/assets/javascripts/lib/feeds.mjs";

const FEEDS = {
  hub: { folder: "hubs", subject: "from {name}", values: {
    jurassic: { name: "Jurassic Maths Hub", count: 3 }, mobius: { name: "Mobius Maths Hub", count: 2 },
    solent: { name: "Solent Maths Hub", count: 1 },
  } },
  phase: { folder: "phases", subject: "in the {name} phase", values: {
    primary: { name: "Primary", count: 2 }, secondary: { name: "Secondary", count: 4 },
  } },
  model: { folder: "partnership-models", subject: "of the partnership model “{name}”", values: {
    "hub-work-groups": { name: "Hub work groups", count: 1 },
  } },
  programme: { folder: "programmes", subject: "on {name}", values: {
    sktm: { name: "Specialist Knowledge for Teaching Mathematics", count: 1 },
  } },
};

function state(filters, q = "") {
  const all = { phase: [], hub: [], model: [], programme: [], type: [], region: [] };
  Object.assign(all, filters);
  return { q, filters: Object.fromEntries(Object.entries(all).map(([facet, values]) => [facet, new Set(values)])) };
}

test("one hub: that hub's feed, covering the view exactly", () => {
  const choice = chooseFeed(state({ hub: ["jurassic"] }), FEEDS);
  assert.deepEqual(choice, {
    path: "hubs/jurassic/feed.xml", name: "Jurassic Maths Hub", subject: "from Jurassic Maths Hub",
    covers: true, narrower: false, narrowedBy: [],
  });
  assert.deepEqual(followText(choice), { lead: "", link: "Follow new case studies from Jurassic Maths Hub (Atom feed)", note: "" });
});

test("one phase and one hub: the smaller of the two feeds, and the view is narrower", () => {
  const choice = chooseFeed(state({ phase: ["primary"], hub: ["jurassic"] }), FEEDS);
  assert.equal(choice.path, "phases/primary/feed.xml");
  assert.equal(choice.name, "Primary");
  assert.deepEqual(choice.narrowedBy, ["filters"]);
  assert.deepEqual(followText(choice), {
    lead: "", link: "Follow new case studies in the Primary phase (Atom feed)",
    note: "The feed has every new case study in the Primary phase, not only those matching your other filters.",
  });
  assert.equal(chooseFeed(state({ phase: ["secondary"], hub: ["jurassic"] }), FEEDS).path, "hubs/jurassic/feed.xml");
});

test("a tie goes hub, programme, model, phase", () => {
  assert.deepEqual(FEED_FACETS, ["hub", "programme", "model", "phase"]);
  const all = { hub: ["solent"], programme: ["sktm"], model: ["hub-work-groups"], phase: ["primary"] };
  assert.equal(chooseFeed(state(all), FEEDS).path, "hubs/solent/feed.xml");
  assert.equal(chooseFeed(state({ ...all, hub: [] }), FEEDS).path, "programmes/sktm/feed.xml");
  assert.equal(chooseFeed(state({ model: ["hub-work-groups"], phase: ["primary"] }), FEEDS).path,
    "partnership-models/hub-work-groups/feed.xml");
});

test("two values in a facet: no feed of that facet covers the view", () => {
  const two = chooseFeed(state({ hub: ["jurassic", "mobius"] }), FEEDS);
  assert.equal(two.path, "feed.xml");
  assert.equal(two.covers, false);
  assert.deepEqual(followText(two), {
    lead: "This view is wider than any one feed: ", link: "follow all new case studies (Atom feed)",
    note: "That feed has every new case study, not only those matching your other filters.",
  });
  // ...but one value of another facet still does.
  assert.equal(chooseFeed(state({ hub: ["jurassic", "mobius"], phase: ["secondary"] }), FEEDS).path, "phases/secondary/feed.xml");
});

test("nothing chosen, or only search, type or region: the site feed", () => {
  const nothing = chooseFeed(state({}), FEEDS);
  assert.deepEqual(nothing, { path: "feed.xml", name: "", subject: "", covers: false, narrower: false, narrowedBy: [] });
  // The site's feed is exactly this view: nothing to explain.
  assert.deepEqual(followText(nothing), { lead: "", link: "Follow new case studies (Atom feed)", note: "" });
  const search = chooseFeed(state({}, "fractions"), FEEDS);
  assert.equal(search.path, "feed.xml");
  assert.equal(followText(search).note, "That feed has every new case study, not only those matching your search.");
  assert.equal(chooseFeed(state({ type: ["q-and-a"], region: ["south-west"] }), FEEDS).path, "feed.xml");
});

test("a search beyond the feed is said, with the other filters too", () => {
  assert.equal(followText(chooseFeed(state({ hub: ["jurassic"] }, "ratio"), FEEDS)).note,
    "The feed has every new case study from Jurassic Maths Hub, not only those matching your search.");
  assert.equal(followText(chooseFeed(state({ hub: ["jurassic"], type: ["q-and-a"] }, "ratio"), FEEDS)).note,
    "The feed has every new case study from Jurassic Maths Hub, not only those matching your search and other filters.");
});

test("a value the page does not offer, or a facet without feeds, is never linked", () => {
  assert.equal(chooseFeed(state({ hub: ["nowhere"] }), FEEDS).path, "feed.xml");
  assert.equal(chooseFeed(state({ hub: ["jurassic"] }), { phase: FEEDS.phase }).path, "feed.xml");
  assert.equal(chooseFeed(state({ hub: ["__proto__"] }), FEEDS).path, "feed.xml");
});
