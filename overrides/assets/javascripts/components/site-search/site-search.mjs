/*
 * The header search box (root: data-module="cb-search", overrides/partials/search.html):
 * results as the reader types, from the same index as the finder. Without the
 * script it is a plain form opening the finder with ?q=. Material's own search
 * is not mounted (see partials/search.html), so this also opens and closes the
 * box and moves focus, as Material's would.
 */
import { sentence, setMarked, setText, whenSeen } from "../../lib/dom.mjs";
import { moreText, plural } from "../../lib/format.mjs";
import { finderSearch } from "../../lib/query-string.mjs";
import { SearchIndex } from "../../lib/search-index.mjs";
import { searchNotes } from "../../lib/search-notes.mjs";
import { MAX_QUERY_LENGTH, lacksATerm, markRanges, passage, siteAddress } from "../../lib/words.mjs";

export var moduleName = "cb-search";

var RESULTS = 10;

/* Start the box on its root. Called once per element (casebook.js): the header
   outlives instant navigation, so that is once a visit. */
export function start(root) {
  new SiteSearch(root); // eslint-disable-line no-new
}

function SiteSearch(root) {
  var self = this;
  this.root = root;
  this.form = root.querySelector("form");
  this.input = root.querySelector(".md-search__input");
  this.meta = root.querySelector(".md-search-result__meta");
  this.list = root.querySelector(".md-search-result__list");
  this.moreBox = root.querySelector(".cb-search__more");
  this.moreButton = root.querySelector(".cb-search__show-more");
  this.finderLink = root.querySelector(".cb-search__finder");
  this.toggle = document.getElementById("__search");
  // The header stays put through instant navigation while the page's address
  // changes, so relative addresses are resolved once, now.
  this.index = SearchIndex.open(root.dataset.indexBase, root.dataset.indexKeys);
  this.siteRoot = new URL("../../../", this.index.base).href; // the site root: base is <root>case-studies/search/<version>/
  this.finder = this.form.action;
  this.form.setAttribute("action", this.finder);
  this.timer = null;
  this.shown = 0;
  this.matches = [];
  this.placeholder = this.meta.textContent.trim();
  this.input.maxLength = MAX_QUERY_LENGTH;
  this.asTyped = false;
  this.result = null;
  this.notes = root.querySelector(".cb-search__notes");

  this.input.addEventListener("focus", function () { self.open(true); });
  this.input.addEventListener("input", function () {
    window.clearTimeout(self.timer);
    self.timer = window.setTimeout(function () { self.search(); }, 80);
  });
  this.form.addEventListener("reset", function () {
    window.setTimeout(function () { self.search(); self.input.focus(); }, 0);
  });
  this.toggle.addEventListener("change", function () {
    if (self.toggle.checked) window.setTimeout(function () { self.input.focus(); }, 0);
  });
  this.moreButton.addEventListener("click", function () {
    var first = self.shown;
    self.show(self.shown + RESULTS).then(function () {
      var link = self.list.children[first] && self.list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });
  root.addEventListener("click", function (event) {
    // Following a result (instant navigation keeps the page) closes the box.
    if (event.target.closest("a")) self.open(false);
  });
  root.addEventListener("keydown", function (event) { self.key(event); });
  // Tab out of the open box closes it, as Material's own search does: otherwise focus
  // goes on through the page under it. (A click on the results' text moves focus nowhere.)
  root.addEventListener("focusout", function (event) {
    if (self.toggle.checked && event.relatedTarget && !root.contains(event.relatedTarget)) self.open(false);
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName);
    if (!self.toggle.checked && !typing && !event.ctrlKey && !event.metaKey && !event.altKey &&
        (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      self.open(true);
    }
  });
}

SiteSearch.prototype.open = function (open) {
  if (this.toggle.checked !== open) this.toggle.checked = open;
  if (open) this.input.focus();
  else this.input.blur();
};

/* Escape closes; the arrow keys move between the box and the results. */
SiteSearch.prototype.key = function (event) {
  if (event.key === "Escape") {
    event.preventDefault();
    this.open(false);
    return;
  }
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  var links = Array.prototype.slice.call(this.list.querySelectorAll("a"));
  var at = links.indexOf(document.activeElement);
  var next = event.key === "ArrowDown" ? at + 1 : at - 1;
  if (at < 0 && event.target !== this.input) return;
  event.preventDefault();
  if (next < 0) this.input.focus();
  else if (next < links.length) links[next].focus();
};

SiteSearch.prototype.search = function () {
  var self = this;
  var query = this.input.value.trim();
  if (query !== this.query) this.asTyped = false; // a new search is read for misspellings again
  this.query = query;
  var asTyped = this.asTyped;
  this.finderLink.href = this.finder + finderSearch(query, asTyped);
  var result = query ? this.index.search(query, asTyped, function () {
    if (self.query === query && self.asTyped === asTyped) self.search();
  }) : null;
  if (query && !result) return; // its files are loading; this runs again when they are here
  this.result = result;
  this.matches = result ? result.ids : [];
  this.list.textContent = "";
  this.shown = 0;
  this.writeNotes(query, result);
  if (!result || !result.terms.length) {
    this.moreBox.hidden = true;
    setText(this.meta, query ? "Type a longer word to search" : this.placeholder);
    return;
  }
  this.show(RESULTS);
};

/* "Showing results for jurassic", with a button to search as typed; or, when
   a search as typed finds nothing, "Did you mean jurassic?". */
SiteSearch.prototype.writeNotes = function (query, result) {
  var self = this;
  var notes = searchNotes(result, query);
  var parts = [];
  if (result && this.asTyped && !result.ids.length) {
    var meant = this.index.search(query, false, function () { if (self.query === query) self.writeNotes(query, self.result); });
    if (meant && meant.corrections.length) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cb-search__spelling";
      button.textContent = meant.corrections.map(function (c) { return c.to; }).join(" ");
      button.addEventListener("click", function () { self.asTyped = false; self.search(); self.input.focus(); });
      var line = document.createElement("p");
      line.append("Did you mean ", button, "?");
      parts.push(line);
    }
  }
  notes.forEach(function (note, i) {
    var line = document.createElement("p");
    line.append.apply(line, sentence(note));
    if (i === 0 && result && result.corrections.length) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cb-search__spelling";
      button.append.apply(button, sentence(["Search for \u201c", { text: query }, "\u201d as typed"]));
      button.addEventListener("click", function () { self.asTyped = true; self.search(); self.input.focus(); });
      line.append(button);
    }
    parts.push(line);
  });
  this.notes.replaceChildren.apply(this.notes, parts);
};

