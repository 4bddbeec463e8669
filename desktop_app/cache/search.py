"""Turning what a clerk types into a safe FTS5 query (never raw FTS5 syntax)."""

import re

_WORD = re.compile(r"[^\W_]+")


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression: every whitespace-separated word must match as a prefix.

    Only letters and digits reach FTS5, always inside double quotes, so quotes, operators
    (AND, OR, NOT, NEAR), column filters, ``*``, ``^`` and parentheses typed by the clerk are
    plain text. Punctuation inside a word joins its parts into a phrase: ``AU-0001`` matches
    the tokens ``au`` followed by a token starting with ``0001``. Returns "" when nothing
    searchable is left (the caller then applies no text filter).
    """
    phrases = []
    for word in text.split():
        tokens = _WORD.findall(word)
        if tokens:
            phrases.append('"' + " ".join(tokens) + '"*')
    return " AND ".join(phrases)
