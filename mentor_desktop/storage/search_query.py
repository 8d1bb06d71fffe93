"""Full-text search over journal entries (SQLite FTS5).

`journal_search` is an external-content FTS5 table over `journal_entry` (title, body and
tag_text), made in migration 0002 and kept in step by triggers. Its tokenizer folds case and
accents (`unicode61 remove_diacritics 2`), so `cafe` finds `café`.

`build_match_query` turns anything a user types into a valid FTS5 query: every word becomes
a quoted string, so FTS5 syntax in the input can never cause an error. Supported on top:
"exact phrases", `prefix*` (two letters or more), `OR` between two terms, and `-word` /
`NOT word` to exclude.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

SEARCH_TABLE = "journal_search"
#: bm25 weights of the columns title, body, tag_text: a match in a title counts most.
BM25_WEIGHTS = (8.0, 1.0, 4.0)
MAX_TERMS = 32
#: Shortest word that `word*` expands (the index keeps prefixes of 2 and 3 characters).
MIN_PREFIX = 2


def _is_word_char(ch: str) -> bool:
    """What the unicode61 tokenizer keeps in a token: letters, numbers, marks, private use."""
    return unicodedata.category(ch)[0] in "LNM" or unicodedata.category(ch) == "Co"


def _words(text: str) -> list[str]:
    """Split like the tokenizer does, so a quoted term never holds a separator FTS5 ignores."""
    words: list[str] = []
    current: list[str] = []
    for ch in text:
        if _is_word_char(ch):
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


@dataclass(frozen=True)
class _Term:
    words: tuple[str, ...]
    prefix: bool = False
    negated: bool = False
    or_before: bool = False

    def render(self) -> str:
        phrase = '"' + " ".join(self.words) + '"'
        return phrase + "*" if self.prefix else phrase


def _scan(text: str) -> list[tuple[str, str]]:
    """Split input into ("phrase", text) and ("word", text); an open quote runs to the end."""
    pieces: list[tuple[str, str]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in '"“”„':
            end = next((j for j in range(i + 1, n) if text[j] in '"“”'), n)
            # a closing quote directly followed by * makes the phrase a prefix phrase
            star = end + 1 < n and text[end + 1] == "*"
            pieces.append(("phrase", text[i + 1 : end] + ("*" if star else "")))
            i = end + (2 if star else 1)
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] not in '"“”„':
            j += 1
        pieces.append(("word", text[i:j]))
        i = j
    return pieces


def _terms(text: str, prefix_last: bool) -> list[_Term]:
    terms: list[_Term] = []
    negate_next = False
    or_next = False
    pieces = _scan(text)
    for index, (kind, raw) in enumerate(pieces):
        is_last = index == len(pieces) - 1
        if kind == "word":
            if raw == "AND":
                continue
            if raw == "OR":
                or_next = bool(terms)
                continue
            if raw == "NOT":
                negate_next = True
                continue
        negated = negate_next
        negate_next = False
        body = raw
        if kind == "word" and body.startswith("-") and len(body) > 1:
            negated = True
            body = body.lstrip("-")
        prefix = body.endswith("*")
        words = _words(body)
        if not words:
            continue
        if kind == "word" and is_last and prefix_last and not text[-1:].isspace():
            prefix = True
        # A one-letter prefix matches nearly every entry and has no prefix index: treat it
        # as the word itself.
        prefix = prefix and len(words[-1]) >= MIN_PREFIX
        terms.append(_Term(tuple(words), prefix, negated, or_next and not negated))
        or_next = False
        if len(terms) >= MAX_TERMS:
            break
    return terms


def build_match_query(text: str, prefix_last: bool = False) -> str | None:
    """A safe FTS5 MATCH expression for what the user typed, or None when nothing is searchable.

    `prefix_last` treats the word being typed (the last one) as a prefix: search as you type.
    """
    terms = _terms(text, prefix_last)
    positive = [t for t in terms if not t.negated]
    if not positive:
        return None
    expression = positive[0].render()
    for term in positive[1:]:
        expression += (" OR " if term.or_before else " AND ") + term.render()
    negative = [t for t in terms if t.negated]
    if negative:
        expression = f"({expression})"
        for term in negative:
            expression += " NOT " + term.render()
    return expression


def bm25_expression() -> str:
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    return f"bm25({SEARCH_TABLE}, {weights})"


def snippet_expression(tokens: int = 14) -> str:
    """The best passage of any column, matches marked with \\x02 and \\x03."""
    return f"snippet({SEARCH_TABLE}, -1, char(2), char(3), '…', {tokens})"
