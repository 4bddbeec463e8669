"""The customer search (GET /customers?q=): case- and umlaut-insensitive alike on SQLite and
PostgreSQL (the suite runs on both), LIKE's wildcards as plain text, bounded offsets."""

from collections.abc import Iterator
from typing import Any

import pytest
from desktop_app.contract import PROBLEM_MEDIA_TYPE
from desktop_app.server.search_key import fold, like_pattern, party_search_key

from tests.server.databases import database_copy
from tests.server.live_server import Api, LiveServer, start_server

ADDRESS = {"street": "Hafenstraße 12", "postal_code": "20457", "city": "Hamburg"}
# company -> contact name; created as prospects of Nordlicht on a server of this module.
PARTIES = {
    "Müller Maschinenbau GmbH": "Jörg Weiß",
    "Mueller Logistik AG": "Anna Schmidt",
    "MÜLLER & SÖHNE KG": "Uwe Kraus",
    "Straßenbau Özdemir GmbH": "Ömer Özdemir",
    "Strassenbau Oezdemir Nord GmbH": "Lea Groß",
    "100% Bio Zulieferer GmbH": "Ida Korn",
    "1000 Teile Zulieferer GmbH": "Jan Teil",
    "a_b Zulieferer GmbH": "Bea Unterstrich",
    "axb Zulieferer GmbH": "Kai Ohnestrich",
    "Back\\Slash Zulieferer GmbH": "Rolf Rück",
}


@pytest.fixture(scope="module")
def server(demo_database: str, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[LiveServer]:
    with database_copy(demo_database, tmp_path_factory.mktemp("search")) as url:
        running = start_server(url)
        yield running
        running.stop()


@pytest.fixture(scope="module")
def clerk(server: LiveServer) -> Iterator[Api]:
    api = Api(server, "max.nord")
    yield api
    api.close()


@pytest.fixture(scope="module")
def created(clerk: Api) -> dict[str, str]:
    """company -> id of the prospects made for these tests."""
    ids = {}
    for company, contact in PARTIES.items():
        response = clerk.post("/customers", json={
            "company": company, "contact_name": contact,
            "email": "einkauf@zulieferer.example", "address": ADDRESS})
        assert response.status_code == 201, response.text
        ids[company] = response.json()["id"]
    return ids


def _found(clerk: Api, created: dict[str, str], q: str) -> set[str]:
    """The companies made here that a search for `q` finds (the seed has others)."""
    response = clerk.get("/customers", params={"q": q, "limit": 200})
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()
    assert len(found) < 200  # complete: nothing cut off by the limit
    ours = {party_id: company for company, party_id in created.items()}
    return {ours[party["id"]] for party in found if party["id"] in ours}


MUELLERS = {"Müller Maschinenbau GmbH", "Mueller Logistik AG", "MÜLLER & SÖHNE KG"}
STRASSENBAU = {"Straßenbau Özdemir GmbH", "Strassenbau Oezdemir Nord GmbH"}


@pytest.mark.parametrize("q", ["müller", "MÜLLER", "Mueller", "MUELLER", "muller", "Müll"])
def test_umlauts_and_case_fold_alike(clerk: Api, created: dict[str, str], q: str) -> None:
    assert _found(clerk, created, q) == MUELLERS


@pytest.mark.parametrize("q", ["straßenbau", "STRASSENBAU", "Strassenbau özdemir",
                               "strassenbau oezdemir"])
def test_sharp_s_and_o_umlaut_fold_alike(clerk: Api, created: dict[str, str], q: str) -> None:
    assert _found(clerk, created, q) == STRASSENBAU


def test_contact_names_and_customer_numbers_are_searched(clerk: Api,
                                                         created: dict[str, str]) -> None:
    assert _found(clerk, created, "JOERG WEISS") == {"Müller Maschinenbau GmbH"}
    assert _found(clerk, created, "ömer") == {"Straßenbau Özdemir GmbH"}
    number = clerk.get(f"/customers/{created['Mueller Logistik AG']}").json()["customer_number"]
    assert _found(clerk, created, number.lower()) == {"Mueller Logistik AG"}


def test_a_query_never_spans_two_fields(clerk: Api, created: dict[str, str]) -> None:
    # Company "... AG" followed by contact "Anna ...": not one text.
    assert _found(clerk, created, "AG Anna") == set()


@pytest.mark.parametrize(("q", "expected"), [
    ("100%", {"100% Bio Zulieferer GmbH"}),  # not "1000 Teile"
    ("%", {"100% Bio Zulieferer GmbH"}),
    ("0% B", {"100% Bio Zulieferer GmbH"}),
    ("a_b", {"a_b Zulieferer GmbH"}),  # not "axb"
    ("_", {"a_b Zulieferer GmbH"}),
    ("k\\s", {"Back\\Slash Zulieferer GmbH"}),
    ("\\", {"Back\\Slash Zulieferer GmbH"}),
    ("%_%", set()),
])
def test_like_wildcards_are_plain_text(clerk: Api, created: dict[str, str], q: str,
                                       expected: set[str]) -> None:
    assert _found(clerk, created, q) == expected


def test_blank_queries_find_everyone_and_control_characters_never_fail(
        clerk: Api, created: dict[str, str]) -> None:
    assert len(_found(clerk, created, "zulieferer")) == 5
    assert _found(clerk, created, "   ") == _found(clerk, created, "") == set(PARTIES)
    # PostgreSQL refuses NUL in a text: refused as bad input (or ignored), never a 500.
    for q in ("\x00", "zulieferer\x00", "\t\n", "\x1f"):
        response = clerk.get("/customers", params={"q": q})
        assert response.status_code in (200, 422), response.text
        if response.status_code == 422:
            assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)


@pytest.mark.parametrize("offset", ["9223372036854775808", "99999999999999999999999", "-1",
                                    "1e3", "x"])
def test_an_offset_out_of_bounds_is_a_422_problem(clerk: Api, offset: str) -> None:
    response = clerk.get("/customers", params={"offset": offset})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)


def test_the_largest_offset_answers_an_empty_page(clerk: Api) -> None:
    response = clerk.get("/customers", params={"offset": str(2**63 - 1), "q": "gmbh"})
    assert response.status_code == 200, response.text
    assert response.json() == []


def test_offset_and_limit_page_through_the_results(clerk: Api, created: dict[str, str]) -> None:
    pages = [clerk.get("/customers", params={"q": "zulieferer", "limit": 4, "offset": offset})
             .json() for offset in (0, 4, 8)]
    ids = [party["id"] for page in pages for party in page]
    assert len(ids) == len(set(ids)) == 5
    assert set(ids) == {created[company] for company in _found(clerk, created, "zulieferer")}


# --- the folding rule itself --------------------------------------------------------------


def test_fold_collapses_the_german_spellings() -> None:
    assert fold("Müller") == fold("Mueller") == fold("MÜLLER") == "muller"
    assert fold("Straße") == fold("STRASSE") == "strasse"
    assert fold("Öl") == fold("Oel") == "ol"


def test_like_pattern_escapes_wildcards_and_ignores_blank_queries() -> None:
    assert like_pattern("100%") == "%100\\%%"
    assert like_pattern("a_b") == "%a\\_b%"
    assert like_pattern("a\\b") == "%a\\\\b%"
    assert like_pattern("  Müller ") == "%muller%"
    assert like_pattern("") is None
    assert like_pattern(" \x00\t ") is None


def test_the_stored_key_separates_its_fields() -> None:
    key = party_search_key("Mueller AG", "KD-100001", "Anna")
    assert key.split("\x1f") == ["muller ag", "kd-100001", "anna"]
