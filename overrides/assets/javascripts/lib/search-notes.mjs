/* What a search tells the reader besides its results, shared by the finder and
   the header search box. Pure (tests/js/search-notes.test.mjs): the notes are
   parts for dom.sentence(), so what the reader typed is never markup. */
import { MAX_QUERY_LENGTH, normalise } from "./words.mjs";

/* "Showing results for jurassic" and what was left unread. */
export function searchNotes(result, query) {
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

/* The query with each misspelt word replaced by the word it was read as
   (result.corrections: [{from, to}]), the rest as typed. */
export function corrected(query, result) {
  var words = new Map(result.corrections.map(function (c) { return [c.from, c.to]; }));
  return query.replace(/[\p{L}\p{N}\p{M}]+/gu, function (word) {
    var to = words.get(normalise(word));
    return to === undefined ? word : to;
  });
}
