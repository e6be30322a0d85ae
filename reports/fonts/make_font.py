#!/usr/bin/env python3
"""Writes a copy of one face of a Noto Sans CJK collection with its CFF
subroutines expanded and its family renamed, for the PDFs of doudi_reports.

cairo 1.16's CFF subsetter (Debian 12) drops local subroutines that some
glyphs call (the SC form of 如 calls subr 25789 after a hintmask, and the
subset holds an empty one there), so PDF viewers draw those glyphs blank.
A font without subroutines has nothing to drop. The family is renamed so that
fontconfig never confuses the copy with the system's font
(docs/documents.md, "The blank 如").

usage: make_font.py COLLECTION INDEX FAMILY STYLE OUTPUT
"""
import sys

from fontTools.ttLib import TTFont


def main():
    collection, index, family, style, output = sys.argv[1:6]
    font = TTFont(collection, fontNumber=int(index), lazy=False)
    font["CFF "].cff.desubroutinize()
    names = font["name"]
    names.names = [n for n in names.names if n.nameID not in (1, 2, 3, 4, 6, 16, 17)]
    postscript = family.replace(" ", "") + "-" + style
    for name_id, value in ((1, family), (2, style), (3, postscript), (4, family + " " + style),
                           (6, postscript), (16, family), (17, style)):
        names.setName(value, name_id, 3, 1, 0x409)
    cff = font["CFF "].cff
    cff.fontNames = [postscript]
    font.save(output)


if __name__ == "__main__":
    main()
