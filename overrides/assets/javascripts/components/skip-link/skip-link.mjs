/* Material prints its skip link from a page's table of contents, which the 404
   page has none of: link its heading instead.
   Not a data-module component: it mends Material's own markup. */
export function start() {
  var slot = document.querySelector('[data-md-component="skip"]');
  if (!slot || slot.querySelector("a") || !document.getElementById("cb-title")) return;
  var link = document.createElement("a");
  link.className = "md-skip";
  link.href = "#cb-title";
  link.textContent = "Skip to content";
  slot.appendChild(link);
}

