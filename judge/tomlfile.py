"""Where a key of a TOML file is written: the line numbers that errors about judge-group.toml,
contest.toml and the like name (tomllib parses, but says nothing of where a value came from)."""

from __future__ import annotations

import re

_HEADER = re.compile(r"\s*\[\[?\s*([^\[\]]+?)\s*\]\]?")  # [table] and [[array of tables]]


def _assignment_of(key: str) -> re.Pattern[str]:
    return re.compile(r"""\s*(?:"{0}"|'{0}'|{0})\s*=""".format(re.escape(key)))


def line_of_array_key(text: str, array: str, index: int, key: str) -> int:
    """The 1-based line of `key` in the index-th (0-based) `[[array]]` table; else that
    table's header; else where `array` is first named; else 1."""
    seen, inside, header_line = -1, False, 0
    assignment = _assignment_of(key)
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            is_ours = line.strip().startswith("[[") and header.group(1).strip() == array
            seen += is_ours
            inside = is_ours and seen == index
            header_line = number if inside else header_line
            continue
        if inside and assignment.match(line):
            return number
    return header_line or line_of_key(text, "", array)


def line_of_key(text: str, table: str, key: str) -> int:
    """The 1-based line where `key` is set in `[table]` ("" is the top level); else the
    table's header line; else 1."""
    current, header_line = "", 0
    assignment = _assignment_of(key)
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = header.group(1).strip()
            if current == table:
                header_line = number
            if table == "" and current == key:  # a top-level key written as a table
                return number
            continue
        if current == table and assignment.match(line):
            return number
    return header_line or 1
