/*
 * The finder at /case-studies/ (root: data-module="cb-finder", from
 * macros/site/finder.py). Progressive enhancement: the page is built with every case
 * study listed and the form hidden; this reveals the form and filters the cards
 * in place, using their data-* attributes. Its state lives in the query string
 * (lib/query-string.mjs), so links and Back/Forward work.
 */
import { briefingTitle, printBriefing } from "../../lib/briefing.mjs";
import { factRows, loadCaseStudies } from "../../lib/case-studies.mjs";
import { csvText } from "../../lib/csv.mjs";
import { sentence, setMarked, setText, whenSeen } from "../../lib/dom.mjs";
import { moreText, number, plural } from "../../lib/format.mjs";
import { chooseFeed, followText } from "../../lib/feeds.mjs";
import { FACETS, chosenSort, readState, shownSort, writeState } from "../../lib/query-string.mjs";
import { SearchIndex } from "../../lib/search-index.mjs";
import { corrected, searchNotes } from "../../lib/search-notes.mjs";
import { MAX_QUERY_LENGTH, lacksATerm, markRanges, passage } from "../../lib/words.mjs";

export var moduleName = "cb-finder";

// Cards in the page at once: layout costs about 0.3 ms a card. The rest are held
// detached, because with thousands of cards in the list even hiding a few makes
// the browser restyle them all.
var PAGE = 20;
// The finder on the page being shown: instant navigation keeps this module (and
// its listeners on window) while pages come and go.
var current = null;

/* Start the finder on its root. Called once per element (casebook.js). */
export function start(root) {
  current = new Finder(root);
  current.start();
}

function Finder(root) {
  var self = this;
  this.root = root;
  this.form = root.querySelector(".cb-finder__form");
  this.list = root.querySelector(".cb-finder__results");
  this.status = root.querySelector(".cb-finder__count [role=status]");
  this.selected = root.querySelector(".cb-finder__selected");
  this.chips = root.querySelector(".cb-finder__chips");
  this.empty = root.querySelector(".cb-finder__empty");
  this.emptyMessage = root.querySelector(".cb-finder__empty-message");
  this.input = root.querySelector(".cb-finder__input");
  this.input.maxLength = MAX_QUERY_LENGTH;
  // "Showing results for jurassic", and what the search left unread.
  this.notes = document.createElement("div");
  this.notes.className = "cb-finder__notes";
  // A live region, never hidden (a region shown and filled at once may not be read out):
  // a screen reader hears "Showing results for jurassic" too. Empty, it takes no room.
  this.notes.setAttribute("role", "status");
  this.list.parentNode.insertBefore(this.notes, this.list);
  this.sort = root.querySelector(".cb-finder__select");
  this.index = SearchIndex.open(root.dataset.indexBase || "", root.dataset.indexKeys || "");
  this.typing = false;
  this.sortChosen = false; // the reader picked a sort; otherwise it follows the query
  this.limit = PAGE;
  this.more = root.querySelector(".cb-finder__more");
  this.announce = null;

  this.records = Array.prototype.map.call(this.list.children, function (card, position) {
    var link = card.querySelector(".cb-card__title a");
    var summary = card.querySelector(".cb-card__summary");
    return {
      card: card,
      position: position, // in the built order, newest first: also the case study's search index id
      link: link,
      title: link.textContent,
      summary: summary,
      summaryText: summary ? summary.textContent : "",
      passage: null, // the card's passage element, while it has one
      sortTitle: link.textContent.trim().toLowerCase()
    };
  });

  // Records are in the built order (newest first); the title order never changes either.
  this.titleOrder = this.records.map(function (record, index) { return index; });
  var records = this.records;
  this.titleOrder.sort(function (a, b) {
    return records[a].sortTitle.localeCompare(records[b].sortTitle, "en-GB") || a - b;
  });

  this.boxes = {}; // facet -> value -> checkbox
  this.labels = {}; // facet -> label
  FACETS.forEach(function (facet) {
    self.boxes[facet] = {};
    var group = root.querySelector('.cb-facet[data-facet="' + facet + '"]');
    if (!group) return;
    self.labels[facet] = group.querySelector(".cb-facet__summary").firstChild.textContent.trim();
    group.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      self.boxes[facet][box.value] = box;
      box.countElement = box.nextElementSibling.querySelector(".cb-facet__count");
    });
  });

  // The values each facet offers, in the page's order: what the address may name.
  this.offered = {};
  FACETS.forEach(function (facet) { self.offered[facet] = Object.keys(self.boxes[facet]); });

  // Each facet's values for every card as numbers in one typed array (card r has
  // values[offsets[r]] to values[offsets[r + 1] - 1]): filtering and counting
  // thousands of cards is then a few tight loops, with no strings compared.
  this.facetData = FACETS.map(function (facet) {
    var names = Object.keys(self.boxes[facet]);
    var number = {};
    names.forEach(function (name, i) { number[name] = i; });
    var offsets = new Int32Array(self.records.length + 1);
    var values = [];
    self.records.forEach(function (record, r) {
      offsets[r] = values.length;
      (record.card.dataset[facet] || "").split(" ").forEach(function (value) {
        if (Object.prototype.hasOwnProperty.call(number, value)) values.push(number[value]);
      });
    });
    offsets[self.records.length] = values.length;
    return { names: names, number: number, offsets: offsets, values: Int32Array.from(values) };
  });
}

