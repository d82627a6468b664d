/*
 * The casebook's search: the finder at /case-studies/ and the header search box,
 * both reading the site's chunked search index (macros/search_index.py).
 *
 * Progressive enhancement: the finder page is built with every case study listed
 * and the form hidden; this reveals the form and filters the cards in place,
 * using their data-* attributes. State lives in the query string (q, phase, hub,
 * model, programme, type, region, sort), so links and Back/Forward work. The
 * header search box is a plain form opening the finder; this shows results as
 * the reader types. Started on Material's document$ so instant navigation
 * works; no framework; text is only ever set with textContent.
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
  // Too common to narrow a search: the index leaves them out (search_index.STOPWORDS).
  var STOPWORDS = new Set(("a about after all also an and are as at be been but by can could did do does for " +
    "from had has have he her his how i if in into is it its me more most my no not of on one or our out she so " +
    "some than that the their them then there these they this those to up us was we were what when which who " +
    "will with would you your").split(" "));

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

  /* A "show more" button's label: "Show 20 more (45 left)", "Show the last 3". */
  function moreText(step, left) {
    return left > step ? "Show " + number(step) + " more (" + number(left) + " left)"
      : left === 1 ? "Show the last one" : "Show the last " + number(left);
  }

  /* The site's search index, fetched a file at a time as query words need them.
     One per base URL, shared by the finder and the header search box. */
  var indexes = {};

  function SearchIndex(base, keys) {
    this.base = base;
    this.keys = keys.split(" ").filter(Boolean);
    this.files = {}; // key -> promise of its JSON
    this.loaded = {}; // key -> JSON, once here
    this.found = {}; // query word -> Map(document id -> 1 if in its title, else 0)
  }

  SearchIndex.open = function (base, keys) {
    var absolute = new URL(base, window.location.href).href;
    if (!indexes[absolute]) indexes[absolute] = new SearchIndex(absolute, keys);
    return indexes[absolute];
  };

  SearchIndex.prototype.fetch = function (key) {
    var self = this;
    if (!this.files[key]) {
      this.files[key] = fetch(this.base + key + ".json")
        .then(function (response) { return response.ok ? response.json() : {}; })
        .catch(function () { return {}; })
        .then(function (json) { self.loaded[key] = json; return json; });
    }
    return this.files[key];
  };

  /* The documents using a word starting with `word`, or null while the files
     covering it load (then `ready` is called). A words file covers the words
     starting with its key, so `word` needs every key it starts with or that
     starts with it. */
  SearchIndex.prototype.lookup = function (word, ready) {
    if (this.found[word]) return this.found[word];
    var self = this;
    var keys = this.keys.filter(function (key) {
      return key.lastIndexOf(word, 0) === 0 || word.lastIndexOf(key, 0) === 0;
    });
    var missing = keys.filter(function (key) { return !self.loaded[key]; });
    if (missing.length) {
      Promise.all(missing.map(function (key) { return self.fetch(key); })).then(ready);
      return null;
    }
    var found = new Map();
    keys.forEach(function (key) {
      var words = self.loaded[key];
      Object.keys(words).forEach(function (candidate) {
        if (candidate.lastIndexOf(word, 0) !== 0) return;
        var value = 0;
        var deltas = words[candidate];
        for (var i = 0; i < deltas.length; i += 1) {
          value += deltas[i];
          // id * 2 + 1 when the word is in the title
          if ((value & 1) || !found.has(value >> 1)) found.set(value >> 1, value & 1);
        }
      });
    });
    this.found[word] = found;
    return found;
  };

  /* [url, title, summary] of each document id, in order. */
  SearchIndex.prototype.documents = function (ids) {
    var self = this;
    var files = {};
    ids.forEach(function (id) { files[Math.floor(id / 100)] = true; });
    return Promise.all(Object.keys(files).map(function (n) { return self.fetch("docs-" + n); })).then(function () {
      return ids.map(function (id) { return (self.loaded["docs-" + Math.floor(id / 100)] || [])[id % 100]; });
    });
  };

  /* Query words worth looking up: the index leaves out one-letter words and stopwords. */
  function queryWords(query) {
    return words(query).filter(function (word) { return word.length > 1 && !STOPWORDS.has(word); });
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
    this.index = SearchIndex.open(root.dataset.indexBase || "", root.dataset.indexKeys || "");
    this.typing = false;
    this.sortChosen = false; // the reader picked a sort; otherwise it follows the query
    this.limit = PAGE;
    this.more = root.querySelector(".cb-finder__more");
    this.announce = null;

    this.records = Array.prototype.map.call(this.list.children, function (card, position) {
      var title = card.querySelector(".cb-card__title").textContent;
      var record = {
        card: card,
        position: position, // in the built order, newest first: also the case study's search index id
        title: " " + words(title).join(" "),
        text: " " + words(text(card)).join(" "),
        sortTitle: normalise(title.trim())
      };
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

  /* Positions of the case studies whose text has a word starting with `word`
     (document ids below the number of cards are card positions), or null while
     the index loads; then the finder applies the query again. */
  Finder.prototype.bodyPositions = function (word) {
    var self = this;
    if (word.length < 2) return new Set();
    return this.index.lookup(word, function () {
      self.scoredFor = null; // scores can change now the body words are here
      if (current === self && self.root.isConnected) self.apply(self.state, null, true);
    });
  };

  /* Score every record against the query: title words count most, then the
     card's other text, then what only the search index has (people, places,
     the full text). -1 means no match. */
  Finder.prototype.scores = function (query) {
    var self = this;
    var terms = words(query).filter(function (word) { return !STOPWORDS.has(word); });
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
      if (scores[r] < 0) { masks[r] = -1; continue; }
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

  /* Only the page of cards is in the list, in reading order: each update touches
     about 20 cards however many case studies there are. */
  Finder.prototype.arrange = function (page, total) {
    this.page = page;
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
     the same format (macros/exports.py) from /case-studies.json, whose entries
     are in the cards' built order. */
  Finder.prototype.startTakeAway = function () {
    var self = this;
    this.download = this.root.querySelector(".cb-finder__download");
    this.copy = this.root.querySelector(".cb-finder__copy");
    this.copied = this.root.querySelector(".cb-finder__copied");
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
    if (!this.json) {
      this.json = fetch(this.download.dataset.json).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
    }
    this.json.then(function (json) {
      var rows = [CSV_COLUMNS.join(",")];
      chosen.forEach(function (record) {
        var entry = json.case_studies[record.position];
        rows.push(CSV_COLUMNS.map(function (column) { return csvCell(entry[column]); }).join(","));
      });
      var blob = new Blob(["\ufeff" + rows.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "case-studies-selection.csv";
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
      self.say("Downloaded " + plural(chosen.length, "case study", "case studies") + " as CSV.");
    }).catch(function () {
      self.json = null;
      window.location.href = self.download.href; // the whole list is better than nothing
    });
  };

  Finder.prototype.report = function (count, state) {
    var self = this;
    var text = !state.q && !this.hasFilters(state)
      ? plural(count, "case study", "case studies")
      : count === 0
        ? "No case studies found"
        : plural(count, "case study", "case studies") + " of " + number(this.records.length);
    this.empty.hidden = count !== 0;
    setText(this.summary, text);
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
      this.addChip("Search: " + state.q, "Remove Search: " + state.q, function () {
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

  /* The header search box: results as the reader types, from the same index.
     Material's own search is not mounted (see partials/search.html), so this
     also opens and closes the box and moves focus, as Material's would. */
  var RESULTS = 10;

  // /case-studies.csv's columns and cells (macros/exports.py: CSV_COLUMNS, csv_cell).
  var CSV_COLUMNS = ["slug", "url", "title", "type", "date", "summary", "phases", "hubs",
    "partnership_models", "programmes", "trust", "school"];

  function csvCell(value) {
    var cell = value === null || value === undefined ? "" : Array.isArray(value) ? value.join("; ") : String(value);
    if (/^[=+\-@\t\r]/.test(cell)) cell = "'" + cell; // never a spreadsheet formula
    return /[",\r\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
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
    var terms = queryWords(query);
    this.query = query;
    this.finderLink.href = this.finder + "?q=" + encodeURIComponent(query);
    if (!terms.length) {
      this.matches = [];
      this.list.textContent = "";
      this.shown = 0;
      this.moreBox.hidden = true;
      setText(this.meta, query ? "Type a longer word to search" : this.placeholder);
      return;
    }
    var found = [];
    for (var i = 0; i < terms.length; i += 1) {
      found.push(this.index.lookup(terms[i], function () { if (self.query === query) self.search(); }));
      if (!found[i]) return; // its file is loading; this runs again when it is here
    }
    // Every word must match; a word in the title counts ten times one in the text.
    var scores = new Map();
    found[0].forEach(function (inTitle, id) { scores.set(id, inTitle ? 10 : 1); });
    for (var t = 1; t < found.length; t += 1) {
      scores.forEach(function (score, id) {
        if (!found[t].has(id)) scores.delete(id);
        else scores.set(id, score + (found[t].get(id) ? 10 : 1));
      });
    }
    this.matches = Array.from(scores.keys()).sort(function (a, b) { return scores.get(b) - scores.get(a) || a - b; });
    this.list.textContent = "";
    this.shown = 0;
    this.show(RESULTS);
  };

  /* Render results up to `limit`, fetching the documents files they are in. */
  SiteSearch.prototype.show = function (limit) {
    var self = this;
    var query = this.query;
    var ids = this.matches.slice(this.shown, limit);
    return this.index.documents(ids).then(function (documents) {
      if (self.query !== query) return;
      documents.forEach(function (document_) {
        if (document_) self.list.appendChild(self.result(document_));
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

  /* Material's result markup, so its styles apply. */
  SiteSearch.prototype.result = function (document_) {
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = new URL(document_[0], this.siteRoot).href;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = document_[1];
    var summary = document.createElement("p");
    summary.textContent = document_[2];
    article.appendChild(title);
    article.appendChild(summary);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  };

  function start() {
    document.querySelectorAll("[data-cb-search]").forEach(function (root) {
      if (root.dataset.cbSearchReady) return; // the header outlives instant navigation
      root.dataset.cbSearchReady = "true";
      try {
        new SiteSearch(root); // eslint-disable-line no-new
      } catch (error) {
        if (window.console) window.console.error("cb-search: could not start:", error);
      }
    });
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

  // `mkdocs serve` only: its inline live-reload script is refused by the CSP, so
  // this reads the two numbers MkDocs gave it and polls as it would.
  function liveReload() {
    var found = null;
    Array.prototype.forEach.call(document.scripts, function (script) {
      var match = !script.src && /livereload\((\d+), (\d+)\);\s*$/.exec(script.textContent);
      if (match) found = match;
    });
    if (found === null) return;
    var epoch = Number(found[1]);
    var request = null;
    var timeout = null;
    function poll() {
      request = new XMLHttpRequest();
      request.onloadend = function () {
        if (parseFloat(this.responseText) > epoch) {
          window.location.reload();
        } else {
          timeout = setTimeout(poll, this.status === 200 ? 0 : 3000);
        }
      };
      request.open("GET", "/livereload/" + epoch + "/" + found[2]);
      request.send();
    }
    function stop() {
      if (request) request.abort();
      if (timeout) clearTimeout(timeout);
      request = timeout = null;
    }
    function resume() {
      if (document.visibilityState === "visible" && request === null) poll();
    }
    if (document.readyState === "complete") resume();
    else window.addEventListener("load", resume);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") resume();
      else stop();
    });
    window.addEventListener("beforeunload", stop);
  }
  // MkDocs puts its script at the end of the body, after this file.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", liveReload);
  else liveReload();

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
