/*
 * "Add to comparison" on the finder's cards and on a case study's page (root:
 * data-module="cb-compare-pick", rendered hidden and empty by macros/site/compare.py).
 * The buttons and the tray ("2 of 4 chosen — Compare them · Clear") are made
 * here, so without JavaScript there is nothing to press. The chosen set is
 * lib/compare-set.mjs's, for the tab.
 *
 * The finder keeps most cards detached and attaches a page at a time, so the
 * buttons are made as cards are attached (a MutationObserver on its list) and
 * clicks are taken by delegation on the list: the finder itself is unchanged.
 */
import { MAX, chosenStore, chosenText, compareHref } from "../../lib/compare-set.mjs";
import { setText } from "../../lib/dom.mjs";

export var moduleName = "cb-compare-pick";

export function start(root) {
  new Picker(root).start();
}

function element(name, className, text) {
  var node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/* A quoted title, isolated so its direction cannot reorder the sentence around it. */
function quoted(title) {
  var bdi = element("bdi", "", title);
  return ["\u201c", bdi, "\u201d"];
}

function Picker(root) {
  this.root = root;
  this.store = chosenStore();
  this.base = root.dataset.compare || "";
  this.buttons = new Set();
}

Picker.prototype.start = function () {
  var self = this;
  this.buildTray();
  if (this.root.dataset.slug) {
    var own = this.makeButton(this.root.dataset.slug, this.root.dataset.title || this.root.dataset.slug);
    this.root.insertBefore(own, this.root.firstChild);
    own.addEventListener("click", function (event) { self.clicked(event); });
  }
  var list = this.root.dataset.cards ? document.querySelector(this.root.dataset.cards) : null;
  if (list) {
    Array.prototype.forEach.call(list.children, function (card) { self.decorate(card); });
    list.addEventListener("click", function (event) { self.clicked(event); });
    // The finder attaches cards a page at a time: each gets its button as it comes.
    var observer = new MutationObserver(function (records) {
      if (!self.root.isConnected) { observer.disconnect(); return; }
      var list = self.store.get();
      records.forEach(function (record) {
        record.addedNodes.forEach(function (card) {
          if (card.nodeType === 1) self.decorate(card, list);
        });
      });
    });
    observer.observe(list, { childList: true });
  }
  var stop = this.store.subscribe(function (chosen) {
    if (!self.root.isConnected) { stop(); return; }
    self.sync(chosen);
  });
  this.root.hidden = false;
  this.sync(this.store.get());
};

Picker.prototype.buildTray = function () {
  var self = this;
  this.tray = element("div", "cb-tray");
  this.status = element("p", "cb-tray__status");
  this.status.tabIndex = -1; // where focus goes when Clear takes itself away
  this.count = element("span", "cb-tray__count");
  this.links = element("span", "cb-tray__links");
  this.link = element("a", "cb-tray__link", "Compare them");
  this.clear = element("button", "cb-tray__clear", "Clear");
  this.clear.type = "button";
  this.links.append(" \u2014 ", this.link, " \u00b7 ", this.clear);
  this.status.append(this.count, this.links);
  this.chosen = element("ul", "cb-tray__chosen");
  // Says what each press did; a live region from the start, so it is read out.
  this.live = element("p", "cb-visually-hidden");
  this.live.setAttribute("role", "status");
  this.tray.append(this.status, this.chosen, this.live);
  this.root.appendChild(this.tray);
  this.clear.addEventListener("click", function () {
    self.store.set([]);
    self.status.focus();
    self.say(["Comparison cleared: none chosen."]);
  });
};

/* A card's button, once: its slug from the card's link, its title from the link's text. */
Picker.prototype.decorate = function (card, list) {
  if (card.cbPick || !card.classList || !card.classList.contains("cb-card")) return;
  var link = card.querySelector(".cb-card__title a");
  var slug = link ? (link.getAttribute("href") || "").split("/").filter(Boolean).pop() : "";
  if (!slug) return;
  card.cbPick = this.makeButton(slug, link.textContent.trim());
  (card.querySelector(".cb-card__body") || card).appendChild(card.cbPick);
  this.syncButton(card.cbPick.firstChild, list || this.store.get());
};

Picker.prototype.makeButton = function (slug, title) {
  var wrap = element("p", "cb-pick__item");
  var button = element("button", "cb-pick__button");
  button.type = "button";
  button.dataset.slug = slug;
  button.dataset.title = title;
  button.setAttribute("aria-pressed", "false");
  button.append(element("span", "cb-pick__tick"), element("span", "", "Add to comparison"),
    element("span", "cb-visually-hidden", ": " + title));
  button.firstChild.setAttribute("aria-hidden", "true");
  var why = element("span", "cb-pick__why");
  why.id = "cb-pick-why-" + slug;
  why.hidden = true;
  wrap.append(button, " ", why);
  this.buttons.add(button);
  return wrap;
};

Picker.prototype.sync = function (list) {
  var self = this;
  this.buttons.forEach(function (button) { self.syncButton(button, list); });
  setText(this.count, list.length ? chosenText(list.length)
    : "Choose up to " + MAX + " case studies to compare them side by side.");
  // Not merely hidden: with nothing chosen there is no link at all.
  if (!list.length) this.links.remove();
  else if (!this.links.isConnected) this.status.append(this.links);
  this.link.href = compareHref(this.base, list.map(function (item) { return item.slug; }));
  this.chosen.replaceChildren.apply(this.chosen, list.map(function (item) {
    return element("li", "", item.title);
  }));
  this.chosen.hidden = !list.length;
};

Picker.prototype.syncButton = function (button, list) {
  var slug = button.dataset.slug;
  var pressed = list.some(function (item) { return item.slug === slug; });
  var full = !pressed && list.length >= MAX;
  var why = button.nextElementSibling;
  button.setAttribute("aria-pressed", String(pressed));
  if (full) {
    button.setAttribute("aria-disabled", "true");
    button.setAttribute("aria-describedby", why.id);
    setText(why, MAX + " already chosen: remove one to add this");
  } else {
    button.removeAttribute("aria-disabled");
    button.removeAttribute("aria-describedby");
  }
  why.hidden = !full;
};

Picker.prototype.clicked = function (event) {
  var button = event.target.closest && event.target.closest(".cb-pick__button");
  if (!button) return;
  var slug = button.dataset.slug;
  var title = button.dataset.title;
  if (this.store.has(slug)) {
    this.store.remove(slug);
    this.say(["Removed "].concat(quoted(title), [" from the comparison. " + chosenText(this.store.get().length) + "."]));
  } else if (this.store.add(slug, title)) {
    this.say(["Added "].concat(quoted(title), [" to the comparison. " + chosenText(this.store.get().length) + "."]));
  } else {
    this.say(["Not added: " + MAX + " case studies are already chosen, the most a comparison shows. Remove one to add "]
      .concat(quoted(title), ["."]));
  }
};

/* Say it in the live region (emptied first, so the same words twice are read twice). */
Picker.prototype.say = function (parts) {
  var live = this.live;
  live.textContent = "";
  window.clearTimeout(this.saying);
  this.saying = window.setTimeout(function () {
    live.replaceChildren.apply(live, parts.map(function (part) {
      return typeof part === "string" ? document.createTextNode(part) : part;
    }));
  }, 50);
};
