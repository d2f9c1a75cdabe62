"""Rebuild seven held-out corpus documents (d180 d181 d183 d186 d191 d193 d198) as xlsx and docx.

The cell texts below are typed from each document's source.txt (not derived from labels.yaml),
laid out as the office table the text was pasted from: a title row, one or two header rows,
merged cells for the hierarchy (a section's name merged down over its rows), points in their own
column in some sheets and written inside the names (「(20分)」) in others, and, where a cell holds
several scoring sentences, one sentence to a line of the cell. Each labelled sentence stays
verbatim inside one cell, so labels.yaml serves the text, the xlsx and the docx alike. Wraps the
page's copy shows inside a name (「优化城镇\\n交通组织」, 「组织\\n建设」) are one line in the cell.
The layout code is build_corpus2.py's. Run from the worktree:

    .venv/bin/python tests/data/documents/build_corpus4.py
"""

from __future__ import annotations

from build_corpus2 import build_docx, build_xlsx
from corpus4_party import D180, D181, D183, D186
from corpus4_towns import D191, D193, D198

SHEETS = [D180, D181, D183, D186, D191, D193, D198]


def main() -> None:
    for sheet in SHEETS:
        build_xlsx(sheet)
        build_docx(sheet)
        print(sheet.folder, "source.xlsx source.docx")


if __name__ == "__main__":
    main()
