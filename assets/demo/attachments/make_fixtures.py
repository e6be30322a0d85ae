#!/usr/bin/env python3
"""Writes the demo's attachments (docs/attachments.md): small valid one-page
PDFs standing in for the family's signed authorization (核对授权书) and a
scanned verification report, and a small PNG standing in for a home-visit
photo. Run from this folder; the files are committed beside this script.
The PDFs use the standard Helvetica font (ASCII only, nothing embedded)."""
import struct
import zlib


def pdf(lines):
    text = "BT /F1 14 Tf 72 770 Td 18 TL " + " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '" for line in lines
    ) + " ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text.encode("ascii") + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def png(width, height, colour):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(colour) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


with open("authorization.pdf", "wb") as f:
    f.write(pdf(["Authorization for the verification of the household's economic status",
                 "(demo stand-in for the signed form)", "", "Signed by every adult member of the household."]))
with open("verification_report.pdf", "wb") as f:
    f.write(pdf(["Household economic status verification report", "(demo stand-in for the scanned report)"]))
with open("photo.png", "wb") as f:
    f.write(png(16, 12, (0x4a, 0x7a, 0x4a)))
