"""Grading past one machine: `--shard K/N` grades a deterministic 1/N of the cells, and
`judge grade merge` joins the shards' gradebooks into the one a single run would give.

A cell's shard is a hash of "member/problem", never its position: positions
shift when someone adds a file, and Python's own hash() differs per process,
while sha256 is the same on every runner. Every shard discovers the whole tree,
so each one's gradebook carries the same members, problems, files not graded
and missing cells, and a fingerprint of the tree; merge refuses shards whose
judge, settings or tree differ, and a set of shards that is not exactly 1..N.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge.errors import UsageError
from judge.grade.discovery import Discovery
from judge.grade.gradebook import SCHEMA_VERSION, Cell, Gradebook, cell_order

SAME_SETTINGS = ("sandbox", "seed", "complexity")  # what changes a verdict; jobs and the cache folder do not


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based, as written on the command line
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def holds(self, member: str, problem: str) -> bool:
        digest = hashlib.sha256(f"{member}/{problem}".encode()).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1


def parse_shard(text: str) -> Shard:
    found = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if not found or not 1 <= int(found.group(1)) <= int(found.group(2)):
        raise UsageError(f"--shard {text!r}: expected K/N with 1 <= K <= N, e.g. 2/4.")
    return Shard(int(found.group(1)), int(found.group(2)))


def tree_fingerprint(found: Discovery) -> str:
    """A sha256 of what a batch grades: every cell's member, problem, path and bytes, and
    what is not graded or missing. Equal on two runners with the same checkout."""
    digest = hashlib.sha256()
    for submission in found.submissions:
        try:
            content = hashlib.sha256(submission.path.read_bytes()).hexdigest()
        except OSError:  # its cell is a compile_error; the path still tells the trees apart
            content = "unreadable"
        digest.update(json.dumps([submission.member, submission.slug, _relative(submission.path, found.root),
                                  content]).encode())
    for item in found.not_graded:
        digest.update(json.dumps([item.member, _relative(item.path, found.root), item.reason]).encode())
    digest.update(json.dumps([found.members, found.problems, found.missing]).encode())
    return digest.hexdigest()


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def keep_shard(found: Discovery, shard: Shard) -> None:
    """Only this shard's cells stay to be graded; everything else about the tree is kept."""
    found.submissions = [s for s in found.submissions if shard.holds(s.member, s.slug)]


def merge(paths: list[Path]) -> Gradebook:
    """One gradebook from the shards' JSON gradebooks (files from `judge grade --shard K/N --json`)."""
    books = [(path, _read(path)) for path in paths]
    _check_compatible(books)
    first = books[0][1]
    members, problems = first["members"], first["problems"]
    order = cell_order(members, problems)
    cells = sorted((Cell.from_dict(c) for _p, b in books for c in b["cells"]), key=lambda c: order(c.member, c.problem))
    pending = sorted((p for _path, b in books for p in b["pending"]), key=lambda p: order(p["member"], p["problem"]))
    settings = {k: v for k, v in first["settings"].items() if k != "shard"}
    return Gradebook(
        root=Path(first["root"]), members=members, problems=problems, cells=cells,
        not_graded=first["not_graded"], missing=first["missing"], pending=pending, settings=settings,
        interrupted_by=next((b["interrupted_by"] for _p, b in books if b["interrupted_by"]), None),
        tree=first["tree"], judge_version=first["judge_version"],
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"{path}: not a gradebook that can be read ({exc}).") from exc
    if not isinstance(data, dict) or data.get("schema_version") != SCHEMA_VERSION:
        got = data.get("schema_version") if isinstance(data, dict) else type(data).__name__
        raise UsageError(f"{path}: not a gradebook of schema version {SCHEMA_VERSION} (got {got!r}).")
    if not (data.get("settings") or {}).get("shard"):
        raise UsageError(f"{path}: not a shard's gradebook (made without --shard K/N); there is nothing to merge.")
    return data


def _check_compatible(books: list[tuple[Path, dict[str, Any]]]) -> None:
    """Shards of one grading: same judge, settings and tree, and each of 1..N exactly once."""
    first_path, first = books[0]
    for path, book in books[1:]:
        _same(first_path, path, "judge_version", first["judge_version"], book["judge_version"])
        for key in SAME_SETTINGS:
            _same(first_path, path, f"settings.{key}", first["settings"].get(key), book["settings"].get(key))
        _same(first_path, path, "tree (the files graded)", first.get("tree"), book.get("tree"))
    shards = [(path, parse_shard(book["settings"]["shard"])) for path, book in books]
    counts = {shard.count for _path, shard in shards}
    if len(counts) > 1:
        raise UsageError("the gradebooks split the cells in different ways: "
                         + ", ".join(f"{path} is shard {shard}" for path, shard in shards) + ".")
    count = counts.pop()
    seen: dict[int, Path] = {}
    for path, shard in shards:
        if shard.index in seen:
            raise UsageError(f"shard {shard} twice: {seen[shard.index]} and {path}.")
        seen[shard.index] = path
    absent = [f"{k}/{count}" for k in range(1, count + 1) if k not in seen]
    if absent:
        raise UsageError(f"shards missing: {', '.join(absent)} (a merge needs every shard, or cells would vanish).")


def _same(first_path: Path, path: Path, what: str, expected: Any, got: Any) -> None:
    if expected != got:
        raise UsageError(f"{path} and {first_path} are not shards of one grading: {what} differs "
                         f"({got!r} against {expected!r}).")
