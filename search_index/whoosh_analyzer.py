"""The analysis chain wrapped as a Whoosh analyzer (importable, picklable, comparable, as Whoosh needs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Composable, Token

from search_index.analysis import analyse


class LanguageAnalyzer(Composable):  # type: ignore[misc]  # Whoosh ships no type hints
    """Emits the folded terms of `lang` text; `parts=True` emits only Finnish compound parts."""

    def __init__(self, lang: str, parts: bool = False) -> None:
        self.lang, self.parts = lang, parts

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LanguageAnalyzer) and (self.lang, self.parts) == (other.lang, other.parts)

    def __hash__(self) -> int:
        return hash((self.lang, self.parts))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        last_start, pos = None, start_pos - 1
        for term, start, end, is_part in analyse(value, self.lang, query=mode == "query"):
            if is_part != self.parts:
                continue
            if start != last_start:
                pos, last_start = pos + 1, start
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = pos
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token
