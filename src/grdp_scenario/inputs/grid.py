"""A sweep's whole grid written to a file: CSV, or Parquet where pyarrow is installed."""

from __future__ import annotations

import io
from pathlib import Path

from ..core.errors import InputError
from .atomic import is_stream, write_output


def write_grid(result, output: Path) -> None:
    """One row per grid point: the axes' rates, the goal's value and whether it is met (atomically)."""
    suffix = ".csv" if is_stream(output) else output.suffix.lower()  # a device has no extension: the text form
    if suffix not in (".csv", ".parquet"):
        raise InputError("extension-unknown", file=str(output), allowed=(".csv", ".parquet"), fix="fix-one-of")
    if suffix == ".parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise InputError("parquet-needs-pyarrow", file=str(output), fix="fix-parquet-needs-pyarrow") from None
    if suffix == ".parquet":
        buffer = io.BytesIO()
        result.frame().to_parquet(buffer, index=False)
        write_output(output, buffer.getvalue())
        return

    write_output(output, csv_pieces(result))


def csv_pieces(result, rows: int = 1 << 16):
    """The grid as CSV text, a block of rows at a time (memory stays bounded however large the grid): the
    axes' values formatted once each, the goal's value to ten significant digits, whether it is met."""
    import itertools

    import numpy as np

    from ..core.rounding import noise

    axes = [[f"{x:.10g}" for x in a.values().tolist()] for a in result.axes]
    threshold = result.goal - noise(result.goal)
    yield ",".join([*(a.name for a in result.axes), f"{result.goal_period}.{result.goal_item}", "goal_met"]) + "\n"
    inner = int(np.prod([len(a) for a in axes[1:]])) if len(axes) > 1 else 1
    per = max(1, rows // inner)
    for start in range(0, len(axes[0]), per):
        block = result.grid[start : start + per].ravel().tolist()
        labels = itertools.product(axes[0][start : start + per], *axes[1:])
        yield "".join(
            f"{','.join(label)},{value:.10g},{'True' if value >= threshold else 'False'}\n"
            for label, value in zip(labels, block)
        )
