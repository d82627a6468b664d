/*
 * The finder's state in the address, so links, Back and Forward work: the
 * contract's ?q=…&phase=…&hub=…&model=…&programme=…&type=… (each filter
 * repeatable), plus the casebook's own region=…, sort=… and spelling=exact.
 * Pure (tests/js/query-string.test.mjs): no page, only URLSearchParams.
 *
 * state: {q, long, asTyped, sort, filters: {facet: Set of values}}; sort "" is
 * the default order (best match with a search, newest without).
 */
import { MAX_QUERY_LENGTH } from "./words.mjs";

export var FACETS = ["phase", "hub", "model", "programme", "type", "region"];
export var SORTS = ["relevance", "newest", "oldest", "title"];

/* The state a query string asks for. `offered` is {facet: [value, ...]}, the
   values the page has: any other value (an old link, a typo) is dropped. */
export function readState(search, offered) {
  var params = new URLSearchParams(search);
  var q = params.get("q") || "";
  var state = {
    q: q.slice(0, MAX_QUERY_LENGTH).trim(), long: q.length > MAX_QUERY_LENGTH,
    asTyped: params.get("spelling") === "exact", sort: params.get("sort") || "", filters: {}
  };
  FACETS.forEach(function (facet) {
    var values = offered[facet] || [];
    state.filters[facet] = new Set(params.getAll(facet).filter(function (value) {
      return values.indexOf(value) >= 0;
    }));
  });
  if (SORTS.indexOf(state.sort) < 0) state.sort = "";
  return state;
}

/* The address of a state: "?q=…" with the filters in the page's order of
   `offered` (so one view has one address), or `pathname` when there is nothing
   to say. Spelling is only worth saying with a search. */
export function writeState(state, offered, pathname) {
  var params = new URLSearchParams();
  if (state.q) params.append("q", state.q);
  FACETS.forEach(function (facet) {
    (offered[facet] || []).forEach(function (value) {
      if (state.filters[facet].has(value)) params.append(facet, value);
    });
  });
  if (state.sort) params.append("sort", state.sort);
  if (state.q && state.asTyped) params.append("spelling", "exact");
  var text = params.toString();
  return text ? "?" + text : pathname;
}

/* The order a state is shown in: best match with a search, newest without;
   best match means nothing without one. */
export function shownSort(state) {
  var sort = state.sort || (state.q ? "relevance" : "newest");
  return sort === "relevance" && !state.q ? "newest" : sort;
}

/* A sort the reader picked, as the address keeps it: "" when it is what the
   query would give anyway, so the address stays short and follows the query. */
export function chosenSort(sort, q) {
  return sort === (q ? "relevance" : "newest") || (sort === "relevance" && !q) ? "" : sort;
}

/* The header search box's link into the finder for a query: the query, cut as
   the finder would cut it, and "as typed" when the reader asked for it. */
export function finderSearch(query, asTyped) {
  return "?q=" + encodeURIComponent(query.slice(0, MAX_QUERY_LENGTH)) + (asTyped ? "&spelling=exact" : "");
}
