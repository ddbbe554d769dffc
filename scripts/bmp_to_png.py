#!/usr/bin/env python3
"""Convert the uncompressed BMP files LibreOffice's XBitmap.getDIB() gives into PNG.

Usage: bmp_to_png.py INPUT.bmp OUTPUT.png [MAX_WIDTH]
Python standard library only (zlib): no image package to install for README's pictures.
With MAX_WIDTH, the picture is shrunk by a whole factor (box average) to fit it.
"""
import struct
import sys
import zlib


def read_bmp(path):
    data = open(path, "rb").read()
    if data[:2] != b"BM":
        raise SystemExit(f"{path}: not a BMP file")
    offset = struct.unpack_from("<I", data, 10)[0]
    width, height, _, bits, compression = struct.unpack_from("<iiHHI", data, 18)
    if bits not in (24, 32) or compression not in (0, 3):
        raise SystemExit(f"{path}: {bits}-bit BMP, compression {compression}: not supported")
    step = bits // 8
    stride = (width * step + 3) & ~3
    rows = []
    for y in range(abs(height)):
        source = y if height < 0 else abs(height) - 1 - y  # bottom-up unless height < 0
        line = data[offset + source * stride: offset + source * stride + width * step]
        rgb = bytearray(width * 3)
        rgb[0::3] = line[2::step]
        rgb[1::3] = line[1::step]
        rgb[2::3] = line[0::step]
        rows.append(bytes(rgb))
    return width, abs(height), rows


def shrink(width, height, rows, factor):
    out_w, out_h = width // factor, height // factor
    out = []
    for y in range(out_h):
        block = rows[y * factor:(y + 1) * factor]
        line = bytearray(out_w * 3)
        for x in range(out_w):
            for c in range(3):
                total = 0
                for row in block:
                    for dx in range(factor):
                        total += row[(x * factor + dx) * 3 + c]
                line[x * 3 + c] = total // (factor * factor)
        out.append(bytes(line))
    return out_w, out_h, out


def write_png(path, width, height, rows):
    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    raw = b"".join(b"\x00" + row for row in rows)
    png = (b"\x89PNG\r\n\x1a\n" +
           chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
           chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    open(path, "wb").write(png)


def main():
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    width, height, rows = read_bmp(sys.argv[1])
    if len(sys.argv) == 4:
        factor = -(-width // int(sys.argv[3]))
        if factor > 1:
            width, height, rows = shrink(width, height, rows, factor)
    write_png(sys.argv[2], width, height, rows)


if __name__ == "__main__":
    main()
