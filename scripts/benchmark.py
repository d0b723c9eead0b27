#!/usr/bin/env python3
"""What the CLI costs, as CPU time (user + system) of whole processes, median of repeated runs, and as a
multiple of the floor measured in the same run.

    python scripts/benchmark.py [--runs 7] [--quick] [--instructions]

The floor is what no implementation of `check` can avoid: starting the interpreter, reading the plan's YAML
with libyaml, reading the base-year CSV and doing the arithmetic. Budgets (issue #25): `check` ≤ 4× the
floor, `--help` ≤ 2×, no command above 6×; `audit` and `check` on 30k indicator rows within 3× of 10k rows
(linear); a 1001 × 1001 `sweep` at most 1.5× a one-point sweep (docs/method.md §9). `--quick` (what CI
prints) measures start-up and the row slope at 1k/4k only; the full run adds 30k rows, `risk` at 10⁸
draws and a 10⁷-point sweep to CSV, with their peak memory. `--instructions` counts the start-up commands'
instructions with valgrind instead: slow (about 20 s a command) but the same on a busy machine, where CPU
times move by a third from run to run.
Not a test: timings depend on the machine; run it and read the multiples.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PY = sys.executable
ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "data" / "targets_2025.yaml"
BASE = ROOT / "data" / "actuals_2024.csv"
FLOOR = f"""
import csv, yaml
plan = yaml.load(open({str(PLAN)!r}, encoding="utf-8"), Loader=yaml.CSafeLoader)
rows = list(csv.DictReader(open({str(BASE)!r}, encoding="utf-8-sig")))
volume = {{}}
for r in rows:
    if r["volume"]:
        volume[(r["period"], r["sector"])] = float(r["volume"])
rates = {{b: v for b, v in plan["growth"].items()}}
num = sum(volume.get((b, s), 0.0) * g for b, v in rates.items() for s, g in v.items() if isinstance(g, float))
print(num / sum(volume.values()))
"""


#: The command as users run it: the console script pip installs beside the interpreter (else ``-m``).
SCRIPT = Path(PY).parent / "grdp-scenario"


def tool(*args: str) -> list[str]:
    return [str(SCRIPT), *args] if SCRIPT.exists() else [PY, "-m", "grdp_scenario", *args]


def compile_package() -> None:
    """Write the package's bytecode first, as pip does when it installs a wheel: an editable install under
    PYTHONDONTWRITEBYTECODE (set on some CI machines) would otherwise compile every module on every run."""
    import compileall

    import grdp_scenario

    compileall.compile_dir(Path(grdp_scenario.__file__).parent, quiet=1)


def with_environment(cmd: list[str]) -> tuple[list[str], dict[str, str]]:
    """A command's leading NAME=VALUE words set its environment, as in a shell."""
    settings = cmd[: next(i for i, w in enumerate(cmd) if "=" not in w)]
    return cmd[len(settings) :], {**os.environ, **dict(word.split("=", 1) for word in settings)}


def instructions(cmd: list[str]) -> float | None:
    """Millions of instructions of one run, counted by valgrind (the same count on a busy or quiet machine)."""
    cmd, env = with_environment(cmd)
    with tempfile.TemporaryDirectory() as folder:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder}/out", *cmd],
            capture_output=True,
            text=True,
            env=env,
        )
    found = [line for line in out.stderr.splitlines() if "refs:" in line]
    return int(found[-1].split("refs:")[1].replace(",", "").strip()) / 1e6 if found else None


