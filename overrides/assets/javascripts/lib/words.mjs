/*
 * How the search reads words, in the browser: the query side of
 * macros/outputs/search_words.py, which reads the index's side. The two must agree
 * word for word (tests/data/stems.tsv is read by the tests of both).
 *
 * Pure functions only: no page, no fetch. tests/js/ tests them with Node's
 * own test runner (tests/js/words.test.mjs); the search index client and the
 * components use them.
 */

// Too common to narrow a search: the index leaves them out (search_words.STOPWORDS).
export const STOPWORDS = new Set(("a about after all also an and are as at be been but by can could did do does " +
  "for from had has have he her his how i if in into is it its me more most my no not of on one or our out she " +
  "so some than that the their them then there these they this those to up us was we were what when which who " +
  "will with would you your").split(" "));

// Any query is cheap: only so much of it is read.
export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 10;

export function normalise(text) {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

export function tokens(normalised) {
  return normalised.split(/[^a-z0-9]+/).filter(Boolean);
}

const ALPHA = /^[a-z]+$/;
const NUMBER = /^[0-9]{1,2}$/;

/* The light stem of a normalised word; always a prefix of it (search_words.stem). */
export function stem(word) {
  if (word.length < 4 || !ALPHA.test(word)) return word;
  let w = word;
  if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3);
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  for (const ending of ["ing", "ed"]) {
    if (w.endsWith(ending) && w.length - ending.length >= 5) {
      w = w.slice(0, -ending.length);
      const last = w[w.length - 1];
      if (last === w[w.length - 2] && "aeiouslz".indexOf(last) < 0) w = w.slice(0, -1);
      break;
    }
  }
  if (w.endsWith("ation") && w.length >= 8) w = w.slice(0, -3);
  if (w.endsWith("e") && !w.endsWith("ee") && w.length >= 5) w = w.slice(0, -1);
  else if ((w.endsWith("y") || w.endsWith("i")) && w.length >= 4) w = w.slice(0, -1);
  return w;
}

/* "year 7" -> ["year7"] (search_words.joined_numbers). */
export function joinedNumbers(normalised) {
  const found = [];
  const list = tokens(normalised);
  for (let i = 0; i + 1 < list.length; i += 1) {
    if (list[i].length >= 2 && ALPHA.test(list[i]) && NUMBER.test(list[i + 1])) found.push(list[i] + list[i + 1]);
  }
  return found;
}

/* search.json's glossary: [[word, [short forms], [long forms]], ...] -> what queries need. */
export function readGlossary(json) {
  const shortWords = new Map();
  const phrases = [];
  (Array.isArray(json) ? json : []).forEach(function (entry) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string") return;
    const word = entry[0];
    (entry[1] || []).forEach(function (short) { if (typeof short === "string") shortWords.set(short, word); });
    (entry[2] || []).forEach(function (long) {
      if (typeof long !== "string") return;
      const stems = tokens(normalise(long)).map(stem);
      if (stems.length) phrases.push({ word: word, stems: stems });
    });
  });
  phrases.sort(function (a, b) { return b.stems.length - a.stems.length; }); // the longest form first
  return { shortWords: shortWords, phrases: phrases };
}

export const NO_GLOSSARY = readGlossary([]);

function sameRun(stems, at, run) {
  for (let j = 0; j < run.length; j += 1) if (stems[at + j] !== run[j]) return false;
  return true;
}

/*
 * A query's terms, in order, each looked up once: {word, kind, phrases, shorts}.
 * kind is "word", "glossary" (an acronym or its long form: the acronym's word)
 * or "number" ("year 7": the word year7). `cut` says what was left unread.
 */
export function queryTerms(query, glossary) {
  glossary = glossary || NO_GLOSSARY;
  const cut = { characters: query.length > MAX_QUERY_LENGTH, words: false };
  const list = tokens(normalise(query.slice(0, MAX_QUERY_LENGTH)));
  const stems = list.map(stem);
  const terms = [];
  const seen = new Set();
  function add(term) {
    if (seen.has(term.word)) return;
    if (terms.length >= MAX_TERMS) { cut.words = true; return; }
    seen.add(term.word);
    terms.push(term);
  }
  for (let i = 0; i < list.length; i += 1) {
    const phrase = glossary.phrases.find(function (p) { return sameRun(stems, i, p.stems); });
    if (phrase) {
      add(glossaryTerm(phrase.word, glossary));
      i += phrase.stems.length - 1;
    } else if (i + 1 < list.length && list[i].length >= 2 && ALPHA.test(list[i]) && NUMBER.test(list[i + 1])) {
      add({ word: list[i] + list[i + 1], kind: "number", phrases: [[stems[i], list[i + 1]]], shorts: [] });
      i += 1;
    } else if (glossary.shortWords.has(list[i])) {
      add(glossaryTerm(glossary.shortWords.get(list[i]), glossary));
    } else if (list[i].length > 1 && !STOPWORDS.has(list[i])) {
      add({ word: list[i], kind: "word", phrases: [], shorts: [] });
    }
  }
  return { terms: terms, cut: cut };
}

