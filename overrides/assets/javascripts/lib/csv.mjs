/* The finder's "Download this list" in /case-studies.csv's format, so a selection
   opens like the whole list. Pure (tests/js/csv.test.mjs). */

// /case-studies.csv's columns and cells (macros/outputs/exports.py: CSV_COLUMNS, csv_cell).
export var CSV_COLUMNS = ["slug", "url", "title", "type", "date", "summary", "phases", "hubs",
  "partnership_models", "programmes", "trust", "school"];

export function csvCell(value) {
  var cell = value === null || value === undefined ? "" : Array.isArray(value) ? value.join("; ") : String(value);
  if (/^[=+\-@\t\r]/.test(cell)) cell = "'" + cell; // never a spreadsheet formula
  return /[",\r\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
}

/* The file's text for some /case-studies.json entries: a byte-order mark (so
   spreadsheets read UTF-8), the header, one CRLF-ended row each. */
export function csvText(entries) {
  var rows = [CSV_COLUMNS.join(",")];
  entries.forEach(function (entry) {
    rows.push(CSV_COLUMNS.map(function (column) { return csvCell(entry[column]); }).join(","));
  });
  return "\ufeff" + rows.join("\r\n") + "\r\n";
}
