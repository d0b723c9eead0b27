"""Join the files into the core's model: the plan's growth blocks with the base year's volumes, and the
plan's nominal figures into the inputs of the nominal arithmetic. The core never sees a file."""

from __future__ import annotations

import math
from types import MappingProxyType
from typing import Mapping

from ..core import periods
from ..core.economy import PROVISIONAL, Block, Economy
from ..core.errors import Fact, InputError
from ..core.goals import LEVEL_UNITS, Goal, Growth, Level
from ..core.growth import implied_deflator, weighted_growth
from ..core.nominal import IMPLIED, STATED, NominalInputs
from ..core.rounding import half_unit
from .actuals import BaseYear


def economy_from_plan(
    plan, base: BaseYear, growth: Mapping[str, object] | None = None, provisional: bool = False
) -> Economy:
    """Join the plan's growth blocks with the base year's volumes.

    A target block without figures (as ``init`` writes it) is an error that points at ``build``; with
    ``provisional`` (what ``build`` asks for, since it replaces every target block) it takes the base year's
    growth of each sector (0 where the plan does not give it) as a starting point.

    Each growth block must be a union of volume blocks (its rate then applies to each, which changes
    nothing: splitting a block with its rate leaves every aggregate as it was). A volume block that a
    growth block would split cannot be weighted, and is an input error.
    """
    model = plan.model
    specs = dict(growth if growth is not None else model.growth)
    parents = {s.key: s.parent for s in model.sectors}
    top = tuple(plan.top_level)
    volume_blocks = base.blocks
    with_volumes = {k for k, _ in base.volume}
    shares = dict(model.assumptions.child_shares)
    for key in shares:
        if key in with_volumes:
            raise InputError(
                "child-share-and-volumes",
                file=plan.file,
                line=plan.line("assumptions", "child_shares", key),
                where=f"assumptions.child_shares.{key}",
                key=key,
                actuals=base.file,
                fix="fix-child-share-and-volumes",
            )

    def depth(key: str) -> int:
        return 0 if parents[key] is None else 1 + depth(parents[key])

    children = sorted((s for s, p in parents.items() if p is not None and s not in with_volumes), key=depth)
    proxied = frozenset(s for s in children if s not in shares)
    blocks = []
    for name in sorted(specs, key=periods.sort_key):
        spec = specs[name]
        want = periods.quarters(name)
        parts = [v for v in volume_blocks if periods.quarters(v) <= want]
        straddling = [v for v in volume_blocks if periods.quarters(v) & want and not periods.quarters(v) <= want]
        if straddling:
            raise block_error(
                plan,
                name,
                "growth-splits-volume-block",
                fix="fix-growth-splits-volume-block",
                actuals=base.file,
                straddling=tuple(straddling),
            )
        volumes: dict[str, float] = {}
        for s in parents:
            if all((s, v) in base.volume for v in parts):
                volumes[s] = sum(base.volume[(s, v)] for v in parts)
        for s in children:  # parents before their children
            if parents[s] in volumes:
                # docs/method.md §1: L[c,b] = σ_c·L[p,b]; without σ_c the parent's volumes weigh the child
                volumes[s] = volumes[parents[s]] * shares.get(s, 100.0) / 100
        rates = _with_parent_rates(dict(spec.rates), volumes, parents)
        short = [
            k for k in parents if k not in rates and any(rates.get(c) is not None for c in parents if parents[c] == k)
        ]
        if short:  # industries given without their sector, but with no volumes to weigh them by
            raise block_error(
                plan, name, "sector-from-industries", fix="fix-sector-from-industries", item=short[0], actuals=base.file
            )
        if spec.grdp is None and not rates:
            if not provisional:
                raise no_figures_error(plan, name)
            rates = {s: model.base_year_growth.get(s, 0.0) for s in top}
        source = PROVISIONAL if spec.grdp is None and not spec.rates else "plan"
        halves = {k: half_unit(plan.decimals("growth", name, k)) for k in ("grdp", *rates)}
        blocks.append(
            Block(
                name,
                spec.status,
                MappingProxyType(volumes),
                MappingProxyType(rates),
                spec.grdp,
                source,
                MappingProxyType(halves),
            )
        )
    return Economy(
        model.region.key,
        model.region.name,
        model.year,
        model.base_year,
        top,
        MappingProxyType(parents),
        tuple(blocks),
        MappingProxyType(dict(base.current)),
        proxied,
    )