Finder.prototype.start = function () {
  var self = this;
  this.form.hidden = false;
  this.root.classList.add("cb-finder--enhanced");
  this.form.addEventListener("submit", function (event) {
    event.preventDefault();
    self.typing = false;
    self.update("push");
  });
  this.input.addEventListener("input", function () {
    self.update(self.typing ? "replace" : "push");
    self.typing = true; // one history entry per search, not per keystroke
  });
  this.form.addEventListener("change", function (event) {
    if (event.target === self.input) return;
    if (event.target === self.sort) self.sortChosen = true;
    self.typing = false;
    self.update("push");
  });
  this.toggle = this.root.querySelector(".cb-finder__toggle");
  this.facets = this.root.querySelector(".cb-finder__facets");
  // The count atop the filters, for narrow screens (casebook.css): not live, the heading's is.
  this.summary = document.createElement("p");
  this.summary.className = "cb-finder__summary";
  this.facets.insertBefore(this.summary, this.facets.firstChild);
  this.toggle.addEventListener("click", function () {
    var open = self.toggle.getAttribute("aria-expanded") !== "true";
    self.toggle.setAttribute("aria-expanded", String(open));
    self.facets.classList.toggle("cb-finder__facets--collapsed", !open);
    self.labelToggle();
  });
  this.root.querySelector(".cb-finder__clear").addEventListener("click", function () {
    self.clear(false);
  });
  this.root.querySelector(".cb-finder__reset").addEventListener("click", function () {
    self.clear(true);
  });
  this.more.addEventListener("click", function () {
    var shownBefore = self.page.length;
    self.limit += PAGE;
    self.apply(self.state, null, true);
    // Carry keyboard focus on to the first of the newly shown case studies.
    var first = self.page[shownBefore];
    if (first) first.card.querySelector("a").focus();
  });
  this.startTakeAway();
  this.apply(this.read(window.location.search), null);
};

Finder.prototype.read = function (search) {
  return readState(search, this.offered);
};

Finder.prototype.fromForm = function () {
  var q = this.input.value.trim();
  // A search shown as typed stays so until the search changes.
  var asTyped = Boolean(this.state && this.state.asTyped && this.state.q === q);
  var state = { q: q, long: false, asTyped: asTyped, sort: chosenSort(this.sortChosen ? this.sort.value : "", q), filters: {} };
  var boxes = this.boxes;
  FACETS.forEach(function (facet) {
    state.filters[facet] = new Set(Object.keys(boxes[facet]).filter(function (value) {
      return boxes[facet][value].checked;
    }));
  });
  return state;
};

Finder.prototype.query = function (state) {
  return writeState(state, this.offered, window.location.pathname);
};

