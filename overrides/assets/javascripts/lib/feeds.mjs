/*
 * "Follow this view": the narrowest Atom feed that has every case study the
 * finder's view could ever show. Pure (tests/js/feeds.test.mjs).
 *
 * Each hub, phase, partnership model and programme has a feed beside its listing
 * page (<folder>/<id>/feed.xml, macros/content/addresses.py feed_path), the site
 * one at feed.xml. Values within a facet are OR-ed and facets AND-ed, so a facet's
 * feed covers the view exactly when that facet has one value chosen.
 */

export var SITE_FEED = "feed.xml";
// Facets with feeds, in the order that settles a tie in size.
export var FEED_FACETS = ["hub", "programme", "model", "phase"];

/*
 * state: the finder's {q, filters: {facet: Set}} (lib/query-string.mjs);
 * feeds: {facet: {folder, subject, values: {id: {name, count}}}}, subject like
 *   "from {name}" (macros/outputs/feeds.py FEED_SUBJECTS), count the value's case
 *   studies today.
 * -> {path, name, subject, covers, narrower, narrowedBy}: path site-relative;
 *   name the entry's name ("" for the site feed); subject "from Jurassic Maths Hub";
 *   narrower when the view is narrower than the feed, narrowedBy saying by what
 *   (["search"], ["filters"] or both).
 */
export function chooseFeed(state, feeds) {
  var filters = (state && state.filters) || {};
  var best = null;
  FEED_FACETS.forEach(function (facet) {
    var feed = feeds && feeds[facet];
    var chosen = filters[facet];
    if (!feed || !chosen || chosen.size !== 1) return;
    var id = chosen.values().next().value;
    var value = feed.values && Object.prototype.hasOwnProperty.call(feed.values, id) ? feed.values[id] : null;
    if (!value || !feed.folder) return;
    var count = typeof value.count === "number" ? value.count : Infinity;
    if (best && best.count <= count) return; // a tie keeps the facet earlier in FEED_FACETS
    best = { facet: facet, id: id, count: count, name: String(value.name || id), template: feed.subject || "about {name}" };
  });
  var narrowedBy = [];
  if (state && state.q) narrowedBy.push("search");
  var others = Object.keys(filters).some(function (facet) {
    return (!best || facet !== best.facet) && filters[facet] && filters[facet].size > 0;
  });
  if (others) narrowedBy.push("filters");
  if (!best) {
    return { path: SITE_FEED, name: "", subject: "", covers: false, narrower: narrowedBy.length > 0, narrowedBy: narrowedBy };
  }
  return {
    path: feeds[best.facet].folder + "/" + best.id + "/" + SITE_FEED,
    name: best.name,
    subject: best.template.split("{name}").join(best.name),
    covers: true,
    narrower: narrowedBy.length > 0,
    narrowedBy: narrowedBy,
  };
}

function notOnly(narrowedBy) {
  var search = narrowedBy.indexOf("search") >= 0;
  var filters = narrowedBy.indexOf("filters") >= 0;
  return search && filters ? "matching your search and other filters"
    : search ? "matching your search" : "matching your other filters";
}

/* What the page says about a chosen feed: {lead, link, note}, plain text.
   lead comes before the link, note after it ("" when there is nothing to say). */
export function followText(choice) {
  // Nothing chosen: the site's feed is exactly this view.
  if (!choice.covers && !choice.narrower) {
    return { lead: "", link: "Follow new case studies (Atom feed)", note: "" };
  }
  if (!choice.covers) {
    return {
      lead: "This view is wider than any one feed: ",
      link: "follow all new case studies (Atom feed)",
      note: choice.narrower ? "That feed has every new case study, not only those " + notOnly(choice.narrowedBy) + "." : "",
    };
  }
  return {
    lead: "",
    link: "Follow new case studies " + choice.subject + " (Atom feed)",
    note: choice.narrower
      ? "The feed has every new case study " + choice.subject + ", not only those " + notOnly(choice.narrowedBy) + "."
      : "",
  };
}
