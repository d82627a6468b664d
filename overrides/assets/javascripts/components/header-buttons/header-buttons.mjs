/* Material's header buttons for the search and the navigation drawer are
   labels, which Tab passes by: make them buttons a keyboard can reach.
   Not a data-module component: it mends Material's own header, on every page. */
export function start() {
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

