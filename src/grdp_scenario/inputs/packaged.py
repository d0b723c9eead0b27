"""The data packaged with the tool: Cần Thơ's 2025 plan and its 2024 base year (README, "Files")."""

from __future__ import annotations

from pathlib import Path

DEFAULT_TARGETS = "targets_2025.yaml"
DEFAULT_ACTUALS = "actuals_2024.csv"
DEFAULT_HORIZON = "horizon_2026_2030.yaml"
#: Whose base year the packaged actuals are: only a plan of this region and base year may fall back on it.
DEFAULT_REGION, DEFAULT_BASE_YEAR = "can-tho", 2024


#: The package's folder, as installed (resolved once: a check asks for its data files several times).
PACKAGE = Path(__file__).resolve().parents[1]


def data_path(name: str) -> Path:
    """A packaged data file: inside the wheel, or data/ of a source checkout."""
    packaged = PACKAGE / "data" / name
    if packaged.is_file():
        return packaged
    return PACKAGE.parents[1] / "data" / name
