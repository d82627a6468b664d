/*
 * The client of the site's chunked search index (macros/outputs/search_index.py):
 * fetched a file at a time as query words need them, read with the word rules
 * of words.mjs. Needs only fetch, so Node's test runner can drive it with a
 * stub (tests/js/search-index.test.mjs).
 */
import { matchTerm, queryTerms, readGlossary, stem, withinScope, wordsFile } from "./words.mjs";

// How much a word counts by where it is (search_index: BODY, FACTS, TITLE), and
// by how it was found: a misspelling or the start of a word counts less.
var FIELD_WEIGHT = [1, 4, 10];
var QUALITY = { exact: 1, prefix: 0.8, typo: 0.6 };
var DOCUMENTS_PER_FILE = 10; // search_index.DOCUMENTS_PER_FILE

/* The site's search index, fetched a file at a time as query words need them.
   One per base URL, shared by the finder and the header search box. Every
   lookup table is a Map: a query word is never a property name. */
var indexes = new Map();

export function SearchIndex(base, keys) {
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
  var absolute = new URL(base, window.location.href).href; // one per address, however written
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
export function postingsOf(words, files) {
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

/* Does any document below `scope` use the word? */
export function anyBelow(postings, scope) {
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
