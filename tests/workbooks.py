"""Small XLSX files built in memory for the tests that upload or read spreadsheets."""

from __future__ import annotations

import io
import zipfile

import openpyxl


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SHEET = "xl/worksheets/sheet1.xml"
SHEET_XML = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Goal</t></is></c></row>'
             '{rows}</sheetData></worksheet>')


def with_sheet(rows_xml: str) -> bytes:
    """A workbook whose first sheet is a 'Goal' header and `rows_xml` (zip bombs, huge
    sheets: the archive stays small, the sheet does not)."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([["Goal"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for part in source.infolist():
            data = (SHEET_XML.format(rows=rows_xml).encode("utf-8") if part.filename == SHEET
                    else source.read(part))
            book.writestr(part.filename, data)
    return out.getvalue()


def huge_cell_bomb(chars: int) -> bytes:
    """One cell of `chars` letters: a few kilobytes that expand to as many bytes."""
    return with_sheet(f'<row r="2"><c r="A2" t="inlineStr"><is><t>{"a" * chars}</t></is>'
                      '</c></row>')


def blank_rows(count: int) -> bytes:
    """A header and `count` empty rows."""
    return with_sheet("".join(f'<row r="{n}"/>' for n in range(2, count + 2)))