Finder.prototype.update = function (history) {
  this.apply(this.fromForm(), history);
};

Finder.prototype.clear = function (everything) {
  var boxes = this.boxes;
  FACETS.forEach(function (facet) {
    Object.keys(boxes[facet]).forEach(function (value) { boxes[facet][value].checked = false; });
  });
  if (everything) this.input.value = "";
  this.typing = false;
  this.update("push");
  this.input.focus();
};

/* Each card's score for the search (-1: no match), from the search index, or
   null with no search. While the index's files load, the last scores stand
   and the finder applies the search again when they are here. */
Finder.prototype.scores = function (state) {
  var self = this;
  if (!state.q) {
    this.result = null;
    this.searching = false;
    return null;
  }
  var result = this.index.search(state.q, state.asTyped, function () {
    self.scoredFor = null;
    if (current === self && self.root.isConnected) self.apply(self.state, null, true);
  }, this.records.length);
  this.searching = !result;
  if (!result) return this.scored || null;
  this.result = result;
  var scores = new Float64Array(this.records.length).fill(-1);
  var count = this.records.length;
  result.scores.forEach(function (score, id) { if (id < count) scores[id] = score; });
  return scores;
};

/* Marks in the shown cards' titles and summaries; a passage from the full text
   when a word matched only there, fetched once the card is on screen. */
Finder.prototype.mark = function (page) {
  var self = this;
  var result = this.state.q ? this.result : null;
  page.forEach(function (record) {
    var matchers = result ? result.matchers : [];
    var inTitle = markRanges(record.title, matchers);
    setMarked(record.link, record.title, inTitle);
    var inSummary = record.summary ? markRanges(record.summaryText, matchers) : [];
    if (record.summary) setMarked(record.summary, record.summaryText, inSummary);
    if (!result || !lacksATerm(matchers, inTitle.concat(inSummary))) {
      if (record.passage) { record.passage.remove(); record.passage = null; }
      return;
    }
    if (!record.passage) {
      record.passage = document.createElement("p");
      record.passage.className = "cb-card__passage";
      (record.summary || record.link.parentNode).insertAdjacentElement("afterend", record.passage);
    }
    var element = record.passage;
    element.cbFor = result;
    whenSeen(element, function () {
      self.index.text(record.position).then(function (text) {
        if (element.cbFor !== result || record.passage !== element) return; // the search moved on
        var found = passage(text, result.matchers);
        if (found) setMarked(element, found.text, found.ranges);
        else { element.remove(); record.passage = null; }
      });
    });
  });
};


Finder.prototype.apply = function (state, history, keepLimit) {
  var self = this;
  if (!history) this.sortChosen = Boolean(state.sort); // state from the address bar
  if (!keepLimit) this.limit = PAGE;
  var sort = shownSort(state);
  this.state = state;
  this.syncForm(state, sort);

  var scoreKey = state.q + (state.asTyped ? "\u0000" : "");
  if (this.scoredFor !== scoreKey) {
    this.scored = this.scores(state);
    this.scoredFor = this.searching ? null : scoreKey;
  }
  var scores = this.scored;
  var records = this.records;
  var count = records.length;

  // One bit per facet: does the record satisfy that facet's selection (OR within it)?
  // A record is shown when it satisfies all of them (AND across); an option's count
  // is the records satisfying every facet but its own. Plain loops over typed
  // arrays: this runs on every change, over every case study.
  var data = this.facetData;
  var all = (1 << FACETS.length) - 1;
  var chosen = data.map(function (facet, f) {
    var flags = new Uint8Array(facet.names.length);
    state.filters[FACETS[f]].forEach(function (value) { flags[facet.number[value]] = 1; });
    return state.filters[FACETS[f]].size ? flags : null;
  });
  var masks = new Int32Array(count);
  for (var r = 0; r < count; r += 1) {
    if (scores && scores[r] < 0) { masks[r] = -1; continue; }
    var mask = 0;
    for (var f = 0; f < data.length; f += 1) {
      var flags = chosen[f];
      if (!flags) { mask |= 1 << f; continue; }
      var offsets = data[f].offsets;
      var values = data[f].values;
      for (var v = offsets[r]; v < offsets[r + 1]; v += 1) {
        if (flags[values[v]]) { mask |= 1 << f; break; }
      }
    }
    masks[r] = mask;
  }

  data.forEach(function (facet, f) {
    var others = all & ~(1 << f);
    var counts = new Int32Array(facet.names.length);
    var offsets = facet.offsets;
    var values = facet.values;
    for (var r = 0; r < count; r += 1) {
      if (masks[r] < 0 || (masks[r] & others) !== others) continue;
      for (var v = offsets[r]; v < offsets[r + 1]; v += 1) counts[values[v]] += 1;
    }
    var boxes = self.boxes[FACETS[f]];
    facet.names.forEach(function (value, i) {
      var box = boxes[value];
      setText(box.countElement, "(" + number(counts[i]) + ")");
      var disabled = counts[i] === 0 && !box.checked;
      if (box.disabled !== disabled) box.disabled = disabled;
    });
  });

  var total = 0;
  for (var i = 0; i < count; i += 1) if (masks[i] === all) total += 1;
  this.view = { masks: masks, all: all, scores: scores, sort: sort };
  this.arrange(this.pick(masks, all, scores, sort, this.limit), total);
  this.report(total, state);
  this.showFeed(state);
  this.renderChips(state);
  this.labelToggle();
  if (history) this.remember(this.query(state), history);
};

