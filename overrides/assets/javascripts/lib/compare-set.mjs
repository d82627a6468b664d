/*
 * The case studies chosen for the comparison: at most MAX, kept for the tab
 * (sessionStorage, so they outlive instant navigation and reloads; in memory
 * when storage throws), and the comparison's address, /case-studies/compare/?slugs=a,b,
 * which is the shareable truth. Pure but for the store's storage
 * (tests/js/compare-set.test.mjs).
 */

export var MAX = 4;
var KEY = "cb-compare";
var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
var LONGEST_SLUG = 120;
var LONGEST_TITLE = 200;
var MOST_READ = 50; // values read from an address, however many it has

export function isSlug(value) {
  return typeof value === "string" && value.length <= LONGEST_SLUG && SLUG.test(value);
}

/* What a reader typed, as it may be quoted back: at most `most` characters. */
export function clip(value, most) {
  var text = String(value);
  var limit = most || 40;
  return text.length > limit ? text.slice(0, limit - 1) + "\u2026" : text;
}

/* A stored or given list -> [{slug, title}], valid, unrepeated, at most MAX. */
export function cleanList(list) {
  var seen = new Set();
  var clean = [];
  (Array.isArray(list) ? list : []).forEach(function (item) {
    var slug = item && item.slug;
    if (!isSlug(slug) || seen.has(slug) || clean.length >= MAX) return;
    seen.add(slug);
    clean.push({ slug: slug, title: clip(typeof item.title === "string" ? item.title : slug, LONGEST_TITLE) });
  });
  return clean;
}

/* The text sessionStorage holds -> the list (anything unreadable is an empty list). */
export function readList(text) {
  try {
    return cleanList(JSON.parse(text || "[]"));
  } catch (error) {
    return [];
  }
}

/*
 * The address's ?slugs=a,b,c read against the case studies that exist (`exists(slug)`):
 * {given, slugs (at most MAX, in order), missing, extra, repeated, junk} — missing are
 * well-formed slugs no case study has, extra the ones past MAX, repeated how many were
 * given twice, junk how many were not slugs at all. `given` says whether the address
 * names slugs at all (?slugs= with nothing is an empty comparison).
 */
export function readSlugs(search, exists) {
  var params = new URLSearchParams(search || "");
  var values = [];
  params.getAll("slugs").forEach(function (value) {
    value.split(",").forEach(function (part) {
      var slug = part.trim();
      if (slug) values.push(slug);
    });
  });
  var read = { given: params.has("slugs"), slugs: [], missing: [], extra: [], repeated: 0, junk: [], unread: 0 };
  var seen = new Set();
  values.forEach(function (value, i) {
    if (i >= MOST_READ) { read.unread += 1; return; }
    if (!isSlug(value)) { read.junk.push(clip(value)); return; }
    if (seen.has(value)) { read.repeated += 1; return; }
    seen.add(value);
    if (!exists(value)) read.missing.push(value);
    else if (read.slugs.length >= MAX) read.extra.push(value);
    else read.slugs.push(value);
  });
  return read;
}

/* The comparison's address for some slugs, from its page's address. */
export function compareHref(base, slugs) {
  return base + "?slugs=" + slugs.map(encodeURIComponent).join(",");
}

/* "2 of 4 chosen" */
export function chosenText(count) {
  return count + " of " + MAX + " chosen";
}

/*
 * The chosen list for the tab. `storage()` gives sessionStorage (it may throw,
 * or its methods may: private modes, disabled storage, a full quota); from the
 * first failure on, the list lives in memory for the rest of the visit.
 */
export function createStore(storage) {
  var memory = [];
  var broken = false;
  var listeners = [];

  function get() {
    if (!broken) {
      try {
        return readList(storage().getItem(KEY));
      } catch (error) {
        broken = true;
      }
    }
    return cleanList(memory);
  }

  function set(list) {
    var clean = cleanList(list);
    memory = clean;
    if (!broken) {
      try {
        storage().setItem(KEY, JSON.stringify(clean));
      } catch (error) {
        broken = true;
      }
    }
    listeners.slice().forEach(function (listener) { listener(clean); });
    return clean;
  }

  return {
    get: get,
    set: set,
    has: function (slug) { return get().some(function (item) { return item.slug === slug; }); },
    add: function (slug, title) {
      var list = get();
      if (list.length >= MAX || list.some(function (item) { return item.slug === slug; })) return false;
      set(list.concat([{ slug: slug, title: title }]));
      return true;
    },
    remove: function (slug) {
      set(get().filter(function (item) { return item.slug !== slug; }));
    },
    /* Called with the new list on every change; returns a function that stops it. */
    subscribe: function (listener) {
      listeners.push(listener);
      return function () { listeners = listeners.filter(function (other) { return other !== listener; }); };
    },
  };
}

var shared = null;

/* The page's store: one for the visit (instant navigation keeps this module). */
export function chosenStore() {
  if (!shared) shared = createStore(function () { return window.sessionStorage; });
  return shared;
}
