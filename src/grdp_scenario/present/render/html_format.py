"""HTML: a self-contained page (inline CSS, SVG and script, nothing from the network). The verdict first.

A document with a live model (views/live.py) gets the what-if section: the model as JSON and the script
(whatif.js) that recomputes it in the page. The page's Content-Security-Policy forbids every request, so
what the reader opens offline is all there is.
"""

from __future__ import annotations

import json
from functools import cache
from html import escape
from importlib import resources

from ..document import Document

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:62rem;color:#1f2328;
padding:0 1rem;line-height:1.4}
h1{font-size:1.5rem} h2{font-size:1.15rem;margin-top:2rem}
.verdict{padding:.8rem 1rem;border-radius:6px;font-weight:600;white-space:pre-line}
.ok{background:#dafbe1;border:1px solid #2da44e}.bad{background:#ffebe9;border:1px solid #cf222e}
.info{background:#ddf4ff;border:1px solid #54aeff}
table{border-collapse:collapse;margin:.5rem 0;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid #d0d7de;padding:.25rem .6rem;vertical-align:top}
th{text-align:left;background:#f6f8fa} td.num,th.num{text-align:right} td.good{color:#1a7f37} td.badv{color:#cf222e}
td.need{color:#9a6700}
figure{margin:1rem 0} figcaption{font-weight:600;margin-bottom:.3rem} figure svg{max-width:100%;height:auto}
ul.notes{color:#57606a}
#whatif{border-top:2px solid #d0d7de;margin-top:2.5rem}
#whatif .fy{font-size:1.2rem} #whatif .fy strong{font-size:1.5rem}
.whatif-verdict.met{color:#1a7f37}.whatif-verdict.missed{color:#cf222e}.whatif-verdict.within_rounding{color:#9a6700}
td.verdict-met{color:#1a7f37} td.verdict-missed{color:#cf222e} td.verdict-within_rounding{color:#9a6700}
td.changed{background:#fff8c5;font-weight:600}
.whatif-error{background:#ffebe9;border:1px solid #cf222e;padding:.5rem;border-radius:6px}
input{font:inherit;text-align:right;width:5.5em} input.set{background:#ddf4ff;border:1px solid #0969da}
th.child{padding-left:1.6rem;font-weight:normal}
@media print{
 @page{size:A4;margin:15mm}
 body{margin:0;max-width:none;font-size:10pt}
 .noprint,#whatif.empty,#whatif .whatif-inputs,#whatif button{display:none}
 table,figure{break-inside:avoid} h2{break-after:avoid}
 .verdict{border-width:2px}
}
"""

#: The page may load nothing: no network, no file besides itself.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _number(raw: object) -> bool:
    return isinstance(raw, (int, float)) and not isinstance(raw, bool)


@cache
def _script() -> str:
    return (resources.files(__package__) / "whatif.js").read_text(encoding="utf-8")


def _whatif(live: dict, headline: str) -> str:
    """The what-if section: a skeleton the script fills, with the FY figure as the tool computed it."""
    page = live["labels"]["page"]
    # Every "<" escaped: no text of the plan can close the script or open a comment inside it.
    model = json.dumps(live, ensure_ascii=False, allow_nan=False).replace("<", "\\u003c")
    return (
        f'<section id="whatif" class="empty"><h2>{escape(page["whatif_page_title"])}</h2>'
        f"<p>{escape(page['whatif_page_intro'])}</p>"
        f'<p class="fy">{escape(page["whatif_page_fy"])}: <strong id="fy-grdp">{escape(headline)}</strong> '
        f'<span class="whatif-verdict"></span></p>'
        f'<p class="whatif-error" role="alert" hidden></p>'
        f'<div class="whatif-inputs"></div><p><button type="button" class="whatif-reset">'
        f"{escape(page['whatif_page_reset'])}</button></p>"
        f'<figure><div class="whatif-chart"></div></figure>'
        f"<h3>{escape(page['growth_title'].format(base=live['base_year']))}</h3>"
        f'<div class="whatif-periods"></div>'
        f'<h3>{escape(page["goals_title"])}</h3><div class="whatif-goals"></div>'
        f'<h3>{escape(page["contrib_title"])}</h3><div class="whatif-contributions"></div>'
        f'<script type="application/json" id="grdp-model">{model}</script>'
        f"<script>{_script()}</script></section>"
    )


def render(document: Document, lang: str = "en") -> str:
    out = [
        f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(document.title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(document.title)}</h1>",
    ]
    if document.verdict:
        css = "ok" if document.ok else "bad" if document.ok is False else "info"
        out.append(f'<p class="verdict {css}">{escape(document.verdict)}</p>')
    live = document.live
    if live is not None:
        out.append(f'<p class="noprint"><a href="#whatif">{escape(live["labels"]["page"]["whatif_link"])}</a></p>')
    for title, svg in document.charts:
        out.append(f"<figure><figcaption>{escape(title)}</figcaption>{svg}</figure>")
    for table in document.tables:
        out.append(
            f"<h2>{escape(table.title)}</h2><table><thead><tr>"
            + "".join(f"<th>{escape(c)}</th>" for c in table.columns)
            + "</tr></thead><tbody>"
        )
        for row in table.rows:
            cells = []
            for i, cell in enumerate(row):
                classes = []
                if i and (_number(cell.raw) or cell.raw is None):
                    classes.append("num")
                classes += {"good": ["good"], "bad": ["badv"], "need": ["need"]}.get(cell.style or "", [])
                attr = f' class="{" ".join(classes)}"' if classes else ""
                cells.append(f"<td{attr}>{escape(cell.text)}</td>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</tbody></table>")
    if document.notes:
        out.append('<ul class="notes">' + "".join(f"<li>{escape(n)}</li>" for n in document.notes) + "</ul>")
    if live is not None:
        from ..i18n import number

        out.append(_whatif(live, number(document.data.get("periods", {}).get("FY", {}).get("grdp"), 2, lang)))
    out.append("</body></html>\n")
    return "".join(out)
