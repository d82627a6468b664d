/*
 * Case study finder: search, filters and sort for /case-studies/.
 *
 * Progressive enhancement: the page is built with every case study listed and
 * the form hidden; this reveals the form and filters the cards in place, using
 * their data-* attributes. State lives in the query string (q, phase, hub,
 * model, programme, type, region, sort), so links and Back/Forward work.
 * Started on Material's document$ so instant navigation works; no framework;
 * text is only ever set with textContent.
 */
(function () {
  "use strict";

  var FACETS = ["phase", "hub", "model", "programme", "type", "region"];
  // Cards in the page at once: layout costs about 0.3 ms a card. The rest are held
  // detached, because with thousands of cards in the list even hiding a few makes
  // the browser restyle them all.
  var PAGE = 20;
  var SORTS = ["relevance", "newest", "oldest", "title"];
  var current = null; // the finder on the page being shown

  function normalise(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(text) {
    return normalise(text).split(/[^a-z0-9]+/).filter(Boolean);
  }

  /* An element's text with a space between its parts (textContent runs "Trust" and
     "Wessex" together when they sit in neighbouring elements). */
  function text(element) {
    var parts = [];
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) parts.push(walker.currentNode.nodeValue);
    return parts.join(" ");
  }

  /* Write only what changed: each write to the page can make the browser redo
     style and layout. */
  function setText(element, value) {
    if (element.textContent !== value) element.textContent = value;
  }

  /* 5000 -> "5,000". toLocaleString is far slower, and this runs for every option on every change. */
  function number(count) {
    return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function plural(count, one, many) {
    return number(count) + " " + (count === 1 ? one : many);
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
    this.sort = root.querySelector(".cb-finder__select");
    this.stopwords = new Set((root.dataset.stopwords || "").split(" "));
    this.searchBase = root.dataset.searchBase || "";
    this.searchKeys = new Set((root.dataset.searchKeys || "").split(" "));
    this.chunks = {}; // first letter -> {word: [deltas]} once loaded
    this.loading = {};
    this.bodyCache = {}; // query word -> Set of positions
    this.typing = false;
    this.sortChosen = false; // the reader picked a sort; otherwise it follows the query
    this.limit = PAGE;
    this.more = root.querySelector(".cb-finder__more");
    this.announce = null;

    this.records = Array.prototype.map.call(this.list.children, function (card) {
      var title = card.querySelector(".cb-card__title").textContent;
      var record = {
        card: card,
        position: Number(card.dataset.position),
        title: " " + words(title).join(" "),
        text: " " + words(text(card) + " " + (card.dataset.terms || "")).join(" "),
        sortTitle: normalise(title.trim()),
        values: {}
      };
      FACETS.forEach(function (facet) {
        record.values[facet] = (card.dataset[facet] || "").split(" ").filter(Boolean);
      });
      return record;
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
    // A q set aside for Material's sake (see main.html) comes back to the address bar.
    var search = window.location.search;
    if (window.cbFinderSearch) {
      search = window.cbFinderSearch;
      window.cbFinderSearch = null;
      window.history.replaceState(window.history.state, "", window.location.pathname + search + window.location.hash);
    }
    this.apply(this.read(search), null);
  };

  Finder.prototype.read = function (search) {
    var params = new URLSearchParams(search);
    var state = { q: (params.get("q") || "").trim(), sort: params.get("sort") || "", filters: {} };
    var boxes = this.boxes;
    FACETS.forEach(function (facet) {
      state.filters[facet] = new Set(params.getAll(facet).filter(function (value) {
        return Object.prototype.hasOwnProperty.call(boxes[facet], value);
      }));
    });
    if (SORTS.indexOf(state.sort) < 0) state.sort = "";
    return state;
  };

  Finder.prototype.fromForm = function () {
    var state = { q: this.input.value.trim(), sort: this.sortChosen ? this.sort.value : "", filters: {} };
    var boxes = this.boxes;
    FACETS.forEach(function (facet) {
      state.filters[facet] = new Set(Object.keys(boxes[facet]).filter(function (value) {
        return boxes[facet][value].checked;
      }));
    });
    if (state.sort === (state.q ? "relevance" : "newest") || (state.sort === "relevance" && !state.q)) state.sort = "";
    return state;
  };

  Finder.prototype.query = function (state) {
    var params = new URLSearchParams();
    var boxes = this.boxes;
    if (state.q) params.append("q", state.q);
    FACETS.forEach(function (facet) {
      Object.keys(boxes[facet]).forEach(function (value) {
        if (state.filters[facet].has(value)) params.append(facet, value);
      });
    });
    if (state.sort) params.append("sort", state.sort);
    var text = params.toString();
    return text ? "?" + text : window.location.pathname;
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

  /* Positions of the case studies whose body has a word starting with `word`,
     or null while that letter's file is still loading. */
  Finder.prototype.bodyPositions = function (word) {
    var key = word.charAt(0);
    if (!this.searchKeys.has(key)) return new Set();
    if (this.bodyCache[word]) return this.bodyCache[word];
    var chunk = this.chunks[key];
    if (!chunk) {
      this.load(key);
      return null;
    }
    var found = new Set();
    Object.keys(chunk).forEach(function (candidate) {
      if (candidate.lastIndexOf(word, 0) !== 0) return;
      var position = 0;
      chunk[candidate].forEach(function (delta) {
        position += delta;
        found.add(position);
      });
    });
    this.bodyCache[word] = found;
    return found;
  };

  Finder.prototype.load = function (key) {
    var self = this;
    if (this.loading[key]) return;
    this.loading[key] = true;
    fetch(this.searchBase + key + ".json")
      .then(function (response) { return response.ok ? response.json() : {}; })
      .catch(function () { return {}; })
      .then(function (chunk) {
        self.chunks[key] = chunk;
        self.scoredFor = null; // scores can change now the body words are here
        if (current === self && self.root.isConnected) self.apply(self.state, null, true);
      });
  };

  /* Score every record against the query: title words count most, then the
     card's other text and names, then the body. -1 means no match. */
  Finder.prototype.scores = function (query) {
    var self = this;
    var terms = words(query).filter(function (word) { return !self.stopwords.has(word); });
    var bodies = terms.map(function (word) { return self.bodyPositions(word); });
    return this.records.map(function (record) {
      var score = 0;
      for (var i = 0; i < terms.length; i += 1) {
        var needle = " " + terms[i];
        if (record.title.indexOf(needle) >= 0) score += 10;
        else if (record.text.indexOf(needle) >= 0) score += 3;
        else if (bodies[i] && bodies[i].has(record.position)) score += 1;
        else return -1;
      }
      return score;
    });
  };

  Finder.prototype.apply = function (state, history, keepLimit) {
    var self = this;
    if (!history) this.sortChosen = Boolean(state.sort); // state from the address bar
    if (!keepLimit) this.limit = PAGE;
    var sort = state.sort || (state.q ? "relevance" : "newest");
    if (sort === "relevance" && !state.q) sort = "newest";
    this.state = state;
    this.syncForm(state, sort);

    if (this.scoredFor !== state.q) {
      this.scoredFor = state.q;
      this.scored = this.scores(state.q);
    }
    var scores = this.scored;
    var records = this.records;
    var count = records.length;

    // One bit per facet: does the record satisfy that facet's selection (OR within it)?
    // A record is shown when it satisfies all of them (AND across); an option's count
    // is the records satisfying every facet but its own. Plain loops: this runs on
    // every change, over every case study.
    var all = (1 << FACETS.length) - 1;
    var masks = new Int32Array(count);
    for (var r = 0; r < count; r += 1) {
      if (scores[r] < 0) { masks[r] = -1; continue; }
      var mask = 0;
      for (var f = 0; f < FACETS.length; f += 1) {
        var selected = state.filters[FACETS[f]];
        if (selected.size === 0) { mask |= 1 << f; continue; }
        var values = records[r].values[FACETS[f]];
        for (var v = 0; v < values.length; v += 1) {
          if (selected.has(values[v])) { mask |= 1 << f; break; }
        }
      }
      masks[r] = mask;
    }

    FACETS.forEach(function (facet, f) {
      var others = all & ~(1 << f);
      var counts = {};
      for (var r = 0; r < count; r += 1) {
        if (masks[r] < 0 || (masks[r] & others) !== others) continue;
        var values = records[r].values[facet];
        for (var v = 0; v < values.length; v += 1) counts[values[v]] = (counts[values[v]] || 0) + 1;
      }
      var boxes = self.boxes[facet];
      Object.keys(boxes).forEach(function (value) {
        var box = boxes[value];
        var found = counts[value] || 0;
        setText(box.countElement, "(" + number(found) + ")");
        var disabled = found === 0 && !box.checked;
        if (box.disabled !== disabled) box.disabled = disabled;
      });
    });

    var total = 0;
    for (var i = 0; i < count; i += 1) if (masks[i] === all) total += 1;
    this.arrange(this.pick(masks, all, scores, sort), total);
    this.report(total, state);
    this.renderChips(state);
    this.labelToggle();
    if (history) this.remember(this.query(state), history);
  };

  /* Update the address bar just after the results are painted: pushState makes
     the browser save its scroll position, which forces a layout mid-frame. */
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
  Finder.prototype.pick = function (masks, all, scores, sort) {
    var records = this.records;
    var count = records.length;
    var limit = this.limit;
    var page = [];
    if (sort === "relevance") {
      var matched = [];
      for (var i = 0; i < count; i += 1) if (masks[i] === all) matched.push(i);
      matched.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
      for (var m = 0; m < matched.length && m < limit; m += 1) page.push(records[matched[m]]);
      return page;
    }
    for (var k = 0; k < count && page.length < limit; k += 1) {
      var index = sort === "title" ? this.titleOrder[k] : sort === "oldest" ? count - 1 - k : k;
      if (masks[index] === all) page.push(records[index]);
    }
    return page;
  };

  /* Put the page of cards in the list, in order, and nothing else, so each
     update touches about 20 cards whether there are 20 case studies or 5,000.
     The DOM order is the reading order (no CSS reordering). */
  Finder.prototype.arrange = function (page, total) {
    this.page = page;
    var key = page.map(function (record) { return record.position; }).join(",");
    if (key !== this.listed) {
      this.listed = key;
      this.list.replaceChildren.apply(this.list, page.map(function (record) { return record.card; }));
    }
    var left = total - page.length;
    if (this.more.hidden !== left <= 0) this.more.hidden = left <= 0;
    setText(this.more, "Show " + number(Math.min(PAGE, left)) + " more of " + number(left) + " remaining");
  };

  Finder.prototype.report = function (count, state) {
    var self = this;
    var text = !state.q && !this.hasFilters(state)
      ? plural(count, "case study", "case studies")
      : count === 0
        ? "No case studies found"
        : plural(count, "case study", "case studies") + " of " + number(this.records.length);
    this.empty.hidden = count !== 0;
    if (count === 0) {
      this.emptyMessage.textContent = state.q
        ? "No case studies match \u201c" + state.q + "\u201d" + (this.hasFilters(state) ? " with the filters you chose." : ".")
        : "No case studies match the filters you chose.";
    }
    // Announce once the reader pauses, not on every keystroke.
    window.clearTimeout(this.announce);
    this.announce = window.setTimeout(function () { setText(self.status, text); }, this.typing ? 500 : 0);
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
      this.addChip("Search: " + state.q, "Remove search for " + state.q, function () {
        self.input.value = "";
      });
    }
    FACETS.forEach(function (facet) {
      Object.keys(self.boxes[facet]).forEach(function (value) {
        if (!state.filters[facet].has(value)) return;
        any = true;
        var name = self.boxes[facet][value].nextElementSibling.querySelector(".cb-facet__name").textContent;
        self.addChip(name, "Remove filter " + self.labels[facet] + ": " + name, function () {
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
    button.textContent = text;
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

  function start() {
    document.querySelectorAll("[data-cb-finder]").forEach(function (root) {
      if (root.dataset.cbFinderReady) return; // never twice on one element
      root.dataset.cbFinderReady = "true";
      try {
        current = new Finder(root);
        current.start();
      } catch (error) {
        // The full list stays usable; say why the filters did not appear.
        if (window.console) window.console.error("cb-finder: could not start:", error);
      }
    });
  }

  window.addEventListener("popstate", function () {
    if (current && current.root.isConnected) {
      current.typing = false;
      current.apply(current.read(window.location.search), null);
    }
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
