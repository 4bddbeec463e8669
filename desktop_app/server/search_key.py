"""The customer search's normalisation: what is stored and what the clerk types, folded alike.

One rule on SQLite and PostgreSQL, applied in Python to both sides (SQLite's lower() folds
ASCII only, PostgreSQL's depends on the collation): case folded (ß -> ss), ä/ö/ü to their base
letter and the spellings ae/oe/ue to their vowel, so "Müller", "Mueller" and "MULLER" all
match "muller". It is the rule of the desktop client's order search (cache/search.py), so a
clerk finds a customer under the same spellings in both places.

The folded query is matched as a substring with LIKE; `like_pattern` escapes LIKE's wildcards
so that "100%" or "a_b" are literal text.

Changing `fold` changes what the stored keys mean: it needs a server migration that refills
parties.search_key (as revision 0002 fills it), or old keys stop matching.
"""

import re

__all__ = ["LIKE_ESCAPE", "fold", "like_pattern", "party_search_key"]

LIKE_ESCAPE = "\\"
# Between the fields of a key: a query (control characters removed) never spans two fields.
FIELD_SEPARATOR = "\x1f"

_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
_DIGRAPHS = re.compile(r"([aou])e")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def fold(text: str) -> str:
    """Case-fold `text` and collapse the German spellings ä/ae, ö/oe, ü/ue and ß/ss."""
    return _DIGRAPHS.sub(r"\1", text.casefold().translate(_UMLAUTS))


def party_search_key(company: str, customer_number: str, contact_name: str) -> str:
    """The stored search text of a customer or prospect."""
    return FIELD_SEPARATOR.join(fold(part) for part in (company, customer_number, contact_name))


def like_pattern(query: str) -> str | None:
    """A LIKE pattern (escape character `LIKE_ESCAPE`) matching keys that contain the folded
    query; None when nothing is left to search for."""
    folded = fold(_CONTROL.sub(" ", query)).strip()
    if not folded:
        return None
    escaped = (folded.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%")
               .replace("_", LIKE_ESCAPE + "_"))
    return f"%{escaped}%"