/* The address bar is updated after the paint: pushState forces a layout. */
Finder.prototype.remember = function (url, history) {
  var self = this;
  window.cancelAnimationFrame(this.pendingHistory);
  this.pendingHistory = window.requestAnimationFrame(function () {
    window.setTimeout(function () {
      if (current !== self || !self.root.isConnected) return;
      var now = window.location.search || window.location.pathname;
      if (url !== now) window.history[history === "push" ? "pushState" : "replaceState"](null, "", url);
    }, 0);
  });
};

Finder.prototype.syncForm = function (state, sort) {
  var boxes = this.boxes;
  var root = this.root;
  if (this.input.value.trim() !== state.q) this.input.value = state.q;
  if (this.sort.value !== sort) this.sort.value = sort;
  this.sort.querySelector('option[value="relevance"]').disabled = !state.q;
  FACETS.forEach(function (facet) {
    Object.keys(boxes[facet]).forEach(function (value) {
      var checked = state.filters[facet].has(value);
      if (boxes[facet][value].checked !== checked) boxes[facet][value].checked = checked;
    });
    var group = root.querySelector('.cb-facet[data-facet="' + facet + '"]');
    if (!group) return;
    var size = state.filters[facet].size;
    setText(group.querySelector(".cb-facet__selected"), size ? "(" + size + " selected)" : "");
    if (size && !group.open) group.open = true;
  });
};

/* The first `limit` matches in the chosen order. Only relevance needs a sort
   (and only of the matches); the other orders are walked until the page is full. */
Finder.prototype.pick = function (masks, all, scores, sort, limit) {
  var records = this.records;
  var count = records.length;
  var page = [];
  if (sort === "relevance") {
    var matched = [];
    for (var i = 0; i < count; i += 1) if (masks[i] === all) matched.push(i);
    if (scores) matched.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    for (var m = 0; m < matched.length && m < limit; m += 1) page.push(records[matched[m]]);
    return page;
  }
  for (var k = 0; k < count && page.length < limit; k += 1) {
    var index = sort === "title" ? this.titleOrder[k] : sort === "oldest" ? count - 1 - k : k;
    if (masks[index] === all) page.push(records[index]);
  }
  return page;
};

/* Only the page of cards is in the list, in reading order: each update touches
   about 20 cards however many case studies there are. */
Finder.prototype.arrange = function (page, total) {
  this.page = page;
  this.mark(page);
  var key = page.map(function (record) { return record.position; }).join(",");
  if (key !== this.listed) {
    this.listed = key;
    this.list.replaceChildren.apply(this.list, page.map(function (record) { return record.card; }));
  }
  var left = total - page.length;
  if (this.more.hidden !== left <= 0) this.more.hidden = left <= 0;
  setText(this.more, moreText(PAGE, left));
};

