"""The report's charts (present/svg.py) read right: value labels never collide, colours mean one role on
every chart, projections are drawn lighter, a goal line stands only over what it binds, and a short period
name stays on one line. Label boxes are measured here from the SVG text, not taken from the code."""

from __future__ import annotations

import random
import re

import pytest

from grdp_scenario.present.svg import ROLE_COLOURS, bar_chart

#: A label's width per character at 11 px, measured on the safe side for a sans-serif (0.62 em).
EM = 0.62


def labels(svg: str) -> list[tuple[float, float, str]]:
    """Every value label: x centre, baseline y, text."""
    return [
        (float(x), float(y), t)
        for x, y, t in re.findall(r'<text x="([\d.]+)" y="([\d.-]+)" text-anchor="middle" font-size="11">([^<]*)<', svg)
    ]


def overlapping(found) -> list:
    out = []
    for i, (x1, y1, t1) in enumerate(found):
        for x2, y2, t2 in found[i + 1 :]:
            w = (len(t1) + len(t2)) * 11 * EM / 2
            if abs(x1 - x2) < w and abs(y1 - y2) < 11:
                out.append((t1, t2))
    return out


@pytest.mark.parametrize("periods", [4, 5, 6, 7, 8])
@pytest.mark.parametrize("seed", range(6))
def test_value_labels_never_collide(periods, seed):
    rnd = random.Random(seed)
    plan = [round(rnd.uniform(5, 13), 2) for _ in range(periods)]
    same = rnd.random() < 0.5  # the worst case: published equal to the plan, labels side by side
    published = [p if same else round(p + rnd.uniform(-0.3, 0.3), 2) for p in plan]
    svg = bar_chart([f"Quý {k}" for k in range(periods)], {"Kế hoạch": plan, "Thực hiện": published}, goal=10)
    assert not overlapping(labels(svg))


def test_a_role_has_one_colour_on_every_chart_and_a_projection_is_lighter():
    first = bar_chart(
        ["Q1", "Q2"], {"Plan": [1, 2], "Published": [1, 2]}, roles={"Plan": "plan", "Published": "published"}
    )
    second = bar_chart(["A"], {"Published": [3]}, roles={"Published": "published"})
    assert f'fill="{ROLE_COLOURS["published"]}"' in second and f'fill="{ROLE_COLOURS["plan"]}"' not in second
    assert first.index(ROLE_COLOURS["plan"]) < first.index(ROLE_COLOURS["published"])
    ahead = bar_chart(
        ["Q3", "Q4"],
        {"Published": [6.5, 6.8]},
        roles={"Published": "published"},
        projected={"Published": [False, True]},
        projected_label="projected",
    )
    bars = re.findall(r"<rect [^>]*><title>[^<]*</title></rect>", ahead)
    assert "fill-opacity" not in bars[0] and "fill-opacity" in bars[1] and "(projected)" in bars[1]
    assert ">projected</text>" in ahead  # named in the legend


def test_a_goal_line_stands_only_over_the_period_it_binds():
    svg = bar_chart(["Q1", "Q2", "Q3", "FY"], {"Plan": [8, 9, 10, 9]}, goal=10, goal_over=[3])
    dashed = re.findall(r'<line x1="([\d.]+)" y1="[\d.]+" x2="([\d.]+)"[^>]*stroke-dasharray', svg)
    x1, x2 = map(float, dashed[0])
    assert x1 > 44 + 2 * (720 - 56) / 4  # right of the third group: over FY only


def test_a_short_period_name_stays_on_one_line():
    svg = bar_chart(["Quý\u00a0III"] * 8, {"Plan": [1.0] * 8})
    assert svg.count("Quý\u00a0III</tspan>") == 8
