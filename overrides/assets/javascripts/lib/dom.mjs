/*
 * Writing to the page: text nodes and elements only, never an HTML string, so
 * nothing a reader typed or an index file holds is ever read as markup.
 * markedParts is pure (tests/js/dom.test.mjs); the rest need a page.
 */

/* Write only what changed: each write to the page can make the browser redo
   style and layout. */
export function setText(element, value) {
  if (element.textContent !== value) element.textContent = value;
}

/* `value` cut at the edges of `ranges` (sorted, not overlapping, as markRanges
   gives them): [{text, marked}], no empty pieces. */
export function markedParts(value, ranges) {
  var parts = [];
  var at = 0;
  ranges.forEach(function (range) {
    if (range.start > at) parts.push({ text: value.slice(at, range.start), marked: false });
    parts.push({ text: value.slice(range.start, range.end), marked: true });
    at = range.end;
  });
  if (at < value.length) parts.push({ text: value.slice(at), marked: false });
  return parts;
}

/* Text with some stretches marked: text nodes and <mark> elements, never HTML. */
export function setMarked(element, value, ranges) {
  var key = value + "\u0000" + ranges.map(function (r) { return r.start + "-" + r.end; }).join(",");
  if (element.cbMarked === key) return; // unchanged: leave the nodes (and the layout) alone
  element.cbMarked = key;
  var page = element.ownerDocument;
  element.replaceChildren.apply(element, markedParts(value, ranges).map(function (part) {
    if (!part.marked) return page.createTextNode(part.text);
    var mark = page.createElement("mark");
    mark.textContent = part.text;
    return mark;
  }));
}

/* Text quoting what a reader typed, isolated so its direction cannot reorder
   the sentence around it: [text, {text, strong?}, text, ...] -> nodes. */
export function sentence(parts) {
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

/* Call `show` when `element` is first on screen (at once without IntersectionObserver).
   One observer for the page, made on first use so that importing this needs no page. */
var watched = new WeakMap();
var observer;

export function whenSeen(element, show) {
  if (observer === undefined) {
    observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        var seen = watched.get(entry.target);
        watched.delete(entry.target);
        if (seen) seen();
      });
    }, { rootMargin: "200px" }) : null;
  }
  if (!observer) { show(); return; }
  watched.set(element, show);
  observer.observe(element);
}
