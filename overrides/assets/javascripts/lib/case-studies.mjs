/*
 * The case studies as /case-studies.json publishes them (macros/outputs/exports.py),
 * for the pages that show several side by side or on paper: the comparison and the
 * briefing. Fetched once a page, only when asked for; never a second copy in the
 * page. Pure apart from loadCaseStudies (tests/js/case-studies.test.mjs).
 *
 * The rows say what the contract's fields say, in the casebook's words; a row a
 * case study does not fill is "" (each page says so in its own way).
 */
import { MONTHS, number } from "./format.mjs";

var loading = new Map(); // the JSON's address -> a promise of its case studies

/* "2025-03-14" -> "14 March 2025", as the pages print it (macros/site/render.py: format_date). */
export function longDate(iso) {
  var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ""));
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return String(iso || "");
  return Number(match[3]) + " " + MONTHS[Number(match[2]) - 1] + " " + match[1];
}

function names(ids, vocabulary) {
  return (Array.isArray(ids) ? ids : []).map(function (id) {
    return vocabulary && Object.prototype.hasOwnProperty.call(vocabulary, id) ? String(vocabulary[id]) : String(id);
  }).join(", ");
}

function text(value) {
  return typeof value === "string" ? value : value === null || value === undefined ? "" : String(value);
}

function trustText(entry) {
  if (!entry.trust) return "";
  var details = entry.trust_details || {};
  var parts = [];
  if (typeof details.schools === "number") parts.push(number(details.schools) + (details.schools === 1 ? " school" : " schools"));
  if (Array.isArray(details.counties) && details.counties.length) parts.push(details.counties.map(text).join(", "));
  return text(entry.trust) + (parts.length ? " (" + parts.join("; ") + ")" : "");
}

function schoolText(entry) {
  if (!entry.school) return "";
  var details = entry.school_details || {};
  var parts = [];
  if (details.location) parts.push(text(details.location));
  if (details.age_range) parts.push("ages " + text(details.age_range));
  if (typeof details.pupils === "number") parts.push(number(details.pupils) + " pupils");
  if (typeof details.fsm_percent === "number") parts.push(details.fsm_percent + "% eligible for free school meals");
  if (details.setting) parts.push(text(details.setting));
  return text(entry.school) + (parts.length ? " (" + parts.join("; ") + ")" : "");
}

function peopleText(entry) {
  return (Array.isArray(entry.people) ? entry.people : []).map(function (person) {
    return text(person && person.name) + (person && person.role ? ", " + text(person.role) : "");
  }).filter(Boolean).join("; ");
}

/* The rows a comparison aligns, in order: [key, label]. */
export var ROWS = [
  ["type", "Type"], ["date", "Date"], ["trust", "Trust"], ["school", "School"], ["phases", "Phases"],
  ["hubs", "Maths Hubs"], ["partnership_models", "Partnership models"], ["programmes", "Programmes"],
  ["people", "People"], ["summary", "Summary"], ["opening", "How it begins"],
];

/* One case study's value for each of ROWS, as plain text ("" when it says nothing). */
export function rowValues(entry, vocabularies) {
  var v = vocabularies || {};
  return {
    type: names([entry.type], v.types),
    date: longDate(entry.date),
    trust: trustText(entry),
    school: schoolText(entry),
    phases: names(entry.phases, v.phases),
    hubs: names(entry.hubs, v.hubs),
    partnership_models: names(entry.partnership_models, v.partnership_models),
    programmes: names(entry.programmes, v.programmes),
    people: peopleText(entry),
    summary: text(entry.summary),
    opening: text(entry.opening),
  };
}

/* The facts a briefing lists under a title: the rows that have something to say,
   but the summary and the opening, which it shows as text. */
export function factRows(entry, vocabularies) {
  var values = rowValues(entry, vocabularies);
  return ROWS.filter(function (row) {
    return row[0] !== "summary" && row[0] !== "opening" && values[row[0]];
  }).map(function (row) { return [row[1], values[row[0]]]; });
}

/* The case studies of a parsed /case-studies.json: {entries, bySlug, vocabularies}. */
export function readCaseStudies(json) {
  var entries = json && Array.isArray(json.case_studies) ? json.case_studies.filter(function (entry) {
    return entry && typeof entry.slug === "string" && typeof entry.url === "string";
  }) : [];
  var bySlug = new Map();
  entries.forEach(function (entry) { bySlug.set(entry.slug, entry); });
  return { entries: entries, bySlug: bySlug, vocabularies: (json && json.vocabularies) || {} };
}

/* /case-studies.json, fetched once for the page's lifetime (instant navigation included). */
export function loadCaseStudies(address) {
  var url = new URL(address, window.location.href).href;
  if (!loading.has(url)) {
    loading.set(url, window.fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("could not load " + url + ": " + response.status);
      return response.json();
    }).then(readCaseStudies).catch(function (error) {
      loading.delete(url); // try again next time
      throw error;
    }));
  }
  return loading.get(url);
}
