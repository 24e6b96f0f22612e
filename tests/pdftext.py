"""Read back the text of the PDFs Qt's writer makes (no PDF library needed): pages in
order, each page's text runs decoded through its fonts' ToUnicode maps."""
import re
import zlib

_OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def _objects(data):
    return {int(m.group(1)): m.group(2) for m in _OBJ.finditer(data)}


def _stream(body):
    raw = _STREAM.search(body).group(1)
    return zlib.decompress(raw) if b"/FlateDecode" in body else raw


def _cmap(text):
    """{glyph code: text} of a ToUnicode CMap (bfchar entries; bfrange, plain or with an array)."""
    out = {}
    hexs = lambda h: bytes.fromhex(h.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = hexs(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst, arr in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[(.*?)\])",
                                           block, re.S):
            codes = range(int(lo, 16), int(hi, 16) + 1)
            if arr:
                out.update(zip(codes, (hexs(h) for h in re.findall(rb"<([0-9A-Fa-f]+)>", arr))))
            else:
                out.update((c, chr(int(dst, 16) + k)) for k, c in enumerate(codes))
    return out


def pages(data):
    """The text of every page of the PDF ``data`` (bytes), text runs joined by spaces."""
    objs = _objects(data)
    root = next(b for b in objs.values() if re.search(rb"/Type\s*/Pages\b", b))
    kids = [int(k) for k in re.findall(rb"(\d+) 0 R", re.search(rb"/Kids\s*\[(.*?)\]", root, re.S).group(1))]
    fonts = {}                      # Qt names its fonts once for the whole document
    for body in objs.values():
        for fdict in re.findall(rb"/Font\s*<<(.*?)>>", body, re.S):
            for name, ref in re.findall(rb"/(\w+)\s+(\d+) 0 R", fdict):
                tu = re.search(rb"/ToUnicode\s+(\d+) 0 R", objs[int(ref)])
                fonts[name] = _cmap(_stream(objs[int(tu.group(1))])) if tu else {}
    out = []
    for k in kids:
        page = objs[k]
        content = b"".join(_stream(objs[int(c)]) for c in
                           re.findall(rb"(\d+) 0 R", re.search(rb"/Contents\s*(\[.*?\]|\d+ 0 R)", page).group(1)))
        runs, font = [], {}
        for bt in re.findall(rb"BT(.*?)ET", content, re.S):
            text = ""
            for tf, hexs in re.findall(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj", bt):
                if tf:
                    font = fonts.get(tf, {})
                else:
                    text += "".join(font.get(int(hexs[i:i + 4], 16), "?") for i in range(0, len(hexs), 4))
            runs.append(text)
        out.append(" ".join(runs))
    return out