/* "Download this list" and "Copy link to this view". Without the script the
   link downloads /case-studies.csv, the whole list, which is then what the
   page shows; with it, a filtered, searched or re-sorted view is written in
   the same format (macros/outputs/exports.py) from /case-studies.json, whose entries
   are in the cards' built order. */
Finder.prototype.startTakeAway = function () {
  var self = this;
  this.download = this.root.querySelector(".cb-finder__download");
  this.copy = this.root.querySelector(".cb-finder__copy");
  this.copied = this.root.querySelector(".cb-finder__copied");
  this.startFollow();
  this.print = this.root.querySelector(".cb-finder__print");
  if (this.print && this.download && typeof window.print === "function") {
    this.print.hidden = false;
    this.print.addEventListener("click", function () { self.printView(); });
  }
  var help = this.root.querySelector(".cb-finder__help");
  if (help) help.hidden = false;
  if (this.download) {
    this.download.addEventListener("click", function (event) {
      var view = self.view;
      if (!view || (!self.state.q && !self.hasFilters(self.state) && view.sort === "newest")) return;
      event.preventDefault();
      self.exportView();
    });
  }
  if (this.copy && navigator.clipboard && window.isSecureContext) {
    this.copy.hidden = false;
    this.copy.addEventListener("click", function () {
      var url = new URL(self.query(self.state), window.location.href).href;
      navigator.clipboard.writeText(url).then(function () {
        self.say("Link copied. It opens this list with the same search and filters.");
      }, function () {
        self.say("Could not copy the link: copy it from the address bar instead.");
      });
    });
  }
};

/* "Follow this view": the feed link names the narrowest feed that has the whole
   view (lib/feeds.mjs). The page gives each facet's folder and feed wording
   (data-feeds), the options' names; each value's size is counted here, once. */
Finder.prototype.startFollow = function () {
  var self = this;
  var follow = this.root.querySelector(".cb-finder__follow");
  var feeds;
  try { feeds = follow && JSON.parse(follow.dataset.feeds || "{}"); } catch (error) { feeds = null; }
  if (!feeds) return;
  FACETS.forEach(function (facet, f) {
    if (!feeds[facet]) return;
    var data = self.facetData[f];
    var counts = new Int32Array(data.names.length);
    data.values.forEach(function (value) { counts[value] += 1; });
    feeds[facet].values = Object.create(null);
    data.names.forEach(function (value, i) {
      feeds[facet].values[value] = { name: self.optionName(facet, value), count: counts[i] };
    });
  });
  this.follow = {
    root: follow.dataset.root || "", feeds: feeds, link: follow.querySelector(".cb-finder__feed"),
    lead: follow.querySelector(".cb-finder__follow-lead"), note: follow.querySelector(".cb-finder__follow-note")
  };
};

Finder.prototype.optionName = function (facet, value) {
  return this.boxes[facet][value].nextElementSibling.querySelector(".cb-facet__name").textContent;
};

Finder.prototype.showFeed = function (state) {
  var follow = this.follow;
  if (!follow || !follow.link) return;
  var choice = chooseFeed(state, follow.feeds);
  var text = followText(choice);
  var href = follow.root + choice.path;
  if (follow.link.getAttribute("href") !== href) follow.link.setAttribute("href", href);
  setText(follow.lead, text.lead);
  setText(follow.link, text.link);
  setText(follow.note, text.note ? " " + text.note : "");
};

/* "Print a briefing": the whole view, in its order, on paper (lib/briefing.mjs),
   its facts from /case-studies.json, fetched when first asked for. */
