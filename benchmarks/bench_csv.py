"""CSV loading is linear in rows and columns (issue 12).

    python benchmarks/bench_csv.py

Times load_csv on files of 10,000 and 40,000 columns (2 rows) and of 100,000 and
400,000 rows (5 columns), side by side: a linear loader takes about 4 × as long
for 4 × the size (the quadratic header check it replaced took 10 s for 40,000 columns).
"""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from nnviz.core import datasets  # noqa: E402


def timed(text, **kw):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write(text)
    try:
        t = time.perf_counter()
        datasets.load_csv(f.name, **kw)
        return time.perf_counter() - t
    finally:
        os.remove(f.name)


def main():
    datasets.MAX_COLUMNS = 50_000
    for n in (10_000, 40_000):
        names = [f"c{j}" for j in range(n)]
        s = timed(",".join(names) + "\n" + ",".join(["1"] * n) + "\n" + ",".join(["0"] * n) + "\n",
                  inputs=names[:-1])
        print(f"{n:>7,} columns × 2 rows: {s:6.2f} s")
    for n in (100_000, 400_000):
        rows = "".join(f"{i % 7},{i % 5},{i % 3},{i % 11},{i % 2}\n" for i in range(n))
        print(f"{n:>7,} rows × 5 columns: {timed('a,b,c,d,y' + chr(10) + rows):6.2f} s")


if __name__ == "__main__":
    main()
