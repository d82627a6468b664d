/*
 * A briefing to take away: case studies printed on their own, with a title line
 * saying what was chosen, the date and each page's full address. Used by the
 * finder's "Print a briefing" and the comparison page.
 *
 * briefingTitle, printedOnText and briefingLimit are pure (tests/js/briefing.test.mjs);
 * printBriefing needs a page (tests/site/test_briefing.py). It writes text nodes
 * and elements only, never an HTML string. The print stylesheet (casebook.css,
 * "Briefing") shows only the briefing while <html> has BRIEFING_CLASS.
 */
import { MONTHS, number, plural } from "./format.mjs";

export var BRIEFING_CLASS = "cb-briefing-printing";
export var BRIEFING_LIMIT = 100; // more than this on paper helps nobody

/* ["Primary", "Jurassic Maths Hub"], 2 -> "Primary · Jurassic Maths Hub · 2 case studies";
   nothing chosen -> "All case studies · 23 case studies". */
export function briefingTitle(parts, count) {
  var chosen = (Array.isArray(parts) ? parts : []).map(function (part) {
    return String(part === null || part === undefined ? "" : part).trim();
  }).filter(Boolean);
  if (!chosen.length) chosen = ["All case studies"];
  return chosen.concat([plural(count, "case study", "case studies")]).join(" · ");
}

/* A date (the reader's own day) -> "Printed on 1 December 2026". */
export function printedOnText(date) {
  var day = date instanceof Date && !isNaN(date.getTime()) ? date : new Date();
  return "Printed on " + day.getDate() + " " + MONTHS[day.getMonth()] + " " + day.getFullYear();
}

/* The items a briefing prints and what it says about the rest:
   {items, note}; note is "" when all of them fit. */
export function briefingLimit(items, limit) {
  var all = Array.isArray(items) ? items : [];
  var most = typeof limit === "number" && limit > 0 ? limit : BRIEFING_LIMIT;
  if (all.length <= most) return { items: all, note: "" };
  return {
    items: all.slice(0, most),
    note: "The first " + number(most) + " of " + number(all.length) + " — narrow the filters to print the rest.",
  };
}

function element(doc, name, className, text) {
  var node = doc.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function itemNode(doc, item) {
  var node = element(doc, "li", "cb-briefing__item");
  node.appendChild(element(doc, "h2", "cb-briefing__heading", item.title || ""));
  if (item.summary) node.appendChild(element(doc, "p", "cb-briefing__summary", item.summary));
  var facts = Array.isArray(item.facts) ? item.facts.filter(function (row) {
    return Array.isArray(row) && row[1];
  }) : [];
  if (facts.length) {
    var list = element(doc, "dl", "cb-briefing__facts");
    facts.forEach(function (row) {
      var pair = element(doc, "div", "cb-briefing__fact");
      pair.appendChild(element(doc, "dt", "", row[0]));
      pair.appendChild(element(doc, "dd", "", row[1]));
      list.appendChild(pair);
    });
    node.appendChild(list);
  }
  if (item.url) node.appendChild(element(doc, "p", "cb-briefing__url", item.url));
  return node;
}

/* The page prints as itself again; the section stays (never shown) until the next
   briefing, in case the browser lays the page out for print again after afterprint. */
function done(doc) {
  doc.documentElement.classList.remove(BRIEFING_CLASS);
}

/*
 * Build the print-only section and print it.
 *   doc: the document; title: the title line (briefingTitle);
 *   items: [{title, summary, facts: [[label, text], ...], url}] in the order to print
 *     (cut to `limit`, 100 unless given, with a line saying so);
 *   printedOn: a Date (today unless given) or the line itself.
 * Returns the section. The page's own print (Ctrl+P) is unchanged once the
 * window's afterprint has fired.
 */
export function printBriefing(doc, options) {
  var o = options || {};
  var view = doc.defaultView || window;
  done(doc);
  doc.querySelectorAll("[data-briefing]").forEach(function (node) { node.remove(); });
  var kept = briefingLimit(o.items, o.limit);
  var section = element(doc, "section", "cb-briefing");
  section.setAttribute("data-briefing", "");
  section.appendChild(element(doc, "h1", "cb-briefing__title", o.title || ""));
  section.appendChild(element(doc, "p", "cb-briefing__printed",
    typeof o.printedOn === "string" ? o.printedOn : printedOnText(o.printedOn)));
  if (kept.note) section.appendChild(element(doc, "p", "cb-briefing__note", kept.note));
  var list = element(doc, "ol", "cb-briefing__items");
  kept.items.forEach(function (item) { list.appendChild(itemNode(doc, item || {})); });
  section.appendChild(list);
  doc.body.appendChild(section);
  doc.documentElement.classList.add(BRIEFING_CLASS);
  view.addEventListener("afterprint", function () { done(doc); }, { once: true });
  view.print();
  return section;
}