START_UP = {
    "floor: interpreter + YAML + CSV + arithmetic": [PY, "-c", FLOOR],
    "--help": tool("--help"),
    "check --help": tool("check", "--help"),
    "check": tool("check"),
    "check --format json": tool("check", "--format", "json"),
    # A terminal: the table in colour (as a pipe gets it without).
    "check in colour (FORCE_COLOR)": ["FORCE_COLOR=1", *tool("check")],
    "whatif --set Q4.services=16": tool("whatif", "--set", "Q4.services=16"),
    "required": tool("required"),
    "sensitivity": tool("sensitivity"),
    "reconcile --format json": tool("reconcile", "--format", "json"),
    "build --goal 10.5": tool("build", "--goal", "10.5", "--format", "json"),
    "audit": tool("audit", "--format", "json"),
    "report --output /dev/null": tool("report", "--output", "/dev/null"),
    "horizon": tool("horizon"),
    "risk --sd 0.5": tool("risk", "--sd", "0.5"),
    "sweep, one point": tool("sweep", "--vary", "Q4.grdp=12:12:1", "--format", "json"),
    "sweep 1001 x 1001": tool(
        "sweep", "--vary", "Q3.grdp=8:13:0.005", "--vary", "Q4.grdp=10:15:0.005", "--format", "json"
    ),
}


