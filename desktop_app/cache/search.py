"""The order search's normalisation: what is indexed and what the clerk types, folded alike.

German names come in two spellings ("Dörschner" / "Doerschner", "Straße" / "Strasse"), and
clerks type either. `fold` maps both to one form: case folded (ß -> ss), umlauts to their
base letter, and the digraphs ae/oe/ue to their vowel, so "Doerschner", "Dörschner" and
"dorschner" all become "dorschner". The index holds `search_key` of each order (filled by
the search triggers through the SQL function `SEARCH_KEY_FUNCTION`, which every cache
connection registers) and `fts_query` folds the typed words the same way; FTS5's tokenizer
(`unicode61 remove_diacritics 2`) then removes the remaining accents on both sides.

Changing `fold` or `search_key` changes what the index holds: it needs a cache migration
that refills the index (as revision 0005 does), or old entries stop matching.
"""

import re

__all__ = ["CLEARING_WORDS", "SEARCH_KEY_FUNCTION", "fold", "fts_query", "search_key"]

SEARCH_KEY_FUNCTION = "orderdesk_search_key"
# Indexed for a clearing case, so that searching "Clearing" (German and English) finds it.
CLEARING_WORDS = "clearing-fall clearingfall clearing case"

_WORD = re.compile(r"[^\W_]+")
_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
_DIGRAPHS = re.compile(r"([aou])e")


def fold(text: str) -> str:
    """Case-fold `text` and collapse the German spellings ä/ae, ö/oe, ü/ue and ß/ss."""
    return _DIGRAPHS.sub(r"\1", text.casefold().translate(_UMLAUTS))


def search_key(
    order_number: str | None,
    customer_name: str | None,
    contract_number: str | None,
    product_name_de: str | None,
    product_name_en: str | None,
    product_code: str | None,
    clearing_note: str | None,
) -> str:
    """The indexed text of one order (the SQL function the search triggers call)."""
    parts = [order_number, customer_name, contract_number, product_name_de, product_name_en,
             product_code]  # fmt: skip
    if clearing_note is not None:
        parts.append(CLEARING_WORDS)
    return fold(" ".join(part for part in parts if part))


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression: every whitespace-separated word must match as a prefix.

    Only letters and digits reach FTS5, always inside double quotes, so quotes, operators
    (AND, OR, NOT, NEAR), column filters, ``*``, ``^`` and parentheses typed by the clerk are
    plain text. Punctuation inside a word joins its parts into a phrase: ``AU-0001`` matches
    the tokens ``au`` followed by a token starting with ``0001``. Words are folded as the
    index is (`fold`). Returns "" when nothing searchable is left (the caller then applies
    no text filter).
    """
    phrases = []
    for word in fold(text).split():
        tokens = _WORD.findall(word)
        if tokens:
            phrases.append('"' + " ".join(tokens) + '"*')
    return " AND ".join(phrases)