/* Render results up to `limit`, fetching the documents they are. */
SiteSearch.prototype.show = function (limit) {
  var self = this;
  var query = this.query;
  var result = this.result;
  var ids = this.matches.slice(this.shown, limit);
  return Promise.all(ids.map(function (id) { return self.index.document(id); })).then(function (documents) {
    if (self.result !== result) return;
    documents.forEach(function (document_, i) {
      var item = document_ && self.item(document_, ids[i], result);
      if (item) self.list.appendChild(item);
    });
    self.shown = Math.min(limit, self.matches.length);
    var count = self.matches.length;
    setText(self.meta, count === 0
      ? "No matching documents"
      : plural(count, "matching document", "matching documents"));
    var left = count - self.shown;
    self.moreBox.hidden = count === 0;
    self.moreButton.hidden = left <= 0;
    setText(self.moreButton, moreText(RESULTS, left));
  });
};

/* One result in Material's markup, so its styles apply: the title and
   summary with the query's words marked, and a passage when the words are
   elsewhere. Null for an address that is not the site's own. */
SiteSearch.prototype.item = function (document_, id, result) {
  var self = this;
  var href = siteAddress(document_[0], this.siteRoot);
  if (!href || typeof document_[1] !== "string" || typeof document_[2] !== "string") return null;
  var item = document.createElement("li");
  item.className = "md-search-result__item";
  var link = document.createElement("a");
  link.className = "md-search-result__link";
  link.href = href;
  var article = document.createElement("article");
  article.className = "md-search-result__article md-typeset";
  var title = document.createElement("h1");
  var inTitle = markRanges(document_[1], result.matchers);
  setMarked(title, document_[1], inTitle);
  var summary = document.createElement("p");
  var inSummary = markRanges(document_[2], result.matchers);
  setMarked(summary, document_[2], inSummary);
  article.appendChild(title);
  article.appendChild(summary);
  if (lacksATerm(result.matchers, inTitle.concat(inSummary))) {
    var extract = document.createElement("p");
    extract.className = "cb-search__passage";
    article.appendChild(extract);
    whenSeen(item, function () {
      self.index.text(id).then(function (text) {
        var found = passage(text, result.matchers);
        if (found) setMarked(extract, found.text, found.ranges);
        else extract.remove();
      });
    });
  }
  link.appendChild(article);
  item.appendChild(link);
  return item;
};