def cpu_seconds(cmd: list[str], codes: tuple[int, ...] = (0, 1)) -> tuple[float, float] | None:
    """CPU seconds (user + system) of one run of ``cmd`` and its peak memory in MiB, or None if it failed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cmd, env = with_environment(cmd)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    del before
    if proc.returncode not in codes:
        return None
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def median_cpu(cmd: list[str], runs: int, codes: tuple[int, ...] = (0, 1)) -> tuple[float, float] | None:
    results = [cpu_seconds(cmd, codes) for _ in range(runs)]
    if any(r is None for r in results):
        return None
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def many_rows_plan(rows: int) -> str:
    """The shipped plan with ``rows`` more indicator rows: work must grow linearly with the rows."""
    extra = "".join(
        f'  - {{row: "X{i}", key: k{i}, name: "N{i}", unit: "%", kind: rate, values: {{FY: 50.0}}}}\n'
        for i in range(rows)
    )
    path = Path(tempfile.mkdtemp()) / f"rows_{rows}.yaml"
    path.write_text(PLAN.read_text(encoding="utf-8").rstrip("\n") + "\n" + extra, encoding="utf-8")
    return str(path)


def alias_bomb_plan() -> str:
    """A 1 MB YAML whose aliases would stand for a billion values: refused at the count, not expanded."""
    laughs = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(9)
    )
    path = Path(tempfile.mkdtemp()) / "bomb.yaml"
    path.write_text(laughs + "# padding\n" * 100_000, encoding="utf-8")
    return str(path)


def heavy_modules(*argv: str) -> list[str]:
    code = (
        f"import sys; sys.argv=['grdp-scenario', *{list(argv)!r}]\nfrom grdp_scenario.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('HEAVY:' + ','.join(m for m in ('pandas','numpy','scipy','openpyxl','babel') if m in sys.modules))"
    )
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True).stdout
    line = next((x for x in out.splitlines() if x.startswith("HEAVY:")), "HEAVY:?")
    return [m for m in line.removeprefix("HEAVY:").split(",") if m]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="start-up and the 1k/4k row slope only (CI)")
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions with valgrind instead (slow, exact)"
    )
    args = parser.parse_args()
    compile_package()
    if args.instructions:
        count_instructions()
        return
    runs = 2 if args.quick and args.runs == 7 else args.runs
    floor_cmd = START_UP["floor: interpreter + YAML + CSV + arithmetic"]
    budgets = {"--help": 2.0, "check": 4.0}
    measured, floors = {}, []
    for name, cmd in START_UP.items():
        if name.startswith("floor"):
            continue
        # Each run of a command beside a run of the floor: the machine's drift moves both alike.
        pairs = [(cpu_seconds(floor_cmd), cpu_seconds(cmd)) for _ in range(runs)]
        if any(f is None or c is None for f, c in pairs):
            measured[name] = None
            continue
        floor_here = statistics.median(f[0] for f, _ in pairs)
        floors.append(floor_here)
        measured[name] = (statistics.median(c[0] for _, c in pairs), floor_here)
    floor = statistics.median(floors)
    print(f"CPU time, median of {runs} runs, each beside a run of the floor ({floor * 1000:.0f} ms)")
    for name, got in measured.items():
        if got is None:
            print(f"  {name:<48} failed")
            continue
        multiple, budget = got[0] / got[1], budgets.get(name, 6.0)
        mark = f"  (budget {budget:g}×{'' if multiple <= budget else ', OVER'})"
        print(f"  {name:<48} {got[0] * 1000:7.0f} ms  {multiple:5.1f}×{mark}")
    rows = (1_000, 4_000) if args.quick else (1_000, 10_000, 30_000)
    plans = {n: many_rows_plan(n) for n in rows}
    print("\nIndicator rows (linear: the cost grows with the rows, not their square)")
    for command in ("audit", "check"):
        # The sizes in turn (three rounds, one with --quick): the machine's drift moves each size alike.
        rounds = [
            {n: cpu_seconds(tool(command, "--targets", plans[n], "--format", "json")) for n in rows}
            for _ in range(1 if args.quick else 3)
        ]
        if any(got is None for r in rounds for got in r.values()):
            print(f"  {command}: failed")
            continue
        for n in rows:
            print(f"  {command} with {n:>6,} more rows: {statistics.median(r[n][0] for r in rounds):6.2f} s")
        small, large = rows[-2], rows[-1]
        ratio = statistics.median(r[large][0] / r[small][0] for r in rounds)
        budget = "budget 3×, quadratic 9×" if large == 30_000 else "linear ≤ 4×, quadratic 16×"
        print(f"  {command}: {large // 1000}k rows cost {ratio:.1f}× {small // 1000}k rows ({budget})")
    bomb = median_cpu(tool("check", "--targets", alias_bomb_plan()), runs, (2,))
    if bomb:
        print(f"\nA 1 MB alias bomb refused in {bomb[0] * 1000:.0f} ms ({bomb[0] / floor:.1f}× the floor)")
    print(f"Heavy modules imported by --help: {', '.join(heavy_modules('--help')) or 'none'}")
    print(f"Heavy modules imported by check: {', '.join(heavy_modules('check')) or 'none'}")
    if args.quick:
        return
    print("\nBounded work (CPU seconds, peak MiB)")
    with tempfile.TemporaryDirectory() as folder:
        heavy = {
            "risk --draws 100000000": tool("risk", "--sd", "0.5", "--draws", "100000000", "--format", "json"),
            "sweep of 1e7 points to CSV": tool(
                "sweep",
                "--vary",
                "Q3.grdp=8:13:0.0016",
                "--vary",
                "Q4.grdp=10:15:0.0016",
                "--output",
                str(Path(folder) / "grid.csv"),
                "--format",
                "json",
            ),
        }
        for name, cmd in heavy.items():
            got = median_cpu(cmd, 1)
            print(f"  {name:<32} " + (f"{got[0]:6.1f} s  {got[1]:6.0f} MiB" if got else "failed"))


def count_instructions() -> None:
    """The start-up budgets in instructions: what a busy machine cannot blur (about 20 s a command)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(os.cpu_count()) as pool:  # one valgrind a core: counts do not depend on load
        counts = dict(zip(START_UP, pool.map(instructions, START_UP.values())))
    floor = counts.pop("floor: interpreter + YAML + CSV + arithmetic")
    print(f"Instructions (valgrind); multiples of the floor ({floor:.0f} M)")
    for name, got in counts.items():
        budget = {"--help": 2.0, "check": 4.0}.get(name, 6.0)
        verdict = "" if got is None else f"  (budget {budget:g}×{'' if got / floor <= budget else ', OVER'})"
        print(f"  {name:<48} " + (f"{got:7.0f} M  {got / floor:5.2f}×{verdict}" if got else "failed"))


if __name__ == "__main__":
    main()