Finder.prototype.printView = function () {
  var self = this;
  if (this.printing) return;
  var view = this.view;
  var state = this.state;
  var chosen = this.pick(view.masks, view.all, view.scores, view.sort, Infinity);
  var parts = state.q ? ["\u201c" + state.q + "\u201d"] : [];
  FACETS.forEach(function (facet) {
    var names = self.offered[facet].filter(function (value) { return state.filters[facet].has(value); })
      .map(function (value) { return self.optionName(facet, value); });
    if (names.length) parts.push(names.join(" or "));
  });
  this.printing = true;
  loadCaseStudies(this.download.dataset.json).then(function (data) {
    self.printing = false;
    if (current !== self || !self.root.isConnected) return;
    printBriefing(document, {
      title: briefingTitle(parts, chosen.length),
      items: chosen.map(function (record) {
        var entry = data.bySlug.get(record.link.pathname.split("/").filter(Boolean).pop());
        return entry
          ? { title: entry.title, summary: entry.summary, facts: factRows(entry, data.vocabularies), url: record.link.href }
          : { title: record.title, summary: record.summaryText, facts: [], url: record.link.href };
      })
    });
  }).catch(function () {
    self.printing = false;
    self.say("Could not get the case studies to print. Try again, or print this page.");
  });
};

Finder.prototype.say = function (message) {
  var copied = this.copied;
  setText(copied, message);
  window.clearTimeout(this.sayTimer);
  this.sayTimer = window.setTimeout(function () { setText(copied, ""); }, 8000);
};

