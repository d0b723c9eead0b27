"""A sweep's whole grid written to a file: CSV, or Parquet where pyarrow is installed."""

from __future__ import annotations

import io
from pathlib import Path

from ..core.errors import InputError
from .atomic import write_output


def write_grid(result, output: Path) -> None:
    """One row per grid point: the axes' rates, the goal's value and whether it is met (atomically)."""
    suffix = output.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise InputError("extension-unknown", file=str(output), allowed=(".csv", ".parquet"), fix="fix-one-of")
    if suffix == ".parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise InputError("parquet-needs-pyarrow", file=str(output), fix="fix-parquet-needs-pyarrow") from None
    frame = result.frame()
    if suffix == ".parquet":
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        data: bytes | str = buffer.getvalue()
    else:
        data = frame.to_csv(index=False, float_format="%.10g")
    write_output(output, data)
