"""Word: the document as an appendix ("phụ lục") of an official text, presented as Decree 30/2020/NĐ-CP sets
out for administrative documents: Times New Roman throughout; A4 with margins of 20 mm top and bottom, 30 mm
left and 15 mm right; "Phụ lục" with its Roman number in bold 14 pt, centred; the title in capitals, bold
14 pt; an italic "(Kèm theo …)" line naming the document it is attached to; tables in 12 pt. A table wider
than a portrait page turns the page to landscape, as appendices of plans do. Made with python-docx.
"""

from __future__ import annotations

import io

from ...core.text import printable
from ..document import Document
from ..wording import Wording

FONT = "Times New Roman"
#: Decree 30/2020/NĐ-CP, Appendix I: margins in millimetres, sizes in points.
TOP, BOTTOM, LEFT, RIGHT = 20, 20, 30, 15
BODY, HEADING, TABLE = 13, 14, 12
#: Columns beyond which a table is laid out on a landscape page.
PORTRAIT_COLUMNS = 6


def _font(run, size: float, bold: bool = False, italic: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):  # Vietnamese text uses every slot
        fonts.set(qn(attribute), FONT)


def _paragraph(doc, text: str, size: float = BODY, bold=False, italic=False, centre=False, upper=False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = doc.add_paragraph()
    if centre:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(p.add_run(printable(text).upper() if upper else printable(text)), size, bold, italic)
    return p


def _page(section, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.top_margin, section.bottom_margin = Mm(TOP), Mm(BOTTOM)
    section.left_margin, section.right_margin = Mm(LEFT), Mm(RIGHT)


def _widths(columns: int, landscape: bool):
    """The first column (names) a third of the text width, the figures sharing the rest alike."""
    from docx.shared import Mm

    text = (297 if landscape else 210) - LEFT - RIGHT
    if columns == 1:
        return [Mm(text)]
    first = text / 3 if columns > 2 else text / 2
    return [Mm(first)] + [Mm((text - first) / (columns - 1))] * (columns - 1)


def render(document: Document, lang: str = "en") -> bytes:
    from docx import Document as Word
    from docx.enum.section import WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    w = Wording(lang)
    doc = Word()
    for name in ("Normal", "Table Grid"):
        style = doc.styles[name]
        style.font.name, style.font.size = FONT, Pt(BODY if name == "Normal" else TABLE)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
    wide = any(len(t.columns) > PORTRAIT_COLUMNS for t in document.tables)
    _page(doc.sections[0], wide)
    _paragraph(doc, w.label("docx_appendix", number="I"), HEADING, bold=True, centre=True)
    _paragraph(doc, document.title, HEADING, bold=True, centre=True, upper=True)
    source = (document.data.get("provenance") or {}).get("document")
    if source:
        _paragraph(doc, w.label("docx_attached", document=source), BODY, italic=True, centre=True)
    if document.verdict:
        _paragraph(doc, document.verdict, BODY, bold=True)
    for n, table in enumerate(document.tables):
        landscape = len(table.columns) > PORTRAIT_COLUMNS
        if n and landscape != wide:  # a table that needs the other orientation gets a section of its own
            wide = landscape
            _page(doc.add_section(WD_SECTION.NEW_PAGE), wide)
        _paragraph(doc, table.title, BODY, bold=True)
        grid = doc.add_table(rows=1 + len(table.rows), cols=len(table.columns))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False
        for j, width in enumerate(_widths(len(table.columns), wide)):
            grid.columns[j].width = width  # the grid (what LibreOffice reads) and each cell (what Word reads)
            for cell in grid.columns[j].cells:
                cell.width = width
        for j, name in enumerate(table.columns):
            cell = grid.cell(0, j)
            _font(cell.paragraphs[0].add_run(printable(name)), TABLE, bold=True)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for i, row in enumerate(table.rows, start=1):
            for j, value in enumerate(row):
                cell = grid.cell(i, j)
                text = printable(value.text)
                indented = text.startswith("  ")  # a child sector, as the plan prints it
                run = cell.paragraphs[0].add_run(("    " if indented else "") + text.strip())
                _font(run, TABLE, italic=indented)
                number = isinstance(value.raw, (int, float)) and not isinstance(value.raw, bool)
                numeric = j > 0 and (number or text == "–")
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT if numeric else WD_ALIGN_PARAGRAPH.LEFT
        doc.add_paragraph()
    if document.notes:
        _paragraph(doc, w.label("docx_notes"), BODY, bold=True)
        for note in document.notes:
            _paragraph(doc, f"- {note}", BODY)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
