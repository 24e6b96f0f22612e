"""Reading files from outside: the checks every loader shares.

A file handed to nnviz may be anything: a directory, a pipe, a zip bomb, JSON that
expands a thousandfold. These helpers refuse such files with one clear
:class:`~nnviz.core.errors.InputError` (without the file's name: each loader adds it
and its own error type) *before* anything of the claimed size is allocated:

- :func:`check_regular_file`: exists, is a regular file (never opens a FIFO);
- :func:`open_zip`: at most a few entries (read from the end record before
  :mod:`zipfile` parses the directory), stored or deflated, not encrypted, no name twice;
- :func:`read_member`: a member's bytes, read in chunks up to a limit (the size in
  the zip header is not trusted);
- :func:`npy_header` and :func:`check_npy`: shape and dtype of an ``.npy`` member
  checked against a byte budget before its data are read;
- :func:`loads_json`: JSON text bounded in bytes and values, duplicate keys refused.
"""
from __future__ import annotations

import json
import math
import os
import stat
import struct
import zipfile
import zlib

import numpy as np

from .errors import InputError

__all__ = ["MAX_JSON_BYTES", "MAX_JSON_VALUES", "READ_ERRORS", "check_regular_file", "open_zip",
           "read_member", "npy_header", "check_npy", "read_npy", "loads_json"]

MAX_JSON_BYTES = 32_000_000       # JSON text (a weights .json, a session's session.json)
MAX_JSON_VALUES = 4_000_000       # commas and brackets in it: numbers, strings, lists, objects
_DIRECTORY_BYTES_PER_ENTRY = 1024  # a zip's central directory may hold this much per allowed entry
_CHUNK = 1 << 20
_METHODS = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "LZMA"}

#: What reading a broken file can raise besides our own errors (turned into one line).
READ_ERRORS = (OSError, ValueError, EOFError, KeyError, TypeError, zipfile.BadZipFile, UnicodeDecodeError,
               NotImplementedError, zlib.error, struct.error, IndexError, AttributeError, OverflowError)


