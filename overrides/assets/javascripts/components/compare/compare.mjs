/*
 * The comparison at /case-studies/compare/?slugs=a,b,c (root: data-module="cb-compare",
 * from macros/site/compare.py). The page as built says comparing needs JavaScript;
 * this hides that and draws up to four case studies side by side from
 * /case-studies.json (lib/case-studies.mjs), as a table on wide screens and a
 * list per row on narrow ones (casebook.css picks one). The address is the
 * truth: opening it makes its case studies the chosen set (lib/compare-set.mjs),
 * removing one pushes a new address, and Back shows the one before.
 * Everything from the data is written as text nodes.
 */
import { printBriefing, briefingTitle } from "../../lib/briefing.mjs";
import { ROWS, factRows, loadCaseStudies, rowValues } from "../../lib/case-studies.mjs";
import { chosenStore, clip, compareHref, readSlugs } from "../../lib/compare-set.mjs";
import { plural } from "../../lib/format.mjs";

export var moduleName = "cb-compare";

var current = null; // the comparison on the page being shown (instant navigation keeps this module)
var listening = false;
var CASE_STUDY_URL = /^case-studies\/[a-z0-9]+(-[a-z0-9]+)*\/$/;

export function start(root) {
  current = new Comparison(root);
  current.start();
  if (!listening) {
    listening = true;
    window.addEventListener("popstate", function () {
      if (current && current.root.isConnected) current.show(false);
    });
  }
}

function element(name, className, text) {
  var node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function Comparison(root) {
  this.root = root;
  this.app = root.querySelector(".cb-compare__app");
  this.status = root.querySelector(".cb-compare__status");
  this.notes = root.querySelector(".cb-compare__notes");
  this.empty = root.querySelector(".cb-compare__empty");
  this.view = root.querySelector(".cb-compare__view");
  this.print = root.querySelector(".cb-compare__print");
  this.siteRoot = new URL(root.dataset.root || "./", window.location.href);
  this.store = chosenStore();
}

Comparison.prototype.start = function () {
  var self = this;
  this.root.querySelector(".cb-compare__static").hidden = true;
  this.app.hidden = false;
  this.status.textContent = "Loading the case studies\u2026";
  this.print.addEventListener("click", function () { self.printBriefing(); });
  this.view.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".cb-compare__remove");
    if (button) self.remove(button.dataset.slug);
  });
  loadCaseStudies(this.root.dataset.json).then(function (data) {
    self.data = data;
    if (self.root.isConnected) self.show(false);
  }).catch(function () {
    self.status.textContent = "The case studies could not be loaded. Try again later, or use the finder.";
  });
};

/* Draw what the address says; the address's case studies become the chosen set. */
Comparison.prototype.show = function (announce) {
  if (!this.data) return;
  var bySlug = this.data.bySlug;
  var read = readSlugs(window.location.search, function (slug) { return bySlug.has(slug); });
  if (!read.given && this.store.get().length) {
    // No case studies named: the ones chosen in this tab, with their address.
    var kept = this.store.get().map(function (item) { return item.slug; }).filter(function (slug) { return bySlug.has(slug); });
    window.history.replaceState(window.history.state, "", compareHref(window.location.pathname, kept));
    read = readSlugs(window.location.search, function (slug) { return bySlug.has(slug); });
  }
  this.entries = read.slugs.map(function (slug) { return bySlug.get(slug); });
  this.store.set(this.entries.map(function (entry) { return { slug: entry.slug, title: String(entry.title) }; }));
  this.writeNotes(read);
  this.empty.hidden = this.entries.length > 0;
  this.print.hidden = this.entries.length === 0;
  this.draw();
  var text = this.entries.length ? "Comparing " + plural(this.entries.length, "case study", "case studies") + "."
    : "No case studies to compare.";
  this.status.textContent = announce ? announce + " " + text : text;
};

/* Which of the address's values were left out, and why: in plain text, each quoted value clipped. */
Comparison.prototype.writeNotes = function (read) {
  var lines = [];
  function quote(values, most) {
    var shown = values.slice(0, most || 5);
    var parts = [];
    shown.forEach(function (value, i) {
      parts.push(i ? ", \u201c" : "\u201c", element("bdi", "", clip(value)), "\u201d");
    });
    if (values.length > shown.length) parts.push(" and " + (values.length - shown.length) + " more");
    return parts;
  }
  if (read.missing.length) {
    lines.push([(read.missing.length === 1 ? "Not found: " : "Not found: ")].concat(quote(read.missing),
      [read.missing.length === 1 ? " (no case study has this address)." : " (no case study has these addresses)."]));
  }
  if (read.extra.length) {
    lines.push(["Left out, because a comparison shows at most four: "].concat(quote(read.extra), ["."]));
  }
  if (read.junk.length) {
    lines.push(["Ignored, not the address of a case study: "].concat(quote(read.junk), ["."]));
  }
  if (read.repeated) lines.push(["Ignored " + plural(read.repeated, "repeat", "repeats") + " of a case study already shown."]);
  if (read.unread) lines.push(["Ignored " + read.unread + " more values: the address names too many."]);
  this.notes.replaceChildren.apply(this.notes, lines.map(function (parts) {
    var line = element("p", "cb-compare__note");
    line.append.apply(line, parts);
    return line;
  }));
};

