"""The casebook's search against Pagefind's, side by side, on the same built site.

    .venv/bin/pip install -c constraints.txt -e '.[bench]'     # Pagefind's wheel and its binary
    .venv/bin/python benchmarks/search_quality.py [--json out.json] [--project DIR] [--per-query]

It copies the project (or --project DIR, such as a `git worktree` of another commit),
builds it with `mkdocs build --strict`, and runs Pagefind (the `pagefind[bin]` wheel,
offline) over a copy of the built site, indexing the same pages as the casebook's own
index (every `index.html`; 404.html is not one) with the same part of each page: the
article (`article.md-content__inner`), less the "Related case studies" cards, which
are other stories' text. Both copies are served on localhost and headless Chromium
runs every query in benchmarks/search_queries.yml through three searches:

- the finder: `/case-studies/?q=<query>`; the slugs of the cards it shows, in order;
- the header search box: the query typed into it on the home page; the case-study
  results among those it shows, in order;
- Pagefind: its API (`pagefind.js`) in a blank page with no Content-Security-Policy;
  the case-study pages among its first 10 results, in order.

Each engine's first 10 results count (the header box shows 10 at a time, Pagefind's
first 10, the finder's first 10 cards); the header box's and Pagefind's other pages
among them are kept in the JSON as `shown`. Per engine: mean reciprocal rank of the first
relevant story (0 when none is in the 10), recall in the top five (relevant stories
in the top 5 / min(5, how many are relevant)), both per class of query, and how many
misspelt queries find a relevant story in the top 3.

Bytes: every query is also run once per engine in a fresh browser context, after the
page has loaded (for Pagefind, from a blank page), and what it fetched from then
until its results were shown is added up as each file gzipped at level 6, as
benchmarks/run.py counts (GitHub Pages compresses; Pagefind's own files are already
compressed and barely change). For Pagefind that is pagefind.js, its WebAssembly, its
entry and meta files, the index chunks and the fragments of the 10 results read.
The casebook's search code is casebook.js and its modules, which every page loads anyway; their
size is reported beside the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus, urlsplit

import yaml
from run import fetched_bytes, gzipped  # this folder's: the same measure of what a first search transfers

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KB = 1024
TOP = 10
CLASSES = ["plain", "word-form", "typo", "acronym", "short-token", "multi-word"]
ENGINES = {"finder": "Casebook finder", "header": "Casebook header box", "pagefind": "Pagefind"}
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
]
PAGEFIND_CONFIG = {
    "root_selector": "article.md-content__inner",
    "exclude_selectors": [".cb-related", ".headerlink"],
    "glob": "**/index.html",
    "force_language": "en",
}
BLANK = "pagefind-bench.html"  # served from the Pagefind copy only: no CSP meta tag
PAGEFIND_SEARCH = """async ([query, top]) => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.init();
  const r = await pf.search(query);
  const data = await Promise.all(r.results.slice(0, top).map(x => x.data()));
  return {count: r.results.length, urls: data.map(d => d.url)};
}"""


# --- the query set ----------------------------------------------------------------------------


def load_queries(path: Path, project: Path) -> list[dict[str, Any]]:
    queries: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    slugs = {file.stem for file in (project / "case_studies").rglob("*.md")}
    for item in queries:
        if item["class"] not in CLASSES:
            raise SystemExit(f"{path}: {item['query']!r}: unknown class {item['class']!r}")
        unknown = set(item["relevant"]) - slugs
        if unknown:
            raise SystemExit(f"{path}: {item['query']!r}: no such case study: {', '.join(sorted(unknown))}")
    return queries


# --- building and serving ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Server:
    def __init__(self, site: Path, port: int) -> None:
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

        self.url = f"http://127.0.0.1:{port}/"
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=str(site)))
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def describe(project: Path) -> str:
    result = subprocess.run(["git", "-C", str(project), "describe", "--always", "--dirty"],
                            capture_output=True, text=True)
    return result.stdout.strip() or "not a git checkout"


def build_site(project: Path, work: Path, port: int) -> Path:
    """`mkdocs build --strict` of a copy of the project, for the address it is served at.
    PYTHONPATH makes the copy's own `macros` package the one the plugin loads."""
    copy = work / "project"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns(
        ".venv", ".git", "site", "node_modules", "__pycache__", ".pytest_cache", "*.egg-info"))
    site = work / "site"
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "PYTHONPATH": str(copy),
           "NO_MKDOCS_2_WARNING": "true", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(copy / "mkdocs.yml"),
                             "-d", str(site)], capture_output=True, text=True, env=env, cwd=copy, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"the build failed:\n{result.stderr[-3000:]}")
    return site


