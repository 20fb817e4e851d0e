"""The examples in README.md and docs/**/*.md as tests: fenced blocks found, run, and their shown output matched.

A block is one of
- ```console: `$ command` lines (a trailing backslash continues a line), each followed by the
  output it shows; the block right after it (```json, ```text, ```mermaid, … when it is not a
  command block itself) is the shown output of its last command;
- ```sh, ```bash, ```shell: commands only; each must succeed (curl gets --fail-with-body);
- ```python: a script that must run without error; the block right after it is its shown output;
- anything else (turtle, sparql, json on its own, diagrams): text, not run.
A runnable block that must not run in the tests carries `<!-- not-tested: reason -->` on the line
before its fence; tests/test_docs.py counts those, so skipping cannot grow silently.

Shown output is compared in the parts that matter. JSON: every key shown must be there with a
matching value (other keys may be added); a list without `…` must match item for item, and `…`
marks where items may be left out (`[a, b, …]`: the answer starts with a and b, in that order).
Text: lines are compared the same way, a `…` line standing for any number of lines; a line or
string ending in `…` matches any continuation.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RUNNABLE = {"console", "sh", "bash", "shell", "python"}
MORE = "\u2026"  # …
_FENCE = re.compile(r"^```([\w+-]*)\s*$")
_NOT_TESTED = re.compile(r"<!--\s*not-tested:\s*(.+?)\s*-->")
_DIRECTIVE = re.compile(r"<!--\s*(file|append):\s*(\S+)\s*-->")  # a block to write to a file (guides)


@dataclass
class Block:
    path: Path
    line: int
    lang: str
    text: str
    not_tested: str | None = None
    output: Block | None = None  # the block shown as this one's output
    directive: tuple[str, str] | None = None  # ("file" or "append", path) from the line before the fence

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


@dataclass
class Step:
    command: str
    shown: str = ""
    shown_lang: str = "text"
    extra: dict[str, Any] = field(default_factory=dict)


def documents() -> list[Path]:
    """README.md and every Markdown file under docs/."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def blocks(path: Path) -> list[Block]:
    """The fenced blocks of one document, outputs attached to the runnable block before them."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    previous_end = -10
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        start, lang = i, match.group(1).lower()
        i += 1
        body = []
        while i < len(lines) and not lines[i].startswith("```"):
            body.append(lines[i])
            i += 1
        marker = _NOT_TESTED.search(lines[start - 1]) if start else None
        block = Block(path, start + 1, lang, "\n".join(body), marker.group(1) if marker else None)
        directive = _DIRECTIVE.search(lines[start - 1]) if start else None
        if directive:
            block.directive = (directive.group(1), directive.group(2))
        gap = lines[previous_end + 1 : start]
        before = found[-1] if found else None
        if before and before.lang in RUNNABLE and lang not in RUNNABLE and not any(s.strip() for s in gap):
            before.output = block
        else:
            found.append(block)
        previous_end = i
        i += 1
    return found


def steps(block: Block) -> list[Step]:
    """The commands of a runnable block, with the output shown for each."""
    if block.lang == "python":
        return [Step(block.text, block.output.text if block.output else "", "text")]
    out: list[Step] = []
    lines = block.text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if block.lang == "console" and not line.startswith("$ "):
            if not out:
                raise ValueError(f"{block.where}: a console block starts with '$ command'")
            out[-1].shown += line + "\n"
            i += 1
            continue
        command = line[2:] if block.lang == "console" else line
        while command.endswith("\\") and i + 1 < len(lines):
            i += 1
            command = command + "\n" + lines[i]  # bash reads the backslash-newline as one line
        i += 1
        if command.strip() and not command.lstrip().startswith("#"):
            out.append(Step(command))
    if not out:
        raise ValueError(f"{block.where}: a {block.lang} block without a command")
    if block.output is not None:
        if out[-1].shown.strip():
            raise ValueError(f"{block.where}: the last command shows output twice")
        out[-1].shown, out[-1].shown_lang = block.output.text, block.output.lang or "text"
    return out


# --- matching -------------------------------------------------------------------------------


def parse_shown_json(text: str) -> Any:
    """Shown JSON where a bare … is an elision (a list item, or the rest of an object's keys)."""
    out, stack, in_string, escaped = [], [], False, False
    for ch in text:
        if in_string:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "[{":
            stack.append(ch)
        elif ch in "]}":
            stack.pop()
        if ch == MORE:
            out.append('"\u2026": true' if stack and stack[-1] == "{" else '"\u2026"')
        else:
            out.append(ch)
    return json.loads("".join(out))


def _match_segments(shown: list[Any], actual: list[Any], same: Any, where: str) -> list[str]:
    """Items of `shown` split at … must appear in `actual` in order; the ends anchor unless … is there."""
    if MORE not in shown:
        if len(shown) != len(actual):
            return [f"{where}: {len(actual)} items, the doc shows {len(shown)}"]
        return [p for s, a in zip(shown, actual) for p in same(s, a, where)]
    segments: list[list[Any]] = [[]]
    for item in shown:
        if item == MORE:
            segments.append([])
        else:
            segments[-1].append(item)
    position = 0
    for n, segment in enumerate(segments):
        if not segment:
            continue
        anchored_start = n == 0
        anchored_end = n == len(segments) - 1
        candidates = [position] if anchored_start else range(position, len(actual) - len(segment) + 1)
        if anchored_end:
            candidates = [c for c in candidates if c == len(actual) - len(segment)]
        for start in candidates:
            if start + len(segment) <= len(actual) and not any(
                same(s, actual[start + k], where) for k, s in enumerate(segment)
            ):
                position = start + len(segment)
                break
        else:
            return [f"{where}: the doc shows {segment!r:.200} here, the answer has {actual[position:]!r:.300}"]
    return []


def match_json(shown: Any, actual: Any, where: str = "$") -> list[str]:
    """Differences between shown and actual JSON, in the parts the doc shows."""
    if isinstance(shown, dict):
        if not isinstance(actual, dict):
            return [f"{where}: the doc shows an object, the answer has {actual!r:.100}"]
        problems = []
        for key, value in shown.items():
            if key == MORE:
                continue
            if key not in actual:
                problems.append(f"{where}: no {key!r} in the answer (it has {', '.join(actual)})")
            else:
                problems += match_json(value, actual[key], f"{where}.{key}")
        return problems
    if isinstance(shown, list):
        if not isinstance(actual, list):
            return [f"{where}: the doc shows a list, the answer has {actual!r:.100}"]
        return _match_segments(shown, actual, match_json, where)
    if isinstance(shown, str) and isinstance(actual, str):
        return [] if _same_text(shown, actual) else [f"{where}: the doc shows {shown!r}, the answer is {actual!r}"]
    if isinstance(shown, float) and isinstance(actual, (int, float)) and not isinstance(actual, bool):
        return []  # a shown score or timing is an example of its kind, not a promise
    return [] if shown == actual else [f"{where}: the doc shows {shown!r}, the answer is {actual!r}"]


def _same_text(shown: str, actual: str) -> bool:
    if MORE not in shown:
        return shown == actual
    parts = [re.escape(p) for p in shown.split(MORE)]
    return re.fullmatch("(?s)" + ".*".join(parts), actual) is not None


def match_text(shown: str, actual: str) -> list[str]:
    """Line by line, `…` lines eliding lines and a trailing … eliding the rest of a line."""
    lines = [line.rstrip() for line in shown.strip("\n").splitlines()]
    got = [line.rstrip() for line in actual.strip("\n").splitlines()]
    shown_items = [MORE if line.strip() == MORE else line for line in lines]

    def same(s: str, a: str, where: str) -> list[str]:
        return [] if _same_text(s, a) else [f"{where}: {s!r} != {a!r}"]

    return _match_segments(shown_items, got, same, "output")


def match(step: Step, stdout: str) -> list[str]:
    """Problems with `stdout` against what the doc shows for the step (none if it shows nothing)."""
    if not step.shown.strip():
        return []
    if step.shown_lang == "json" or (step.shown.lstrip()[:1] in "{[" and step.shown_lang in ("text", "")):
        try:
            shown = parse_shown_json(step.shown)
        except ValueError:
            return match_text(step.shown, stdout)
        try:
            actual = json.loads(stdout)
        except ValueError:
            return [f"the doc shows JSON, the answer is {stdout[:200]!r}"]
        return match_json(shown, actual)
    return match_text(step.shown, stdout)