Comparison.prototype.link = function (entry) {
  var url = String(entry.url);
  var title = String(entry.title);
  if (!CASE_STUDY_URL.test(url)) return element("span", "", title);
  var link = element("a", "", title);
  link.href = new URL(url, this.siteRoot).href;
  return link;
};

Comparison.prototype.removeButton = function (entry) {
  var button = element("button", "cb-compare__remove", "Remove");
  button.type = "button";
  button.dataset.slug = entry.slug;
  button.append(element("span", "cb-visually-hidden", " " + String(entry.title) + " from the comparison"));
  return button;
};

/* The rows that have something to say for at least one of the case studies. */
Comparison.prototype.rows = function () {
  var vocabularies = this.data.vocabularies;
  var values = this.entries.map(function (entry) { return rowValues(entry, vocabularies); });
  return ROWS.filter(function (row) {
    return values.some(function (value) { return value[row[0]]; });
  }).map(function (row) {
    return { label: row[1], values: values.map(function (value) { return value[row[0]]; }) };
  });
};

Comparison.prototype.draw = function () {
  var self = this;
  if (!this.entries.length) { this.view.replaceChildren(); return; }
  var rows = this.rows();
  var entries = this.entries;

  // Wide screens: one column per case study, rows aligned so differences read across.
  var wide = element("div", "cb-compare__wide");
  var table = element("table", "cb-compare__table cb-compare__table--" + entries.length);
  table.append(element("caption", "cb-visually-hidden", plural(entries.length, "case study", "case studies") +
    " side by side, one per column"));
  var head = element("thead");
  var titles = element("tr");
  titles.append(element("td"));
  var removes = element("tr", "cb-compare__removes");
  removes.append(element("td"));
  entries.forEach(function (entry) {
    var th = element("th");
    th.scope = "col";
    th.append(self.link(entry));
    titles.append(th);
    var cell = element("td");
    cell.append(self.removeButton(entry));
    removes.append(cell);
  });
  head.append(titles, removes);
  var body = element("tbody");
  rows.forEach(function (row) {
    var tr = element("tr");
    var th = element("th", "", row.label);
    th.scope = "row";
    tr.append(th);
    row.values.forEach(function (value) {
      tr.append(value ? element("td", "", value) : element("td", "cb-compare__none", "Not given"));
    });
    body.append(tr);
  });
  table.append(head, body);
  wide.append(table);

  // Narrow screens: the case studies, then a heading per row with each one's value under its title.
  var narrow = element("div", "cb-compare__narrow");
  narrow.append(element("h2", "", "The case studies"));
  var list = element("ul", "cb-compare__chosen");
  entries.forEach(function (entry) {
    var item = element("li");
    item.append(self.link(entry), " ", self.removeButton(entry));
    list.append(item);
  });
  narrow.append(list);
  rows.forEach(function (row) {
    narrow.append(element("h2", "cb-compare__row", row.label));
    var facts = element("dl", "cb-compare__facts");
    row.values.forEach(function (value, i) {
      var pair = element("div");
      pair.append(element("dt", "", String(entries[i].title)),
        value ? element("dd", "", value) : element("dd", "cb-compare__none", "Not given"));
      facts.append(pair);
    });
    narrow.append(facts);
  });
  this.view.replaceChildren(wide, narrow);
};

/* Take one away: a new address (Back brings it back) and focus on the next Remove, or the status. */
Comparison.prototype.remove = function (slug) {
  var index = this.entries.findIndex(function (entry) { return entry.slug === slug; });
  if (index < 0) return;
  var removed = this.entries[index];
  var left = this.entries.filter(function (entry) { return entry.slug !== slug; }).map(function (entry) { return entry.slug; });
  window.history.pushState(null, "", compareHref(window.location.pathname, left));
  this.show("Removed \u201c" + String(removed.title) + "\u201d.");
  var buttons = Array.prototype.filter.call(this.view.querySelectorAll(".cb-compare__remove"), function (button) {
    return button.offsetParent !== null; // the view this screen shows
  });
  var next = buttons[Math.min(index, buttons.length - 1)];
  if (next) next.focus();
  else {
    this.status.tabIndex = -1;
    this.status.focus();
  }
};

Comparison.prototype.printBriefing = function () {
  var vocabularies = this.data.vocabularies;
  var siteRoot = this.siteRoot;
  printBriefing(document, {
    title: briefingTitle(["Comparison"], this.entries.length),
    items: this.entries.map(function (entry) {
      return {
        title: String(entry.title),
        summary: String(entry.summary || ""),
        facts: factRows(entry, vocabularies),
        url: CASE_STUDY_URL.test(String(entry.url)) ? new URL(String(entry.url), siteRoot).href : "",
      };
    }),
    printedOn: new Date(),
  });
};