def check_regular_file(path):
    """The size in bytes of ``path`` if it is a regular file (symbolic links followed);
    otherwise "no such file", "is a directory, not a file" or "is not a regular file".
    Only ``stat`` is called: a FIFO is never opened, so this never blocks."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as exc:
        raise InputError("cannot read the file ({reason})", reason=exc.strerror or exc) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError("is not a regular file (a pipe, device or socket)")
    return st.st_size


# ------------------------------------------------------------------ zip archives
_EOCD = struct.Struct("<4s4H2LH")          # end of central directory record
_LOCATOR = struct.Struct("<4sLQL")          # zip64 end of central directory locator
_EOCD64 = struct.Struct("<4sQ2H2L4Q")       # zip64 end of central directory record


def _directory(fp):
    """(entries, directory bytes) as the archive's end record states them, reading at most
    its last 64 KiB; the larger of the zip and zip64 figures, as zipfile may use either."""
    fp.seek(0, os.SEEK_END)
    size = fp.tell()
    tail_start = max(0, size - _EOCD.size - 65535)
    fp.seek(tail_start)
    tail = fp.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _EOCD.size:
        return None
    *_, entries, cd_bytes, _, _ = _EOCD.unpack_from(tail, at)
    pos = tail_start + at - _LOCATOR.size
    if pos >= _EOCD64.size:
        fp.seek(pos - _EOCD64.size)
        block = fp.read(_EOCD64.size + _LOCATOR.size)
        if block[_EOCD64.size:_EOCD64.size + 4] == b"PK\x06\x07" and block[:4] == b"PK\x06\x06":
            fields = _EOCD64.unpack_from(block)
            entries, cd_bytes = max(entries, fields[7]), max(cd_bytes, fields[8])
    return entries, cd_bytes


def open_zip(fp, max_entries):
    """A :class:`zipfile.ZipFile` on the seekable binary file ``fp``, after checking that the
    archive has at most ``max_entries`` entries (from its end record, before zipfile reads the
    directory) and that every entry is stored or deflated, unencrypted and named once."""
    found = _directory(fp)
    if found is None:
        raise InputError("not a zip archive (or a truncated one)")
    entries, cd_bytes = found
    if entries > max_entries or cd_bytes > max_entries * _DIRECTORY_BYTES_PER_ENTRY:
        raise InputError("the archive's directory lists {count:,} entries in {size:,} bytes; nnviz expects at most "
                    "{limit} entries in {limit_size:,} bytes", count=entries, size=cd_bytes, limit=max_entries,
                    limit_size=max_entries * _DIRECTORY_BYTES_PER_ENTRY)
    fp.seek(0)
    zf = zipfile.ZipFile(fp)
    try:
        infos = zf.infolist()
        if len(infos) > max_entries:
            raise InputError("the archive has {count:,} entries; nnviz expects at most {limit}", count=len(infos),
                        limit=max_entries)
        names = set()
        for info in infos:
            if info.flag_bits & 0x1:
                raise InputError("entry {name!r} is encrypted; nnviz reads only unencrypted files", name=info.filename)
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise InputError("entry {name!r} is compressed with {method}; nnviz reads only stored or deflated "
                            "entries", name=info.filename,
                            method=_METHODS.get(info.compress_type, f"method {info.compress_type}"))
            if info.filename in names:
                raise InputError("entry {name!r} appears twice", name=info.filename)
            names.add(info.filename)
    except BaseException:
        zf.close()
        raise
    return zf


def read_member(zf, name, limit):
    """The bytes of member ``name``, refused as soon as more than ``limit`` bytes come out
    (whatever the zip header claims)."""
    info = zf.getinfo(name)
    if info.file_size > limit:
        raise InputError("{name} unpacks to {size:,} bytes, more than the limit of {limit:,}", name=name,
                    size=info.file_size, limit=limit)
    chunks, total = [], 0
    with zf.open(info) as fh:
        while chunk := fh.read(min(_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise InputError("{name} unpacks to more than the limit of {limit:,} bytes", name=name, limit=limit)
    return b"".join(chunks)


# ------------------------------------------------------------------ .npy members
def npy_header(zf, name):
    """(shape, dtype) from the header of member ``name`` (an ``.npy``), reading no data."""
    with zf.open(name) as fp:
        version = np.lib.format.read_magic(fp)
        read = np.lib.format.read_array_header_1_0 if version == (1, 0) \
            else np.lib.format.read_array_header_2_0
        shape, _, dtype = read(fp)
    return shape, dtype


def check_npy(key, shape, dtype, budget):
    """The byte size of a plain numeric array (float, int) of ``shape`` and ``dtype``; refuses
    any other dtype (objects would need unpickling) or more than ``budget`` bytes."""
    if dtype.kind not in "fiu" or dtype.fields is not None or dtype.subdtype is not None:
        raise InputError("{key} has dtype {dtype}, expected real numbers", key=key, dtype=dtype)
    size = math.prod(shape) * dtype.itemsize
    if size > budget:
        raise InputError("{key} has shape {shape} ({size:,} bytes), more than the remaining limit of {limit:,} bytes",
                    key=key, shape=shape, size=size, limit=budget)
    return size


def read_npy(zf, name):
    """The array in member ``name`` (its header already checked); never unpickles."""
    with zf.open(name) as fp:
        return np.lib.format.read_array(fp, allow_pickle=False)


# ------------------------------------------------------------------ JSON
def loads_json(text):
    """Parse JSON text (str). Refuses (InputError) more than :data:`MAX_JSON_BYTES` characters
    or :data:`MAX_JSON_VALUES` values, nesting deeper than Python's recursion limit, or a key
    twice in one object; :class:`json.JSONDecodeError` for a syntax error."""
    if len(text) > MAX_JSON_BYTES:
        raise InputError("the JSON text has {size:,} characters, more than the limit of {limit:,}", size=len(text),
                    limit=MAX_JSON_BYTES)
    values = text.count(",") + text.count("[") + text.count("{")
    if values > MAX_JSON_VALUES:
        raise InputError("the JSON text holds about {count:,} values, more than the limit of {limit:,}", count=values,
                    limit=MAX_JSON_VALUES)

    def unique(pairs):
        obj = dict(pairs)
        if len(obj) != len(pairs):
            seen = set()
            key = next(k for k, _ in pairs if k in seen or seen.add(k))
            raise InputError("the key {key!r} appears twice in one object", key=key)
        return obj
    try:
        return json.loads(text, object_pairs_hook=unique)
    except RecursionError:
        raise InputError("the JSON text is nested too deeply") from None
