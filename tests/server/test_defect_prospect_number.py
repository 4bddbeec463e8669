"""A new prospect's number continues the seeded customer numbering (KD-/IN-100000 + n), not a
counter of its own that starts at IN-00000001 (issue 12, item 22)."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.server.database import Database
from desktop_app.server.db import CounterRow, PartyRow
from sqlalchemy import select

from tests.server.databases import seeded_database
from tests.server.live_server import Api, LiveServer, start_server

PROSPECT = {
    "company": "Neue Nummer GmbH",
    "contact_name": "Nina Neu",
    "email": "einkauf@neue-nummer.example",
    "address": {"street": "Hafenstraße 1", "postal_code": "20457", "city": "Hamburg"},
}


def _numbers(server: LiveServer) -> list[int]:
    with server.context.database.read() as session:
        return [
            int(number.split("-")[1])
            for number in session.scalars(select(PartyRow.customer_number))
        ]


def test_a_new_prospect_continues_the_seeded_numbering(clerk: Api, live_server: LiveServer) -> None:
    highest = max(_numbers(live_server))
    first = clerk.post("/customers", json=PROSPECT)
    second = clerk.post("/customers", json=PROSPECT | {"company": "Zweite Nummer GmbH"})
    assert first.status_code == second.status_code == 201, first.text
    numbers = [first.json()["customer_number"], second.json()["customer_number"]]
    assert all(re.fullmatch(r"IN-1\d{5}", number) for number in numbers), numbers
    assert int(numbers[0][3:]) > highest  # after every seeded (and earlier) number
    assert int(numbers[1][3:]) == int(numbers[0][3:]) + 1


@pytest.fixture
def unseeded_counter_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A database seeded before the shared counter existed: the counter is missing."""
    with seeded_database(tmp_path) as url:
        database = Database(url)
        with database.write() as session:
            row = session.get(CounterRow, "number_party")
            if row is not None:
                session.delete(row)
        database.dispose()
        server = start_server(url)
        yield server
        server.stop()


def test_without_the_counter_it_starts_after_the_highest_number(
    unseeded_counter_server: LiveServer,
) -> None:
    server = unseeded_counter_server
    highest = max(_numbers(server))
    api = Api(server, "max.nord")
    response = api.post("/customers", json=PROSPECT)
    api.close()
    assert response.status_code == 201, response.text
    assert response.json()["customer_number"] == f"IN-{highest + 1}"
