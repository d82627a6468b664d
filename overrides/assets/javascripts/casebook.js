/*
 * The casebook's script: the one entry mkdocs.yml loads (an ES module), which
 * starts each component. One folder per component under components/, small
 * pure helpers under lib/ (unit-tested by tests/js/ with Node's own runner).
 *
 * Each component's root is found by data-module="<name>" and started once per
 * element (it then carries data-<name>-init, since Material's instant
 * navigation emits document$ again for every page while the header outlives
 * it); each starts in its own try/catch, so one that fails leaves the others
 * working and the page as it was built (everything works without script).
 * No framework, no bundler: the browser resolves the imports below against
 * this file's address, so they are same-origin scripts the CSP allows.
 */
import * as compare from "./components/compare/compare.mjs";
import * as comparePick from "./components/compare-pick/compare-pick.mjs";
import * as finder from "./components/finder/finder.mjs";
import * as headerButtons from "./components/header-buttons/header-buttons.mjs";
import * as liveReload from "./components/live-reload/live-reload.mjs";
import * as siteSearch from "./components/site-search/site-search.mjs";
import * as skipLink from "./components/skip-link/skip-link.mjs";

// Started on every page with no root: they mend Material's own markup.
var PAGE_WIDE = [["header-buttons", headerButtons], ["skip-link", skipLink]];
// Started on each element with their data-module, in this order.
// The finder before "Add to comparison", which gives buttons only to the cards it attaches.
var COMPONENTS = [siteSearch, finder, comparePick, compare];

function attempt(name, run) {
  try {
    run();
  } catch (error) {
    // What was built stays usable (the finder lists every case study); say why the rest did not appear.
    if (window.console) window.console.error(name + ": could not start:", error);
  }
}

function startAll() {
  PAGE_WIDE.forEach(function (entry) { attempt(entry[0], entry[1].start); });
  COMPONENTS.forEach(function (component) {
    var flag = "data-" + component.moduleName + "-init";
    document.querySelectorAll('[data-module="' + component.moduleName + '"]').forEach(function (root) {
      if (root.hasAttribute(flag)) return; // never twice on one element
      root.setAttribute(flag, "");
      attempt(component.moduleName, function () { component.start(root); });
    });
  });
}

// MkDocs (`mkdocs serve`) puts its live-reload script at the end of the body, after this file.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { attempt("live-reload", liveReload.start); });
else attempt("live-reload", liveReload.start);

attempt("cb-finder", finder.followAddress);

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(startAll);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", startAll);
} else {
  startAll();
}
