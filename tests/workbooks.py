"""Small XLSX files built in memory for the tests that upload or read spreadsheets."""

from __future__ import annotations

import io

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
