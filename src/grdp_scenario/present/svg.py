"""Inline SVG charts for the HTML report: plain strings, nothing loaded from the network.

Laid out so that nothing overlaps: the goal's label stands in the legend below the plot (only its dashed
line crosses the bars, and only over the categories the goal binds), category names wrap onto as many lines
as they need, value labels that would touch are stacked, and legend entries are spaced by the length of
their text. Colours mean one thing on every chart of a page: a series' role (the plan, what was published,
a what-if) picks its colour, and a projected bar is the published colour, lighter and outlined.
"""

from __future__ import annotations

from html import escape

PALETTE = ("#6e7781", "#0969da", "#8250df", "#bf8700", "#1a7f37", "#57606a")
#: The colour of each role a series may play, the same on every chart.
ROLE_COLOURS = {"plan": "#6e7781", "published": "#0969da", "whatif": "#8250df"}
#: A projected bar: the published colour at this opacity, with an outline.
PROJECTED_OPACITY = 0.4
#: A value label's font size, and the height a stacked label moves up by.
LABEL_SIZE, LABEL_STEP = 11, 12
GOAL_COLOUR = "#9a6700"
#: Average advance of a character at the chart's 11-12 px sans-serif (an estimate on the safe side).
CHAR_WIDTH = 6.8


def wrap(text: str, width: int) -> list[str]:
    """Words onto lines of at most ``width`` characters (a longer word stands alone, whole)."""
    lines: list[str] = []
    for word in (w for w in text.split(" ") if w):  # a no-break space keeps its words together
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def label_width(text: str) -> float:
    """How wide a value label may be drawn, in the chart's units: 0.62 em a character, the widest a digit of
    a sans-serif takes (on the safe side: labels that merely touch read as one number, "10,4210,42")."""
    return len(text) * LABEL_SIZE * 0.62


def bar_chart(
    categories: list[str],
    series: dict[str, list[float | None]],
    goal: float | None = None,
    goal_label: str = "",
    unit: str = "%",
    width: int = 720,
    height: int = 300,
    decimal: str = ".",
    roles: dict[str, str] | None = None,
    projected: dict[str, list[bool]] | None = None,
    projected_label: str = "",
    goal_over: list[int] | None = None,
) -> str:
    """Grouped bars, one group per category, one bar per series; an optional dashed goal line over the
    categories ``goal_over`` (all by default). ``roles`` gives each series its meaning (ROLE_COLOURS);
    ``projected`` marks the bars that are projections, drawn lighter and named so in the legend."""
    roles, projected = roles or {}, projected or {}

    def colour_of(j: int, name: str) -> str:
        return ROLE_COLOURS.get(roles.get(name, ""), PALETTE[j % len(PALETTE)])

    values = [v for vals in series.values() for v in vals if v is not None] + ([goal] if goal is not None else [])
    top = max([0.0, *values]) * 1.15 or 1.0
    bottom = min([0.0, *values]) * 1.15
    group = (width - 56) / max(len(categories), 1)
    names = [wrap(c, max(int(group * 0.95 / CHAR_WIDTH), 6)) for c in categories]
    lines = max((len(n) for n in names), default=1)
    left, right, upper, lower = 44, 12, 18, 30 + 14 * lines
    plot_h = height - upper - lower

    def y(v: float) -> float:
        return upper + (top - v) / (top - bottom) * plot_h

    def fmt(v: float) -> str:
        return f"{v:.2f}".replace(".", decimal)

    bar = group * 0.8 / max(len(series), 1)
    total_h = height + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {total_h}" width="{width}" '
        f'height="{total_h}" role="img" font-family="sans-serif" font-size="12">',
    ]
    if goal is not None:
        for i in goal_over if goal_over is not None else [None]:
            x1, x2 = (left, width - right) if i is None else (left + i * group, left + (i + 1) * group)
            parts.append(
                f'<line x1="{x1:.1f}" y1="{y(goal):.1f}" x2="{x2:.1f}" y2="{y(goal):.1f}" stroke="{GOAL_COLOUR}" '
                f'stroke-dasharray="6 4"/>'
            )
    parts.append(f'<line x1="{left}" y1="{y(0):.1f}" x2="{width - right}" y2="{y(0):.1f}" stroke="#57606a"/>')
    for i, lines_of in enumerate(names):
        x0 = left + i * group + group * 0.1
        placed: list[tuple[float, float, float]] = []  # the value labels of this group: centre, half width, y
        for j, (name, vals) in enumerate(series.items()):
            v = vals[i]
            if v is None:
                continue
            x = x0 + j * bar
            y_top, y_bottom = sorted((y(v), y(0)))
            colour = colour_of(j, name)
            ahead = projected.get(name, [False] * len(vals))[i]
            look = f'fill-opacity="{PROJECTED_OPACITY}" stroke="{colour}"' if ahead else ""
            parts.append(
                f'<rect x="{x:.1f}" y="{y_top:.1f}" width="{bar * 0.92:.1f}" height="{y_bottom - y_top:.1f}" '
                f'fill="{colour}" {look}><title>{escape(name)} · {escape(categories[i])}: {fmt(v)} {unit}'
                f"{' (' + escape(projected_label) + ')' if ahead else ''}</title></rect>"
            )
            text = fmt(v)
            centre, half = x + bar * 0.46, label_width(text) / 2
            label_y = y_top - 4 if v >= 0 else y_bottom + 13
            for c, h, ly in placed:  # a label that would touch one already placed moves clear of it
                if abs(centre - c) < half + h + 2 and abs(label_y - ly) < LABEL_STEP:
                    label_y = ly - LABEL_STEP if v >= 0 else ly + LABEL_STEP
            placed.append((centre, half, label_y))
            parts.append(
                f'<text x="{centre:.1f}" y="{label_y:.1f}" text-anchor="middle" font-size="{LABEL_SIZE}">{text}</text>'
            )
        cx = left + (i + 0.5) * group
        spans = "".join(
            f'<tspan x="{cx:.1f}" dy="{0 if k == 0 else 14}">{escape(line)}</tspan>' for k, line in enumerate(lines_of)
        )
        parts.append(f'<text x="{cx:.1f}" y="{height - lower + 18}" text-anchor="middle">{spans}</text>')
    x, legend_y = left, height - 4
    for j, name in enumerate(series):
        parts.append(
            f'<rect x="{x}" y="{legend_y - 10}" width="12" height="12" fill="{colour_of(j, name)}"/>'
            f'<text x="{x + 16}" y="{legend_y}">{escape(name)}</text>'
        )
        x += 32 + len(name) * CHAR_WIDTH
        if any(projected.get(name, [])):
            parts.append(
                f'<rect x="{x}" y="{legend_y - 10}" width="12" height="12" fill="{colour_of(j, name)}" '
                f'fill-opacity="{PROJECTED_OPACITY}" stroke="{colour_of(j, name)}"/>'
                f'<text x="{x + 16}" y="{legend_y}">{escape(projected_label)}</text>'
            )
            x += 32 + len(projected_label) * CHAR_WIDTH
    if goal is not None:
        parts.append(
            f'<line x1="{x:.0f}" y1="{legend_y - 4}" x2="{x + 24:.0f}" y2="{legend_y - 4}" stroke="{GOAL_COLOUR}" '
            f'stroke-dasharray="6 4"/><text x="{x + 28:.0f}" y="{legend_y}">{escape(goal_label)} {fmt(goal)} '
            f"{unit}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