function glossaryTerm(word, glossary) {
  const shorts = [word];
  glossary.shortWords.forEach(function (to, short) { if (to === word && short !== word) shorts.push(short); });
  const phrases = glossary.phrases.filter(function (p) { return p.word === word; }).map(function (p) { return p.stems; });
  return { word: word, kind: "glossary", phrases: phrases, shorts: shorts };
}

/* Optimal string alignment distance (a swap of two letters is one edit), or
   limit + 1 as soon as it must be more than limit. */
export function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null;
  let previous = [];
  for (let j = 0; j <= b.length; j += 1) previous.push(j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      row.push(value);
      if (value < smallest) smallest = value;
    }
    if (smallest > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

/* How far a word may be from what was meant: one edit, two for long words,
   none for short ones (every short word is a short edit from many others). */
export function typoLimit(word) {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/* One words file, ready for lookups: its words, and its words by stem. */
export function wordsFile(json) {
  const words = new Map();
  if (json && typeof json === "object" && !Array.isArray(json)) {
    Object.keys(json).forEach(function (word) {
      if (Array.isArray(json[word])) words.set(word, json[word]);
    });
  }
  return withStems(words);
}

/* The part of a words file that documents below `scope` use (postings ascend:
   a word's first posting is its lowest document). */
export function withinScope(file, scope) {
  const words = new Map();
  file.words.forEach(function (postings, word) { if ((postings[0] >> 2) < scope) words.set(word, postings); });
  return words.size === file.words.size ? file : withStems(words);
}

function withStems(words) {
  const stems = new Map();
  words.forEach(function (postings, word) {
    const key = stem(word);
    if (!stems.has(key)) stems.set(key, []);
    stems.get(key).push(word);
  });
  return { words: words, stems: stems };
}

/*
 * The index words a term stands for, from the words files covering it:
 * its own forms ("resits": resit, resits, resitting); failing those, the words
 * it begins ("jur": jurassic); failing those, and unless `asTyped`, the forms
 * of the closest spelling ("jurrasic": jurassic). how is "exact", "prefix",
 * "typo" or "none"; `correction` is the word it was read as.
 */
export function matchTerm(term, files, asTyped) {
  const found = new Set();
  const wanted = term.kind === "word" ? stem(term.word) : term.word;
  // A word the index has, or one with an ending to take off, is a whole word;
  // any other ("jur", "teachi") is the start of one, still being typed.
  const whole = wanted !== term.word || term.kind !== "word" ||
    files.some(function (file) { return file.words.has(term.word); });
  if (whole) {
    files.forEach(function (file) {
      (file.stems.get(wanted) || []).forEach(function (word) { found.add(word); });
    });
    if (found.size) return { words: found, how: "exact", correction: null };
  }
  if (term.kind !== "word") return { words: found, how: "none", correction: null };
  files.forEach(function (file) {
    file.words.forEach(function (postings, word) { if (word.startsWith(term.word)) found.add(word); });
  });
  if (found.size) return { words: found, how: "prefix", correction: null };
  const limit = typoLimit(term.word);
  if (asTyped || !limit) return { words: found, how: "none", correction: null };
  let best = null;
  files.forEach(function (file) {
    file.words.forEach(function (postings, word) {
      if (word.length < 4 || !ALPHA.test(word)) return;
      const distance = editDistance(term.word, word, best ? Math.min(limit, best.distance) : limit);
      if (distance > limit) return;
      // The nearest spelling; between equals, the word more documents use.
      if (!best || distance < best.distance || (distance === best.distance &&
          (postings.length > best.uses || (postings.length === best.uses && word < best.word)))) {
        best = { word: word, distance: distance, uses: postings.length, file: file };
      }
    });
  });
  if (!best) return { words: found, how: "none", correction: null };
  files.forEach(function (file) {
    (file.stems.get(stem(best.word)) || []).forEach(function (word) { found.add(word); });
  });
  return { words: found, how: "typo", correction: best.word };
}

/* Where words are in a text as written: [{start, end, word}] with word its
   normalised form. Letters and digits of any script, as normalise() reads them. */
export function wordsAt(text) {
  const found = [];
  const pattern = /[\p{L}\p{N}\p{M}]+/gu;
  let match;
  while ((match = pattern.exec(text)) !== null) {
    tokens(normalise(match[0])).forEach(function (word) {
      found.push({ start: match.index, end: match.index + match[0].length, word: word });
    });
  }
  return found;
}

/*
 * The stretches of `text` to mark for a query: [{start, end, term}] in order,
 * term being the index of the query term it matches. A matcher is
 * {words: Set of normalised words, phrases: [[stems…]]}.
 */
export function markRanges(text, matchers) {
  const at = wordsAt(text);
  const stems = at.map(function (w) { return stem(w.word); });
  const ranges = [];
  for (let i = 0; i < at.length; i += 1) {
    let hit = null;
    for (let t = 0; t < matchers.length && !hit; t += 1) {
      const matcher = matchers[t];
      if (matcher.words.has(at[i].word)) { hit = { start: at[i].start, end: at[i].end, term: t, length: 1 }; break; }
      for (let p = 0; p < matcher.phrases.length; p += 1) {
        const run = matcher.phrases[p];
        if (sameRun(stems, i, run)) {
          hit = { start: at[i].start, end: at[i + run.length - 1].end, term: t, length: run.length };
          break;
        }
      }
    }
    if (hit) {
      ranges.push({ start: hit.start, end: hit.end, term: hit.term });
      i += hit.length - 1;
    }
  }
  return ranges;
}

/* Which terms the ranges cover. */
export function covered(ranges) {
  return new Set(ranges.map(function (range) { return range.term; }));
}

/* Whether a result whose shown text has these ranges lacks one of the query's
   terms, and so wants a passage that has it. */
export function lacksATerm(matchers, ranges) {
  const seen = covered(ranges);
  return matchers.some(function (matcher, term) { return !seen.has(term); });
}

/*
 * A short passage of `text` showing the query's words: the sentence with the
 * most of the terms, cut to about `length` characters around its first match.
 * {text, ranges}, or null when no term is in the text.
 */
export function passage(text, matchers, length) {
  length = length || 200;
  const sentences = [];
  const pattern = /[^.!?]+[.!?]*\s*/g;
  let match;
  while ((match = pattern.exec(text)) !== null) sentences.push({ start: match.index, text: match[0] });
  let best = null;
  sentences.forEach(function (sentence) {
    const ranges = markRanges(sentence.text, matchers);
    if (!ranges.length) return;
    const score = covered(ranges).size * 100 + ranges.length;
    if (!best || score > best.score) best = { score: score, sentence: sentence, ranges: ranges };
  });
  if (!best) return null;
  let body = best.sentence.text.trim();
  let shift = best.sentence.text.length - best.sentence.text.trimStart().length;
  let ranges = best.ranges.map(function (r) { return { start: r.start - shift, end: r.end - shift, term: r.term }; });
  let before = "";
  let after = "";
  if (body.length > length) {
    let from = Math.max(0, ranges[0].start - Math.floor(length / 3));
    if (from > 0) {
      const space = body.indexOf(" ", from);
      from = space >= 0 && space < ranges[0].start ? space + 1 : ranges[0].start;
      before = "\u2026";
    }
    let to = Math.min(body.length, from + length);
    if (to < body.length) {
      const space = body.lastIndexOf(" ", to);
      to = space > ranges[0].end ? space : Math.max(to, ranges[0].end);
      after = "\u2026";
    }
    body = body.slice(from, to);
    ranges = ranges.filter(function (r) { return r.start >= from && r.end <= to; })
      .map(function (r) { return { start: r.start - from + before.length, end: r.end - from + before.length, term: r.term }; });
  }
  return { text: before + body + after, ranges: ranges };
}

/* A document's address from the index, as a URL under the site root, or null:
   only a relative path of the site's own characters, never a scheme or host. */
export function siteAddress(path, siteRoot) {
  if (typeof path !== "string" || !/^(?:[a-z0-9][a-z0-9._~-]*\/)*(?:[a-z0-9][a-z0-9._~-]*)?$/i.test(path)) return null;
  const url = new URL(path, siteRoot);
  return url.href.startsWith(siteRoot) ? url.href : null;
}