def _with_parent_rates(rates: dict, volumes: Mapping[str, float], parents: Mapping[str, str | None]) -> dict:
    """A sector's rate in a block where the plan gives its industries' rates and not its own: their
    volume-weighted rate (contract §1, one level down), deepest level first. A rate the plan gives stands."""

    def depth(key: str) -> int:
        return 0 if parents[key] is None else 1 + depth(parents[key])

    for key in sorted(parents, key=depth, reverse=True):
        children = [c for c, p in parents.items() if p == key]
        if key in rates or not children:
            continue
        if all(c in rates and volumes.get(c, 0) > 0 for c in children):
            rates[key] = weighted_growth((volumes[c], rates[c]) for c in children)
    return rates


def block_error(plan, block: str, code: str, fix: str, **fields) -> InputError:
    """An error at a growth block of the targets file: its line, its key."""
    return InputError(
        code, file=plan.file, line=plan.line("growth", block), where=f"growth.{block}", block=block, fix=fix, **fields
    )


def no_figures_error(plan, block: str) -> InputError:
    """A target block without figures, as ``init`` writes it: the error that points at ``build``."""
    return block_error(plan, block, "block-no-figures", fix="fix-block-no-figures")


def goals_from_plan(plan, nominal: NominalInputs) -> tuple[Goal, ...]:
    """The plan's goals as values (core/goals.py), each with its own rounding (docs/method.md §7): a goal is
    a stated threshold and carries none ("từ 10% trở lên", a resolution's 6.5 %), unless the plan lists it
    under ``printed_goals`` as a figure it computed and printed rounded (H2 11.90): then it carries half its
    last printed place. Level goals are reckoned with the plan's nominal assumptions."""
    vnd_per_usd = plan.model.assumptions.vnd_per_usd
    printed = plan.model.printed_goals
    out = []
    for period, items in plan.model.goals.items():
        for item, minimum in items.items():
            # a stated threshold is exact; a figure the plan computed carries its printed rounding
            rounding = half_unit(plan.decimals("goals", period, item)) if item in printed.get(period, ()) else 0.0
            measure = Level(item, nominal, vnd_per_usd) if item in LEVEL_UNITS else Growth(item)
            out.append(Goal(period, item, minimum, rounding, measure))
    return tuple(out)


def nominal_inputs_from_plan(plan, current: Mapping[str, float]) -> NominalInputs:
    """Deflators and population: stated under ``assumptions``, or implied by the plan's FY figures."""
    m = plan.model
    top = plan.top_level
    cur = {s: current[s] for s in top if s in current}
    if len(cur) < len(top):
        return NominalInputs(
            {},
            None,
            "",
            None,
            "",
            missing=Fact("nominal-no-current", sectors=tuple(s for s in top if s not in current)),
        )
    if m.assumptions.deflators:
        absent = [s for s in top if s not in m.assumptions.deflators]
        if absent:
            return NominalInputs(cur, None, "", None, "", missing=Fact("nominal-deflators-lack", sectors=tuple(absent)))
        deflators, dsource = dict(m.assumptions.deflators), STATED
    else:
        fy_struct = m.structure.get("FY", {})
        fy_goals = m.goals.get("FY", {})
        if m.nominal.FY_min is None or any(s not in fy_struct or s not in fy_goals for s in top):
            return NominalInputs(cur, None, "", None, "", missing=Fact("nominal-no-deflators"))
        deflators = {
            s: implied_deflator(
                m.nominal.FY_min * fy_struct[s] / math.fsum(fy_struct[k] for k in top), cur[s], fy_goals[s]
            )
            for s in top
        }
        dsource = IMPLIED
    if m.assumptions.population is not None:
        population, psource = m.assumptions.population, STATED
    elif m.nominal.FY_min is not None and m.per_capita.FY_min:
        population, psource = m.nominal.FY_min * 1e9 / (m.per_capita.FY_min * 1e6), IMPLIED
    else:
        population, psource = None, ""
    return NominalInputs(cur, deflators, dsource, population, psource)
