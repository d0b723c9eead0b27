#!/usr/bin/env python3
"""Start-up and run-time costs of the CLI, measured as wall time over repeated runs (median).

    python scripts/benchmark.py [--runs 7]

Budgets (issue #2, #3): `--help` imports no pandas/numpy/scipy; `check` costs at most 1.3× the bare
`python -c "import pandas, pydantic, typer, yaml, rich.table"`;
a 1001 × 1001 `sweep` at most 1.5× a one-point sweep (docs/method.md §9).
Not a test: timings depend on the machine; run it and read the ratios.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

PY = sys.executable
BASELINE = [PY, "-c", "import pandas, pydantic, typer, yaml, rich.table"]
CASES = {
    "baseline: import pandas, pydantic, typer, yaml, rich.table": BASELINE,
    "grdp-scenario --help": [PY, "-m", "grdp_scenario", "--help"],
    "grdp-scenario check": [PY, "-m", "grdp_scenario", "check", "--format", "json"],
    "grdp-scenario sweep, one point": [
        PY,
        "-m",
        "grdp_scenario",
        "sweep",
        "--vary",
        "Q4.grdp=12:12:1",
        "--format",
        "json",
    ],
    "grdp-scenario sweep 1001 x 1001": [
        PY,
        "-m",
        "grdp_scenario",
        "sweep",
        "--vary",
        "Q3.grdp=8:13:0.005",
        "--vary",
        "Q4.grdp=10:15:0.005",
        "--format",
        "json",
    ],
    "grdp-scenario sweep 1001 x 1001, two sectors of Q4": [
        PY,
        "-m",
        "grdp_scenario",
        "sweep",
        "--vary",
        "Q4.services=10:20:0.01",
        "--vary",
        "Q4.industry_construction=10:20:0.01",
        "--format",
        "json",
    ],
    "grdp-scenario reconcile": [PY, "-m", "grdp_scenario", "reconcile", "--format", "json"],
    "grdp-scenario build --goal 10.5 --item services=13": [
        PY,
        "-m",
        "grdp_scenario",
        "build",
        "--goal",
        "10.5",
        "--item",
        "services=13",
        "--format",
        "json",
    ],
}


def alias_bomb_plan() -> str:
    """A 1 MB YAML whose aliases would stand for a billion values: refused at the count, not expanded."""
    import tempfile
    from pathlib import Path

    laughs = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(9)
    )
    path = Path(tempfile.mkdtemp()) / "bomb.yaml"
    path.write_text(laughs + "# padding\n" * 100_000, encoding="utf-8")
    return str(path)


def many_rows_plan(rows: int) -> str:
    """The shipped plan with ``rows`` more indicator rows: work must grow linearly with the rows."""
    import tempfile
    from pathlib import Path

    shipped = Path(__file__).resolve().parents[1] / "data" / "targets_2025.yaml"
    extra = "".join(
        f'  - {{row: "X{i}", key: k{i}, name: "N{i}", unit: "%", kind: rate, values: {{FY: 50.0}}}}\n'
        for i in range(rows)
    )
    path = Path(tempfile.mkdtemp()) / f"rows_{rows}.yaml"
    path.write_text(shipped.read_text(encoding="utf-8").rstrip("\n") + "\n" + extra, encoding="utf-8")
    return str(path)


def median_seconds(cmd: list[str], runs: int, codes: tuple[int, ...] = (0, 1)) -> float | None:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True)
        times.append(time.perf_counter() - start)
        if proc.returncode not in codes:
            return None
    return statistics.median(times)


def heavy_modules_on_help() -> list[str]:
    code = (
        "import sys; sys.argv=['grdp-scenario','--help']\nfrom grdp_scenario.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('HEAVY:' + ','.join(m for m in ('pandas','numpy','scipy') if m in sys.modules))"
    )
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True).stdout
    line = next((x for x in out.splitlines() if x.startswith("HEAVY:")), "HEAVY:?")
    return [m for m in line.removeprefix("HEAVY:").split(",") if m]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    results = {}
    for rows in (5_000, 20_000):
        CASES[f"grdp-scenario audit, {rows:,} more indicator rows"] = [
            PY,
            "-m",
            "grdp_scenario",
            "audit",
            "--targets",
            many_rows_plan(rows),
            "--format",
            "json",
        ]
    for name, cmd in CASES.items():
        results[name] = median_seconds(cmd, args.runs)
        shown = "not available" if results[name] is None else f"{results[name] * 1000:8.1f} ms"
        print(f"{name:<62} {shown}")
    base, check = results["baseline: import pandas, pydantic, typer, yaml, rich.table"], results["grdp-scenario check"]
    print(f"\ncheck / baseline = {check / base:.2f}  (budget 1.3)")
    for name in ("grdp-scenario reconcile", "grdp-scenario build --goal 10.5 --item services=13"):
        if results[name] is not None:
            print(f"{name.removeprefix('grdp-scenario ')} / check = {results[name] / check:.2f}")
    one = results["grdp-scenario sweep, one point"]
    for name in ("grdp-scenario sweep 1001 x 1001", "grdp-scenario sweep 1001 x 1001, two sectors of Q4"):
        if results[name] is not None and one is not None:
            print(f"{name.removeprefix('grdp-scenario ')} / one-point sweep = {results[name] / one:.2f}  (budget 1.5)")
    small, large = (results[f"grdp-scenario audit, {n:,} more indicator rows"] for n in (5_000, 20_000))
    if small and large:
        print(f"audit of 4× the rows costs {large / small:.1f}× (linear: about 4, quadratic: 16)")
    bomb = median_seconds([PY, "-m", "grdp_scenario", "check", "--targets", alias_bomb_plan()], args.runs, (2,))
    if bomb is not None:
        print(f"a 1 MB alias bomb refused in {bomb * 1000:.0f} ms ({bomb / check:.2f} × check)")
    heavy = heavy_modules_on_help()
    print(f"heavy modules imported by --help: {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
