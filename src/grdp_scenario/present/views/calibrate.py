"""What ``calibrate`` says on standard error: how well the fitted volumes reproduce the printed figures."""

from __future__ import annotations

from ..wording import Wording


def fit_lines(fit, lang="en", plan=None) -> list[str]:
    w = Wording(lang, plan)
    lines = [
        w.label(
            "calibrated", volumes=fit.unknowns, figures=len(fit.equations), residual=w.number(fit.max_abs_residual, 5)
        )
    ]
    for eq, printed, fitted, res in fit.residuals:
        name = f"{w.period(eq.period)} {w.item(eq.item)}"
        lines.append(
            f"  {name:<40} {w.label('printed')} {w.number(printed, 2):>7}  {w.label('fitted')} "
            f"{w.number(fitted, 5):>9}  {w.label('residual_short')} {w.number(res, 5, sign=True)}"
        )
    return lines
