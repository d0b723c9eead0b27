"""Inline SVG charts for the HTML report: plain strings, nothing loaded from the network."""

from __future__ import annotations

from html import escape

PALETTE = ("#1f6feb", "#d29922", "#2da44e", "#cf222e", "#8250df", "#57606a")


def bar_chart(
    categories: list[str],
    series: dict[str, list[float | None]],
    goal: float | None = None,
    goal_label: str = "",
    unit: str = "%",
    width: int = 640,
    height: int = 300,
    decimal: str = ".",
) -> str:
    """Grouped bars, one group per category, one bar per series; an optional dashed goal line."""
    values = [v for vals in series.values() for v in vals if v is not None] + ([goal] if goal is not None else [])
    top = max([0.0, *values]) * 1.15 or 1.0
    bottom = min([0.0, *values]) * 1.15
    left, right, upper, lower = 48, 12, 16, 48
    plot_w, plot_h = width - left - right, height - upper - lower

    def y(v: float) -> float:
        return upper + (top - v) / (top - bottom) * plot_h

    def fmt(v: float) -> str:
        return f"{v:.2f}".replace(".", decimal)

    group = plot_w / max(len(categories), 1)
    bar = group * 0.8 / max(len(series), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" font-family="sans-serif" font-size="11">',
        f'<line x1="{left}" y1="{y(0):.1f}" x2="{width - right}" y2="{y(0):.1f}" stroke="#888"/>',
    ]
    for i, cat in enumerate(categories):
        x0 = left + i * group + group * 0.1
        for j, (name, vals) in enumerate(series.items()):
            v = vals[i]
            if v is None:
                continue
            x = x0 + j * bar
            y_top, y_bottom = sorted((y(v), y(0)))
            parts.append(
                f'<rect x="{x:.1f}" y="{y_top:.1f}" width="{bar * 0.92:.1f}" height="{y_bottom - y_top:.1f}" '
                f'fill="{PALETTE[j % len(PALETTE)]}"><title>{escape(name)} {escape(cat)}: {fmt(v)} {unit}'
                f"</title></rect>"
            )
            parts.append(f'<text x="{x + bar * 0.46:.1f}" y="{y_top - 3:.1f}" text-anchor="middle">{fmt(v)}</text>')
        parts.append(
            f'<text x="{left + (i + 0.5) * group:.1f}" y="{height - lower + 16}" text-anchor="middle">'
            f"{escape(cat)}</text>"
        )
    if goal is not None:
        parts.append(
            f'<line x1="{left}" y1="{y(goal):.1f}" x2="{width - right}" y2="{y(goal):.1f}" stroke="#cf222e" '
            f'stroke-dasharray="6 4"/><text x="{left + 4}" y="{y(goal) - 4:.1f}" text-anchor="start" '
            f'fill="#cf222e">{escape(goal_label)} {fmt(goal)} {unit}</text>'
        )
    for j, name in enumerate(series):
        x = left + j * 150
        parts.append(
            f'<rect x="{x}" y="{height - 18}" width="10" height="10" fill="{PALETTE[j % len(PALETTE)]}"/>'
            f'<text x="{x + 14}" y="{height - 9}">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
