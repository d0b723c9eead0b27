"""The plain records read a plan and a horizon file as their pydantic models do: the same fields, the same
values, and nothing the models refuse (the models are the reference; the records make a valid file cheap to
read)."""

from __future__ import annotations

import copy
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grdp_scenario.inputs import horizon, horizon_schema, plan_records, plan_schema
from grdp_scenario.inputs.yamlsource import load_yaml
from test_industries import generated, plan_text

from conftest import ROOT, mini_targets

PAIRS = [
    (plan_records.TargetsFile, plan_schema.TargetsFile),
    (plan_records.Region, plan_schema.Region),
    (plan_records.Sector, plan_schema.Sector),
    (plan_records.GrowthBlock, plan_schema.GrowthBlock),
    (plan_records.Nominal, plan_schema.Nominal),
    (plan_records.PerCapita, plan_schema.PerCapita),
    (plan_records.Assumptions, plan_schema.Assumptions),
    (plan_records.Indicator, plan_schema.Indicator),
    (horizon.HorizonFile, horizon_schema.HorizonFile),
    (horizon.Base, horizon_schema.Base),
    (horizon.HorizonYear, horizon_schema.HorizonYear),
    (horizon.HorizonAssumptions, horizon_schema.HorizonAssumptions),
    (horizon.HorizonGoals, horizon_schema.HorizonGoals),
]


def corpus() -> list[dict]:
    """Plans as users write them: the shipped one, a small one, and 21-industry ones."""
    texts = [
        (ROOT / "data" / "targets_2025.yaml").read_text(encoding="utf-8"),
        mini_targets(
            "  H1: {status: actual, grdp: 5.1}\n  Q3: {status: target, a: 4, b: 6.25, b1: 7}\n  Q4: {status: target}"
        ),
    ]
    messy = texts[1].replace("name: Test", 'name: "Tỉnh   Thử\\tnghiệm "').replace("vi: B1", 'vi: "B\\x07  một"')
    texts.append(messy)  # names as pasted from a document: the models keep them on one line, spaces as one
    for seed in (1, 2):
        _, rate = generated(seed)
        texts.append(plan_text(rate, industries=True))
    return [load_yaml(t, "plan.yaml").data for t in texts]


def by_models(data: dict):
    """The records as the models validate ``data``, or None where the models refuse it."""
    try:
        dumped = plan_schema.TargetsFile.model_validate(data).model_dump()
    except plan_schema.ValidationError:
        return None
    return plan_records.plan_records(dumped)  # the models' values in their plain form are always plain


@pytest.mark.parametrize(("record", "model"), PAIRS, ids=lambda c: c.__name__)
def test_every_record_has_the_fields_of_its_model(record, model):
    assert list(record.FIELDS) == list(model.model_fields)
    assert (record.EXTRA is not None) == (model.model_config.get("extra") == "allow")


@pytest.mark.parametrize("index", range(5))
def test_a_valid_plan_reads_the_same_both_ways(index):
    data = corpus()[index]
    records = plan_records.plan_records(data)
    assert records == by_models(data)
    assert records.growth and records.sectors  # not an empty comparison
    if index == 2:
        assert (records.region.name, records.sectors[2].vi) == ("Tỉnh Thử nghiệm", "B một")


def test_a_file_in_a_looser_form_goes_to_the_models_and_comes_back_plain():
    data = corpus()[0]
    data["year"] = "2025"  # the models read a number written as text; the records leave it to them
    with pytest.raises(plan_records.NotPlain):
        plan_records.plan_records(data)
    assert by_models(data).year == 2025


def _leaves(value, path=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, (*path, i))
    yield path


def _replace(data, path, new):
    out = copy.deepcopy(data)
    if not path:
        return new
    parent = out
    for p in path[:-1]:
        parent = parent[p]
    parent[path[-1]] = new
    return out


ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["7,39", "12.5%", "", " ", "abc", "1e400", "−3", "2025", "target", "flow", "sum", "a\x00b"]),
    st.text(max_size=5),
    st.lists(st.integers(min_value=0, max_value=5), max_size=3),
    st.dictionaries(st.sampled_from(["grdp", "x", "status", "FY", "a"]), st.integers(0, 5), max_size=2),
)
SHIPPED = corpus()[0]
PATHS = list(_leaves(SHIPPED))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), ODD_VALUES)
def test_the_records_accept_nothing_the_models_refuse_and_read_it_alike(path, value):
    data = _replace(SHIPPED, path, value)
    try:
        records = plan_records.plan_records(data)
    except plan_records.NotPlain:
        return  # the models decide: the loader's other path
    expected = by_models(data)
    assert expected is not None, f"the records accepted what the models refuse at {path}: {value!r}"
    assert records == expected


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([p for p in PATHS if p and isinstance(p[-1], str)]), st.sampled_from(["extra", "rates"]))
def test_an_unknown_key_is_left_to_the_models(path, key):
    parent_path = path[:-1]
    data = copy.deepcopy(SHIPPED)
    parent = data
    for p in parent_path:
        parent = parent[p]
    parent[key] = 1
    try:
        records = plan_records.plan_records(data)
    except plan_records.NotPlain:
        return
    assert records == by_models(data)  # a block's sector rate, or a key that a mapping of items allows


def test_a_rate_out_of_bounds_is_not_plain():
    for bad in (-100, math.inf, math.nan, 1e9, True):
        with pytest.raises(plan_records.NotPlain):
            plan_records.rate(bad)
    assert plan_records.rate(-99.5) == -99.5


HORIZON = load_yaml((ROOT / "data" / "horizon_2026_2030.yaml").read_text(encoding="utf-8"), "h.yaml").data
HORIZON_PATHS = list(_leaves(HORIZON))


def horizon_by_models(data: dict):
    try:
        dumped = horizon_schema.HorizonFile.model_validate(data).model_dump()
    except horizon_schema.ValidationError:
        return None
    return horizon.HorizonFile.read(dumped)


def test_the_shipped_horizon_reads_the_same_both_ways():
    records = horizon.HorizonFile.read(HORIZON)
    assert records == horizon_by_models(HORIZON)
    assert len(records.years) == 5 and records.goals.as_dict()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(HORIZON_PATHS), ODD_VALUES)
def test_the_horizon_records_accept_nothing_the_models_refuse(path, value):
    data = _replace(HORIZON, path, value)
    try:
        records = horizon.HorizonFile.read(data)
    except plan_records.NotPlain:
        return
    expected = horizon_by_models(data)
    assert expected is not None, f"the records accepted what the models refuse at {path}: {value!r}"
    assert records == expected
