"""Run every benchmark module (`bench_*.py`) and print their tables: `make bench`.

`python -m tests.benchmarks [NAME ...]` runs only the modules whose name contains NAME.
Each module runs in a process of its own, so one module's imports and memory do not colour
another's figures. Benchmarks report; they never fail on a timing.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tests.benchmarks as package


def main(argv: list[str]) -> int:
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(package.__path__)
        if info.name.startswith("bench_")
    )
    chosen = [n for n in names if not argv or any(a in n for a in argv)]
    failed = []
    for name in chosen:
        done = subprocess.run([sys.executable, "-m", f"tests.benchmarks.{name}"], check=False)
        if done.returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nThese benchmarks stopped with an error: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
