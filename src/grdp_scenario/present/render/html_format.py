"""HTML: a self-contained page (inline CSS and SVG, nothing from the network). The verdict first."""

from __future__ import annotations

from html import escape

from ..document import Document

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:60rem;color:#1f2328;
padding:0 1rem}
h1{font-size:1.5rem} h2{font-size:1.15rem;margin-top:2rem}
.verdict{padding:.8rem 1rem;border-radius:6px;font-weight:600;white-space:pre-line}
.ok{background:#dafbe1;border:1px solid #2da44e}.bad{background:#ffebe9;border:1px solid #cf222e}
.info{background:#ddf4ff;border:1px solid #54aeff}
table{border-collapse:collapse;margin:.5rem 0;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid #d0d7de;padding:.25rem .6rem}
th{text-align:left;background:#f6f8fa} td.num{text-align:right} td.good{color:#1a7f37} td.badv{color:#cf222e}
figure{margin:1rem 0} figcaption{font-weight:600;margin-bottom:.3rem} ul.notes{color:#57606a}
"""


def _number(raw: object) -> bool:
    return isinstance(raw, (int, float)) and not isinstance(raw, bool)


def render(document: Document, lang: str = "en") -> str:
    out = [
        f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8">',
        f"<title>{escape(document.title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(document.title)}</h1>",
    ]
    if document.verdict:
        css = "ok" if document.ok else "bad" if document.ok is False else "info"
        out.append(f'<p class="verdict {css}">{escape(document.verdict)}</p>')
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
                if cell.style == "good":
                    classes.append("good")
                elif cell.style == "bad":
                    classes.append("badv")
                attr = f' class="{" ".join(classes)}"' if classes else ""
                cells.append(f"<td{attr}>{escape(cell.text)}</td>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</tbody></table>")
    if document.notes:
        out.append('<ul class="notes">' + "".join(f"<li>{escape(n)}</li>" for n in document.notes) + "</ul>")
    out.append("</body></html>\n")
    return "".join(out)
