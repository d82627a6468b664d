// `mkdocs serve` only: its inline live-reload script is refused by the CSP, so
// this reads the two numbers MkDocs gave it and polls as it would.
export function start() {
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
