/*
 * The casebook's search: the finder at /case-studies/ and the header search box,
 * both reading the site's chunked search index (macros/search_index.py) with
 * the word rules of casebook-words.mjs.
 *
 * Progressive enhancement: the finder page is built with every case study listed
 * and the form hidden; this reveals the form and filters the cards in place,
 * using their data-* attributes. State lives in the query string (q, phase, hub,
 * model, programme, type, region, sort, spelling), so links and Back/Forward
 * work. The header search box is a plain form opening the finder; this shows
 * results as the reader types. Started on Material's document$ so instant
 * navigation works; no framework; text is only ever set with text nodes.
 */
import {
  MAX_QUERY_LENGTH, lacksATerm, markRanges, matchTerm, normalise, passage, queryTerms, readGlossary, siteAddress, stem,
  withinScope, wordsFile,
} from "./casebook-words.mjs";

(function () {
  "use strict";

  var FACETS = ["phase", "hub", "model", "programme", "type", "region"];
  // Cards in the page at once: layout costs about 0.3 ms a card. The rest are held
  // detached, because with thousands of cards in the list even hiding a few makes
  // the browser restyle them all.
  var PAGE = 20;
  var SORTS = ["relevance", "newest", "oldest", "title"];
  var current = null; // the finder on the page being shown
  // How much a word counts by where it is (search_index: BODY, FACTS, TITLE), and
  // by how it was found: a misspelling or the start of a word counts less.
  var FIELD_WEIGHT = [1, 4, 10];
  var QUALITY = { exact: 1, prefix: 0.8, typo: 0.6 };
  var DOCUMENTS_PER_FILE = 10; // search_index.DOCUMENTS_PER_FILE

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


  /* Text with some stretches marked: text nodes and <mark> elements, never HTML. */
  function setMarked(element, value, ranges) {
    var key = value + "\u0000" + ranges.map(function (r) { return r.start + "-" + r.end; }).join(",");
    if (element.cbMarked === key) return;
    element.cbMarked = key;
    var parts = [];
    var at = 0;
    ranges.forEach(function (range) {
      if (range.start > at) parts.push(document.createTextNode(value.slice(at, range.start)));
      var mark = document.createElement("mark");
      mark.textContent = value.slice(range.start, range.end);
      parts.push(mark);
      at = range.end;
    });
    if (at < value.length) parts.push(document.createTextNode(value.slice(at)));
    element.replaceChildren.apply(element, parts);
  }

  /* Text quoting what a reader typed, isolated so its direction cannot reorder
     the sentence around it: [text, {user: text}, text, ...] -> nodes. */
  function sentence(parts) {
    return parts.map(function (part) {
      if (typeof part === "string") return document.createTextNode(part);
      var node = document.createElement(part.strong ? "strong" : "bdi");
      if (part.strong) {
        var inner = document.createElement("bdi");
        inner.textContent = part.text;
        node.appendChild(inner);
      } else {
        node.textContent = part.text;
      }
      return node;
    });
  }

  /* Call `show` when `element` is first on screen (at once without IntersectionObserver). */
  var watched = new WeakMap();
  var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      observer.unobserve(entry.target);
      var show = watched.get(entry.target);
      watched.delete(entry.target);
      if (show) show();
    });
  }, { rootMargin: "200px" }) : null;

  function whenSeen(element, show) {
    if (!observer) { show(); return; }
    watched.set(element, show);
    observer.observe(element);
  }

  /* The site's search index, fetched a file at a time as query words need them.
     One per base URL, shared by the finder and the header search box. Every
     lookup table is a Map: a query word is never a property name. */
  var indexes = new Map();

  function SearchIndex(base, keys) {
    this.base = base;
    this.keys = keys.split(" ").filter(Boolean);
    this.files = new Map(); // key -> promise of its JSON
    this.loaded = new Map(); // key -> its JSON (a words file: wordsFile()), once here
    this.terms = new Map(); // term word (+ " as typed") -> what it matched
    this.scoped = new Map(); // key + " " + scope -> that words file, less the words only later documents use
    this.glossary = null;
    this.texts = null; // {base, count}: where the case studies' texts are (search.json)
  }

  SearchIndex.open = function (base, keys) {
    var absolute = new URL(base, window.location.href).href;
    if (!indexes.has(absolute)) indexes.set(absolute, new SearchIndex(absolute, keys));
    return indexes.get(absolute);
  };

  SearchIndex.prototype.fetch = function (key, read) {
    var self = this;
    if (!this.files.has(key)) {
      this.files.set(key, fetch(this.base + key + ".json")
        .then(function (response) { return response.ok ? response.json() : null; })
        .catch(function () { return null; })
        .then(function (json) {
          var value = read ? read(json) : json;
          self.loaded.set(key, value);
          return value;
        }));
    }
    return this.files.get(key);
  };

  /* Words files still to fetch of `keys`; if any, fetch them and call ready. */
  SearchIndex.prototype.need = function (keys, ready) {
    var self = this;
    var missing = keys.filter(function (key) { return !self.loaded.has(key); });
    if (!missing.length) return false;
    Promise.all(missing.map(function (key) { return self.fetch(key, wordsFile); })).then(ready);
    return true;
  };

  /* The file holding every form of `word`'s stem: the longest key it starts with
     (a stem is a prefix of its words, and a word is in its longest key's file). */
  SearchIndex.prototype.keyOf = function (word) {
    var best = "";
    this.keys.forEach(function (key) {
      if (key.length > best.length && word.lastIndexOf(key, 0) === 0) best = key;
    });
    return best ? [best] : [];
  };

  /* Every file that may hold a word starting with `word`. */
  SearchIndex.prototype.keysFrom = function (word) {
    return this.keys.filter(function (key) {
      return key.lastIndexOf(word, 0) === 0 || word.lastIndexOf(key, 0) === 0;
    });
  };

  /* The documents using any of `words`, each with its best field: Map(id -> field). */
  function postingsOf(words, files) {
    var postings = new Map();
    words.forEach(function (word) {
      files.forEach(function (file) {
        var deltas = file.words.get(word);
        if (!deltas) return;
        var value = 0;
        for (var i = 0; i < deltas.length; i += 1) {
          value += deltas[i];
          var id = value >> 2;
          var field = value & 3;
          if (!(postings.get(id) >= field)) postings.set(id, field);
        }
      });
    });
    return postings;
  }

  function anyBelow(postings, scope) {
    var found = false;
    postings.forEach(function (field, id) { if (id < scope) found = true; });
    return found;
  }

  /* What one query term matched among documents 0 to scope - 1:
     {how, correction, matcher, postings: Map(id -> field)}, or null while its
     files load. A word only other pages use (the finder's scope is the case
     studies) is read as the start of a word, then as a misspelling, as a word
     the index does not have would be. */
  SearchIndex.prototype.term = function (term, asTyped, scope, ready) {
    var cacheKey = term.word + (asTyped ? " as typed " : " ") + scope;
    if (this.terms.has(cacheKey)) return this.terms.get(cacheKey);
    var self = this;
    var wanted = term.kind === "word" ? stem(term.word) : term.word;
    var keys = this.keyOf(wanted);
    if (this.keyOf(term.word)[0] !== keys[0]) keys = keys.concat(this.keyOf(term.word));
    if (this.need(keys, ready)) return null;
    var files = keys.map(function (key) { return self.loaded.get(key); });
    var match = matchTerm(term, files, true);
    var postings = postingsOf(match.words, files);
    if ((match.how !== "exact" || !anyBelow(postings, scope)) && term.kind === "word") {
      keys = this.keysFrom(term.word);
      if (this.need(keys, ready)) return null;
      files = keys.map(function (key) { return self.loaded.get(key); });
      var inScope = keys.map(function (key) {
        var scoped = key + " " + scope; // made once per file and scope, not per query word
        if (!self.scoped.has(scoped)) self.scoped.set(scoped, withinScope(self.loaded.get(key), scope));
        return self.scoped.get(scoped);
      });
      var again = matchTerm(term, inScope, asTyped);
      if (again.how !== "none" || match.how === "exact") {
        match = again.how !== "none" ? again : match;
        postings = postingsOf(match.words, files);
      }
    }
    var words = new Set(match.words);
    term.shorts.forEach(function (short) { words.add(short); });
    var found = {
      how: match.how, correction: match.correction, postings: postings,
      matcher: { words: words, phrases: term.phrases }
    };
    this.terms.set(cacheKey, found);
    return found;
  };

  /*
   * The documents matching a query, best first, or null while files load (then
   * `ready` is called). Every term must match; each adds its weight where it is
   * found, so a document with all the words in its title comes first.
   * {terms, found, matchers, ids, scores, corrections, cut}
   */
  SearchIndex.prototype.search = function (query, asTyped, ready, scope) {
    scope = scope || Infinity;
    var self = this;
    if (!this.glossary) {
      if (!this.loaded.has("search")) {
        this.fetch("search").then(function () { ready(); });
        return null;
      }
      var manifest = this.loaded.get("search") || {};
      this.glossary = readGlossary(manifest.glossary);
      var texts = manifest.texts || {};
      this.texts = { base: new URL(typeof texts.base === "string" ? texts.base : "", this.base).href,
        count: Number(texts.count) || 0 };
    }
    var parsed = queryTerms(query, this.glossary);
    var found = [];
    var waiting = false;
    parsed.terms.forEach(function (term) {
      var result = self.term(term, asTyped, scope, ready);
      if (!result) waiting = true;
      found.push(result);
    });
    if (waiting) return null;
    var scores = new Map();
    found.forEach(function (result, t) {
      var quality = QUALITY[result.how] || 0;
      if (t === 0) {
        result.postings.forEach(function (field, id) { scores.set(id, FIELD_WEIGHT[field] * quality); });
        return;
      }
      scores.forEach(function (score, id) {
        var field = result.postings.get(id);
        if (field === undefined) scores.delete(id);
        else scores.set(id, score + FIELD_WEIGHT[field] * quality);
      });
    });
    var ids = Array.from(scores.keys()).sort(function (a, b) { return scores.get(b) - scores.get(a) || a - b; });
    var corrections = [];
    found.forEach(function (result, t) {
      if (result.correction) corrections.push({ from: parsed.terms[t].word, to: result.correction });
    });
    return {
      terms: parsed.terms, found: found, ids: ids, scores: scores, corrections: corrections, cut: parsed.cut,
      matchers: found.map(function (result) { return result.matcher; })
    };
  };

  /* [url, title, summary] of one document, or null if it cannot be had. */
  SearchIndex.prototype.document = function (id) {
    return this.fetch("docs-" + Math.floor(id / DOCUMENTS_PER_FILE)).then(function (json) {
      var found = Array.isArray(json) ? json[id % DOCUMENTS_PER_FILE] : null;
      return Array.isArray(found) && found.length >= 3 ? found : null;
    });
  };

  /* The text a passage is drawn from, or "". The case studies' are in a folder of their own. */
  SearchIndex.prototype.text = function (id) {
    var url = this.texts && id < this.texts.count ? this.texts.base + id + ".json" : this.base + "text-" + id + ".json";
    if (!this.files.has(url)) {
      this.files.set(url, fetch(url)
        .then(function (response) { return response.ok ? response.json() : ""; })
        .catch(function () { return ""; }));
    }
    return this.files.get(url).then(function (json) { return typeof json === "string" ? json : ""; });
  };

  /* "Showing results for jurassic" and what was left unread: parts for sentence(). */
  function searchNotes(result, query) {
    var notes = [];
    if (result && result.corrections.length) {
      var parts = ["Showing results for "];
      result.corrections.forEach(function (c, i) {
        if (i) parts.push(i === result.corrections.length - 1 ? " and " : ", ");
        parts.push({ text: c.to, strong: true });
      });
      parts.push(". ");
      notes.push(parts);
    }
    if (result && result.cut.words) notes.push(["Only the first " + result.terms.length + " words are searched."]);
    if (query.length > MAX_QUERY_LENGTH || (result && result.cut.characters)) {
      notes.push(["Only the first " + MAX_QUERY_LENGTH + " characters are searched."]);
    }
    return notes;
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
    var q = params.get("q") || "";
    var state = {
      q: q.slice(0, MAX_QUERY_LENGTH).trim(), long: q.length > MAX_QUERY_LENGTH,
      asTyped: params.get("spelling") === "exact", sort: params.get("sort") || "", filters: {}
    };
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
    var q = this.input.value.trim();
    // A search shown as typed stays so until the search changes.
    var asTyped = Boolean(this.state && this.state.asTyped && this.state.q === q);
    var state = { q: q, long: false, asTyped: asTyped, sort: this.sortChosen ? this.sort.value : "", filters: {} };
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
    if (state.q && state.asTyped) params.append("spelling", "exact");
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
    var sort = state.sort || (state.q ? "relevance" : "newest");
    if (sort === "relevance" && !state.q) sort = "newest";
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
          link.href = this.query(Object.assign({}, state, { q: this.corrected(state.q, meant), asTyped: false }));
          link.textContent = this.corrected(state.q, meant);
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

  /* The query with each misspelt word replaced by the word it was read as. */
  Finder.prototype.corrected = function (query, result) {
    var words = new Map(result.corrections.map(function (c) { return [c.from, c.to]; }));
    return query.replace(/[\p{L}\p{N}\p{M}]+/gu, function (word) {
      var to = words.get(normalise(word));
      return to === undefined ? word : to;
    });
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
    this.finderLink.href = this.finder + "?q=" + encodeURIComponent(query.slice(0, MAX_QUERY_LENGTH)) +
      (asTyped ? "&spelling=exact" : "");
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

  /* Material's header buttons for the search and the navigation drawer are
     labels, which Tab passes by: make them buttons a keyboard can reach. */
  function headerButtons() {
    document.querySelectorAll('label.md-header__button[for="__search"], label.md-header__button[for="__drawer"]')
      .forEach(function (label) {
        if (label.dataset.cbButton) return; // the header outlives instant navigation
        label.dataset.cbButton = "true";
        label.tabIndex = 0;
        label.setAttribute("role", "button");
        if (!label.getAttribute("aria-label")) {
          label.setAttribute("aria-label", label.htmlFor === "__search" ? "Search" : "Open the navigation");
        }
        label.addEventListener("keydown", function (event) {
          if (event.key !== "Enter" && event.key !== " ") return;
          event.preventDefault();
          label.click();
        });
      });
  }

  /* Material prints its skip link from a page's table of contents, which the 404
     page has none of: link its heading instead. */
  function skipLink() {
    var slot = document.querySelector('[data-md-component="skip"]');
    if (!slot || slot.querySelector("a") || !document.getElementById("cb-title")) return;
    var link = document.createElement("a");
    link.className = "md-skip";
    link.href = "#cb-title";
    link.textContent = "Skip to content";
    slot.appendChild(link);
  }

  function start() {
    headerButtons();
    skipLink();
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

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
