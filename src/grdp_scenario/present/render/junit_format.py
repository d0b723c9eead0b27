"""JUnit XML: one test case per rule × cell; errors and warnings fail, info passes with its message."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from ..document import Document


def render(document: Document, lang: str = "en") -> str:
    data = document.data
    findings = defaultdict(list)
    for f in data.get("findings", []):
        findings[(f["rule"], f["indicator"], f["period"])].append(f)
    by_rule = defaultdict(list)
    for c in data.get("checks", []):
        by_rule[c["rule"]].append(c)
    for key, _fs in findings.items():  # findings with no check of their own (a stale baseline entry)
        if not any((c["rule"], c["indicator"], c["period"]) == key for c in by_rule[key[0]]):
            by_rule[key[0]].append({"rule": key[0], "indicator": key[1], "period": key[2]})
    root = ET.Element("testsuites", name="grdp-scenario audit")
    total_fail = 0
    for rule, checks in by_rule.items():
        suite = ET.SubElement(root, "testsuite", name=rule)
        failures = 0
        seen = set()
        for c in checks:
            key = (rule, c["indicator"], c["period"])
            name = f"{c['indicator']} {c['period']}"
            if name in seen:
                continue
            seen.add(name)
            case = ET.SubElement(suite, "testcase", classname=rule, name=name, file=data.get("file", ""))
            if c.get("line"):
                case.set("line", str(c["line"]))
            for f in findings.get(key, []):
                if f.get("line"):
                    case.set("line", str(f["line"]))
                if f["severity"] in ("error", "warning"):
                    failures += 1
                    ET.SubElement(
                        case, "failure", type=f["severity"], message=f["message"]
                    ).text = f"{f['file']}:{f.get('line') or ''}: {f['message']}"
                else:
                    ET.SubElement(case, "system-out").text = f["message"]
        suite.set("tests", str(len(seen)))
        suite.set("failures", str(failures))
        total_fail += failures
    root.set("tests", str(sum(int(s.get("tests")) for s in root)))
    root.set("failures", str(total_fail))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