def pagefind_version() -> str:
    result = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit("Pagefind is not installed: .venv/bin/pip install -c constraints.txt -e '.[bench]'")
    return result.stdout.strip()


def run_pagefind(site: Path, work: Path) -> tuple[Path, float]:
    """A copy of the built site with Pagefind's bundle in /pagefind/, and the seconds it took."""
    copy = work / "pagefind-site"
    shutil.copytree(site, copy)
    config = work / "pagefind-config"
    config.mkdir()
    (config / "pagefind.json").write_text(json.dumps({**PAGEFIND_CONFIG, "site": str(copy)}))
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pagefind", "--quiet"], capture_output=True, text=True,
                            cwd=config, timeout=600)
    seconds = time.perf_counter() - start
    if result.returncode != 0 or not (copy / "pagefind" / "pagefind.js").is_file():
        raise SystemExit(f"Pagefind failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    (copy / BLANK).write_text("<!doctype html><html lang=en><meta charset=utf-8><title>Pagefind</title><body></body></html>\n")
    return copy, seconds


def folder_bytes(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


def script_kb(site: Path) -> float:
    folder = site / "assets" / "javascripts"  # Material's bundle is here too: only the casebook's files
    scripts = [folder / "casebook.js", *sorted((folder / "components").rglob("*.mjs")), *sorted((folder / "lib").rglob("*.mjs"))]
    return sum(gzipped(path) for path in scripts) / KB


# --- the browser --------------------------------------------------------------------------------


def case_study_slug(url: str) -> str | None:
    parts = [part for part in urlsplit(url).path.split("/") if part]
    if len(parts) == 2 and parts[0] == "case-studies" and parts[1] not in ("search", "images"):
        return parts[1]
    return None


class Tab:
    """A page that counts its requests in flight and remembers every URL it asked for."""

    def __init__(self, context: Any, errors: list[str]) -> None:
        self.page = context.new_page()
        self.urls: list[str] = []
        self.inflight = 0
        self.page.on("request", self._started)
        self.page.on("requestfinished", self._ended)
        self.page.on("requestfailed", self._ended)
        self.page.on("response", lambda response: errors.append(f"{response.status} {response.url}")
                     if response.status >= 400 else None)
        self.page.on("pageerror", lambda error: errors.append(str(error)))
        self.page.on("console", lambda message: errors.append(message.text)
                     if message.type == "error" and "Failed to load resource" not in message.text else None)

    def _started(self, request: Any) -> None:
        self.inflight += 1
        self.urls.append(request.url)

    def _ended(self, request: Any) -> None:
        self.inflight -= 1

    def settle(self, snapshot: str, stable_polls: int = 3, interval_ms: int = 150, timeout_s: float = 20) -> Any:
        """Poll `snapshot` (a JavaScript function) until it gives the same answer
        `stable_polls` times in a row with no request in flight."""
        deadline = time.monotonic() + timeout_s
        last: Any = object()
        stable = 0
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(interval_ms)
            now = self.page.evaluate(snapshot)
            if now == last and self.inflight == 0:
                stable += 1
                if stable >= stable_polls:
                    return now
            else:
                stable = 0
            last = now
        raise TimeoutError(f"the page did not settle: {last!r}")


FINDER_SNAPSHOT = """() => {
  const form = document.querySelector('.cb-finder__form');
  const links = document.querySelectorAll('.cb-finder__results > .cb-card:not([hidden]) .cb-card__title a');
  const count = document.querySelector('.cb-finder__count');
  return {ready: !!form && !form.hidden, hrefs: Array.from(links, a => a.href),
          count: count ? count.textContent.trim() : ''};
}"""
HEADER_SNAPSHOT = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const links = document.querySelectorAll('.md-search-result__list a');
  return {meta: meta ? meta.textContent.trim() : '', hrefs: Array.from(links, a => a.href)};
}"""


def finder_by_address(tab: Tab, base: str, query: str) -> list[str]:
    tab.page.goto(base + "case-studies/?q=" + quote_plus(query))
    tab.page.wait_for_selector(".cb-finder__form:not([hidden])", timeout=60_000)
    hrefs: list[str] = tab.settle(FINDER_SNAPSHOT)["hrefs"]
    return [slug for slug in map(case_study_slug, hrefs) if slug][:TOP]


def finder_typed(tab: Tab, base: str, site: Path, query: str) -> tuple[list[str], int]:
    """The query filled into the finder's box after the page has loaded: its results
    and what it fetched."""
    tab.page.goto(base + "case-studies/")
    tab.page.wait_for_selector(".cb-finder__form:not([hidden])", timeout=60_000)
    tab.settle(FINDER_SNAPSHOT)
    tab.urls.clear()
    tab.page.fill(".cb-finder__input", query)
    hrefs: list[str] = tab.settle(FINDER_SNAPSHOT)["hrefs"]
    return [slug for slug in map(case_study_slug, hrefs) if slug][:TOP], fetched_bytes(tab.urls, base, site)


def header_typed(tab: Tab, base: str, site: Path, query: str) -> tuple[list[str], int, list[str]]:
    tab.page.goto(base)
    tab.settle(HEADER_SNAPSHOT)
    tab.urls.clear()
    before = tab.page.evaluate(HEADER_SNAPSHOT)["meta"]
    tab.page.click("input.md-search__input")
    tab.page.type("input.md-search__input", query, delay=20)
    deadline = time.monotonic() + 10
    while tab.page.evaluate(HEADER_SNAPSHOT)["meta"] == before and time.monotonic() < deadline:
        tab.page.wait_for_timeout(50)
    hrefs: list[str] = tab.settle(HEADER_SNAPSHOT)["hrefs"]
    slugs = [slug for slug in map(case_study_slug, hrefs[:TOP]) if slug]
    shown = [urlsplit(href).path for href in hrefs[:TOP]]
    return slugs, fetched_bytes(tab.urls, base, site), shown


def pagefind_part(url: str) -> str:
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    if name.endswith(".pf_fragment"):
        return "fragments"
    if name.endswith((".pf_index", ".pf_meta", ".pf_filter")) or name == "pagefind-entry.json":
        return "index"
    return "code"  # pagefind.js, its worker, its WebAssembly


def pagefind_search(tab: Tab, base: str, site: Path, query: str) -> tuple[list[str], int, dict[str, Any]]:
    tab.page.goto(base + BLANK)
    tab.page.wait_for_load_state("load")
    tab.urls.clear()
    answer = tab.page.evaluate(PAGEFIND_SEARCH, [query, TOP])
    slugs = [slug for slug in map(case_study_slug, answer["urls"]) if slug]
    parts = {part: fetched_bytes([u for u in tab.urls if pagefind_part(u) == part], base, site)
             for part in ("code", "index", "fragments")}
    return slugs, fetched_bytes(tab.urls, base, site), {"pagefind_results": answer["count"], "pagefind_bytes": parts,
                                                        "shown": answer["urls"]}


def run_browser(queries: list[dict[str, Any]], site: Path, port: int, pagefind_site: Path, pagefind_port: int
                ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    ours, theirs = Server(site, port), Server(pagefind_site, pagefind_port)
    runs: dict[str, list[dict[str, Any]]] = {engine: [] for engine in ENGINES}
    info: dict[str, Any] = {"errors": [], "finder_typed_differs": []}
    try:
        with sync_playwright() as playwright:
            executable = shutil.which("chromium") or "/usr/bin/chromium"
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            info["chromium"] = browser.version
            viewport: Any = {"width": 1280, "height": 900}
            steady = browser.new_context(viewport=viewport)
            by_address = Tab(steady, info["errors"])
            for number, item in enumerate(queries, 1):
                query = item["query"]
                print(f"  {number}/{len(queries)} {query}", file=sys.stderr)
                finder = finder_by_address(by_address, ours.url, query)
                fresh = {}
                for engine in ENGINES:  # a fresh context each: an empty cache, a first search
                    fresh[engine] = browser.new_context(viewport=viewport)
                typed, finder_bytes = finder_typed(Tab(fresh["finder"], info["errors"]), ours.url, site, query)
                if typed != finder:
                    info["finder_typed_differs"].append({"query": query, "address": finder, "typed": typed})
                header, header_bytes, header_shown = header_typed(Tab(fresh["header"], info["errors"]), ours.url, site, query)
                pagefind, pagefind_bytes, extra = pagefind_search(
                    Tab(fresh["pagefind"], info["errors"]), theirs.url, pagefind_site, query)
                for context in fresh.values():
                    context.close()
                for engine, slugs, fetched in (("finder", finder, finder_bytes), ("header", header, header_bytes),
                                               ("pagefind", pagefind, pagefind_bytes)):
                    runs[engine].append({"query": query, "class": item["class"], "relevant": item["relevant"],
                                         "results": slugs, "bytes": fetched, **score(slugs, item["relevant"])})
                runs["pagefind"][-1].update(extra)
                runs["header"][-1]["shown"] = header_shown
            steady.close()
            browser.close()
    finally:
        ours.close()
        theirs.close()
    return runs, info


# --- scores ----------------------------------------------------------------------------------------


def score(results: list[str], relevant: list[str]) -> dict[str, Any]:
    wanted = set(relevant)
    rank = next((at for at, slug in enumerate(results[:TOP], 1) if slug in wanted), None)
    return {
        "first_relevant_rank": rank,
        "reciprocal_rank": 1 / rank if rank else 0.0,
        "recall_at_5": len(wanted & set(results[:5])) / min(5, len(wanted)),
    }


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    def block(rows: list[dict[str, Any]]) -> dict[str, Any]:
        return {"queries": len(rows), "mrr": statistics.fmean(r["reciprocal_rank"] for r in rows),
                "recall_at_5": statistics.fmean(r["recall_at_5"] for r in rows)}

    typos = [r for r in runs if r["class"] == "typo"]
    fetched = [r["bytes"] for r in runs]
    parts = {}
    if "pagefind_bytes" in runs[0]:
        parts = {"median_parts_kb": {part: statistics.median(r["pagefind_bytes"][part] for r in runs) / KB
                                     for part in runs[0]["pagefind_bytes"]}}
    return {
        **parts,
        **block(runs),
        "per_class": {name: block([r for r in runs if r["class"] == name]) for name in CLASSES
                      if any(r["class"] == name for r in runs)},
        "typos_top3": sum(1 for r in typos if r["first_relevant_rank"] and r["first_relevant_rank"] <= 3),
        "typos": len(typos),
        "no_relevant_in_top10": sum(1 for r in runs if not r["first_relevant_rank"]),
        "first_query_kb": fetched[0] / KB,
        "median_query_kb": statistics.median(fetched) / KB,
        "max_query_kb": max(fetched) / KB,
    }


def render(summary: dict[str, dict[str, Any]], meta: dict[str, Any], runs: dict[str, list[dict[str, Any]]],
           per_query: bool) -> str:
    first = runs["finder"][0]["query"]
    lines = [
        f"{meta['date']}; casebook {meta['casebook']}; Pagefind {meta['pagefind']}; Chromium {meta['chromium']}; "
        f"{summary['finder']['queries']} queries ({meta['queries_file']})",
        "",
        f"| engine | MRR | recall@5 | typos in top 3 | no relevant in top {TOP} | first search, “{first}” (gzip) "
        "| first search, median / largest over all queries |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for engine, name in ENGINES.items():
        s = summary[engine]
        lines.append(f"| {name} | {s['mrr']:.2f} | {s['recall_at_5']:.2f} | {s['typos_top3']} of {s['typos']} | "
                     f"{s['no_relevant_in_top10']} | {s['first_query_kb']:.1f} KB | "
                     f"{s['median_query_kb']:.1f} / {s['max_query_kb']:.1f} KB |")
    lines += ["", "| class (queries) | " + " | ".join(f"{name}: MRR / recall@5" for name in ENGINES.values()) + " |",
              "|---|" + "---:|" * len(ENGINES)]
    for name in CLASSES:
        if name not in summary["finder"]["per_class"]:
            continue
        cells = [f"{summary[e]['per_class'][name]['mrr']:.2f} / {summary[e]['per_class'][name]['recall_at_5']:.2f}"
                 for e in ENGINES]
        lines.append(f"| {name} ({summary['finder']['per_class'][name]['queries']}) | " + " | ".join(cells) + " |")
    parts = summary["pagefind"].get("median_parts_kb", {})
    lines += ["", "Pagefind's first search, median: " + ", ".join(f"{part} {kb:.1f} KB" for part, kb in parts.items())
              + " (code: pagefind.js and its WebAssembly; index: entry, meta and word chunks; fragments: the "
              f"{TOP} results' texts)."]
    lines += ["", f"casebook.js and its modules (every page loads them; the casebook's search code): {meta['script_kb']:.1f} KB gzip. "
              f"Pagefind indexed the site in {meta['pagefind_seconds']:.1f} s; its bundle is "
              f"{meta['pagefind_bundle_kb']:.0f} KB on disk; its binary {meta['pagefind_binary_mb']:.1f} MB."]
    if per_query:
        lines += ["", "| query | class | " + " | ".join(f"{name}: first relevant" for name in ENGINES.values()) + " |",
                  "|---|---|" + "---:|" * len(ENGINES)]
        for at, item in enumerate(runs["finder"]):
            ranks = [runs[e][at]["first_relevant_rank"] or "–" for e in ENGINES]
            lines.append(f"| {item['query']} | {item['class']} | " + " | ".join(str(r) for r in ranks) + " |")
    return "\n".join(lines)


def pagefind_binary_mb() -> float:
    try:
        import pagefind_bin
    except ImportError:
        return 0.0
    folder = Path(pagefind_bin.__file__).parent
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file() and p.name.startswith("pagefind")) / KB / KB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, default=ROOT, help="the project to build (default: this checkout)")
    parser.add_argument("--queries", type=Path, default=HERE / "search_queries.yml")
    parser.add_argument("--json", type=Path, help="also write every query's results and the summary here")
    parser.add_argument("--per-query", action="store_true", help="also print each query's first relevant rank")
    args = parser.parse_args()
    project = args.project.resolve()
    queries = load_queries(args.queries, project)
    meta: dict[str, Any] = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                            "casebook": describe(project), "pagefind": pagefind_version(),
                            "queries_file": str(args.queries.resolve().relative_to(ROOT)) if args.queries.resolve().is_relative_to(ROOT) else str(args.queries),
                            "pagefind_config": PAGEFIND_CONFIG, "top": TOP}
    with tempfile.TemporaryDirectory(prefix="casebook-search-quality-") as temporary:
        work = Path(temporary)
        port, pagefind_port = free_port(), free_port()
        print(f"building {project}…", file=sys.stderr)
        site = build_site(project, work, port)
        print("indexing a copy with Pagefind…", file=sys.stderr)
        pagefind_site, meta["pagefind_seconds"] = run_pagefind(site, work)
        meta["pagefind_bundle_kb"] = folder_bytes(pagefind_site / "pagefind") / KB
        meta["pagefind_binary_mb"] = pagefind_binary_mb()
        meta["script_kb"] = script_kb(site)
        print(f"running {len(queries)} queries in Chromium…", file=sys.stderr)
        runs, info = run_browser(queries, site, port, pagefind_site, pagefind_port)
    meta.update(chromium=info["chromium"], page_errors=info["errors"], finder_typed_differs=info["finder_typed_differs"])
    summary = {engine: summarise(rows) for engine, rows in runs.items()}
    print(render(summary, meta, runs, args.per_query))
    if info["errors"]:
        print(f"\nJavaScript errors on the pages: {info['errors'][:5]}", file=sys.stderr)
    if info["finder_typed_differs"]:
        print(f"\nThe finder ranked {len(info['finder_typed_differs'])} queries differently when typed than from "
              "its address (the address is what is scored)", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "summary": summary, "runs": runs}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
