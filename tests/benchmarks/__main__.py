"""Run every benchmark module (`bench_*.py`) and print their tables: `make bench`.

`python -m tests.benchmarks [NAME ...]` runs only the modules whose name contains NAME.
Benchmarks report; they never fail on a timing.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import tests.benchmarks as package


def main(argv: list[str]) -> int:
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(package.__path__)
        if info.name.startswith("bench_")
    )
    chosen = [n for n in names if not argv or any(a in n for a in argv)]
    for name in chosen:
        module = importlib.import_module(f"tests.benchmarks.{name}")
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