Finder.prototype.exportView = function () {
  var self = this;
  var view = this.view;
  var chosen = this.pick(view.masks, view.all, view.scores, view.sort, Infinity);
  // The same fetch as the briefing's: /case-studies.json is read once a page.
  loadCaseStudies(this.download.dataset.json).then(function (data) {
    var text = csvText(chosen.map(function (record) { return data.entries[record.position]; }));
    var blob = new Blob([text], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "case-studies-selection.csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
    self.say("Downloaded " + plural(chosen.length, "case study", "case studies") + " as CSV.");
  }).catch(function () {
    window.location.href = self.download.href; // the whole list is better than nothing
  });
};

Finder.prototype.report = function (count, state) {
  var self = this;
  var text = this.searching
    ? "Searching\u2026"
    : !state.q && !this.hasFilters(state)
      ? plural(count, "case study", "case studies")
      : count === 0
        ? "No case studies found"
        : plural(count, "case study", "case studies") + " of " + number(this.records.length);
  this.empty.hidden = count !== 0 || this.searching;
  setText(this.summary, text);
  if (count === 0 && !this.searching) {
    var parts = state.q
      ? ["No case studies match \u201c", { text: state.q }, "\u201d" + (this.hasFilters(state) ? " with the filters you chose." : ".")]
      : ["No case studies match the filters you chose."];
    var meant = state.q && state.asTyped
      ? this.index.search(state.q, false, function () { self.report(self.total, self.state); }, this.records.length)
      : null;
    var key = JSON.stringify([parts, meant && meant.corrections]);
    if (this.emptyFor !== key) {
      this.emptyFor = key;
      this.emptyMessage.replaceChildren.apply(this.emptyMessage, sentence(parts));
      if (meant && meant.corrections.length) {
        var link = document.createElement("a");
        link.href = this.query(Object.assign({}, state, { q: corrected(state.q, meant), asTyped: false }));
        link.textContent = corrected(state.q, meant);
        this.emptyMessage.append(" Did you mean ", link, "?");
      }
    }
  }
  this.total = count;
  this.writeNotes(state);
  // Announce once the reader pauses, not on every keystroke.
  window.clearTimeout(this.announce);
  this.announce = window.setTimeout(function () { setText(self.status, text); }, this.typing ? 500 : 0);
};

/* "Showing results for jurassic. Search for jurrasic as typed", and what was left unread. */
Finder.prototype.writeNotes = function (state) {
  var result = state.q && !this.searching ? this.result : null;
  var notes = searchNotes(result, state.long ? "x".repeat(MAX_QUERY_LENGTH + 1) : state.q);
  var key = JSON.stringify([state.q, state.asTyped, notes]);
  if (this.notesFor === key) return;
  this.notesFor = key;
  var self = this;
  this.notes.replaceChildren.apply(this.notes, notes.map(function (parts, i) {
    var line = document.createElement("p");
    line.append.apply(line, sentence(parts));
    if (i === 0 && result && result.corrections.length) {
      var link = document.createElement("a");
      link.href = self.query(Object.assign({}, state, { asTyped: true }));
      link.append.apply(link, sentence(["Search for \u201c", { text: state.q }, "\u201d as typed"]));
      line.append(link);
    }
    return line;
  }));
};

/* "Show filters (2 selected)": only seen on narrow screens, where the facets fold away. */
Finder.prototype.labelToggle = function () {
  var state = this.state;
  var selected = FACETS.reduce(function (sum, facet) { return sum + state.filters[facet].size; }, 0);
  var open = this.toggle.getAttribute("aria-expanded") === "true";
  setText(this.toggle, (open ? "Hide filters" : "Show filters") + (selected ? " (" + selected + " selected)" : ""));
};

Finder.prototype.hasFilters = function (state) {
  return FACETS.some(function (facet) { return state.filters[facet].size > 0; });
};

Finder.prototype.renderChips = function (state) {
  var self = this;
  var key = this.query(state);
  if (key === this.chipsFor) return;
  this.chipsFor = key;
  this.chips.textContent = "";
  var any = false;
  if (state.q) {
    any = true;
    this.addChip(["Search: ", { text: state.q }], "Remove Search: " + state.q, function () {
      self.input.value = "";
    });
  }
  FACETS.forEach(function (facet) {
    Object.keys(self.boxes[facet]).forEach(function (value) {
      if (!state.filters[facet].has(value)) return;
      any = true;
      var name = self.boxes[facet][value].nextElementSibling.querySelector(".cb-facet__name").textContent;
      self.addChip([name], "Remove filter " + self.labels[facet] + ": " + name, function () {
        self.boxes[facet][value].checked = false;
      });
    });
  });
  this.selected.hidden = !any;
};

Finder.prototype.addChip = function (text, label, remove) {
  var self = this;
  var item = document.createElement("li");
  var button = document.createElement("button");
  button.type = "button";
  button.className = "cb-finder__chip";
  button.append.apply(button, sentence(text));
  button.setAttribute("aria-label", label);
  button.addEventListener("click", function () {
    var position = Array.prototype.indexOf.call(self.chips.children, item);
    remove();
    self.typing = false;
    self.update("push");
    // Keep keyboard focus on the chip now in this place, or return it to the search box.
    var chips = self.chips.children;
    var target = chips.length ? chips[Math.min(position, chips.length - 1)].querySelector("button") : self.input;
    target.focus();
  });
  item.appendChild(button);
  this.chips.appendChild(item);
};


/* Listen, once for the whole visit, for the address changing under the finder. */
var following = false;

export function followAddress() {
  if (following) return;
  following = true;
  /* The finder shows what the address says, whatever changed it: Back and
     Forward, or Material's instant navigation moving within the finder's page
     (from /case-studies/#x to /case-studies/?q=…), which makes no new page. */
  function follow() {
    if (!current || !current.root.isConnected) return;
    var now = window.location.search || window.location.pathname;
    if (current.state && current.query(current.state) === now) return;
    current.typing = false;
    current.apply(current.read(window.location.search), null);
  }
  window.addEventListener("popstate", follow);
  // A link to the finder's own page with another query ("Search for … as typed",
  // or a link in any page content) would be taken by Material's instant
  // navigation for the same page and ignored: the finder takes it first.
  window.addEventListener("click", function (event) {
    if (!current || !current.root.isConnected || event.defaultPrevented || event.button !== 0 ||
        event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link.target || link.hasAttribute("download")) return;
    var url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname !== window.location.pathname ||
        url.search === window.location.search) return; // another page, or an #anchor: Material's
    event.preventDefault();
    event.stopPropagation();
    current.typing = false;
    current.apply(current.read(url.search), "push");
    if (current.root.contains(link)) current.input.focus();
  }, true);
  if (window.location$ && typeof window.location$.subscribe === "function") {
    window.location$.subscribe(function () { window.setTimeout(follow, 0); });
  }
}
