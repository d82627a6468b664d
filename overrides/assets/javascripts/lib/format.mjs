/* Numbers and counts in the casebook's words. Pure (tests/js/format.test.mjs). */

/* 5000 -> "5,000". toLocaleString is far slower, and this runs for every option on every change. */
export function number(count) {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function plural(count, one, many) {
  return number(count) + " " + (count === 1 ? one : many);
}

/* A "show more" button's label: "Show 20 more (45 left)", "Show the last 3". */
export function moreText(step, left) {
  return left > step ? "Show " + number(step) + " more (" + number(left) + " left)"
    : left === 1 ? "Show the last one" : "Show the last " + number(left);
}

/* The months as the pages print them ("14 March 2025"). */
export var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];
