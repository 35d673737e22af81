#!/usr/bin/python3
"""Converts one face of a CFF-based OpenType font (or collection) to TrueType (glyf) outlines.

libharu embeds only TrueType-outline fonts, and Debian ships Noto Sans CJK as CFF. This uses
fontTools' own pens (Cu2QuPen into TTGlyphPen), as fontTools' otf2ttf snippet does.
Usage: cff_to_ttf.py SOURCE FACE_INDEX OUTPUT
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERR = 1.0  # font units; 1/1000 em for Noto CJK's 1000-unit em
POST_FORMAT = 3.0  # no glyph names: format 2 cannot index 65,535 names
REVERSE_DIRECTION = True  # CFF contours run counter-clockwise, TrueType clockwise


def glyphs_to_quadratic(glyph_set, max_err=MAX_ERR, reverse=REVERSE_DIRECTION):
    out = {}
    for name in glyph_set.keys():
        tt_pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(tt_pen, max_err, reverse_direction=reverse))
        out[name] = tt_pen.glyph()
    return out


def convert(src, index, dst):
    font = TTFont(src, fontNumber=index)
    if "CFF " not in font:
        raise SystemExit(f"{src}#{index}: not a CFF font")
    glyph_order = font.getGlyphOrder()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs_to_quadratic(font.getGlyphSet())
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = max(
        len(g.components if hasattr(g, "components") else []) for g in glyf.glyphs.values())
    maxp.compile(font)
    post = font["post"]
    post.formatType = POST_FORMAT
    font.sfntVersion = "\000\001\000\000"
    font.save(dst)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    convert(sys.argv[1], int(sys.argv[2]), sys.argv[3])
