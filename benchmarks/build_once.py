"""One `mkdocs build` in this process, then its wall time and peak memory as JSON.

Run as a fresh process per build, so the peak resident memory is that build's alone.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

os.environ.setdefault("NO_MKDOCS_2_WARNING", "true")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402



def main() -> None:
    config_file, site_dir = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    config = load_config(config_file, site_dir=site_dir)
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    seconds = time.perf_counter() - start
    # Kilobytes on Linux. The search words process (macros/outputs/search_worker.py) runs
    # beside the build, so the two peaks are added: an upper bound.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mb": (own + children) / 1024}))


if __name__ == "__main__":
    main()
