"""A live quote past its validity date counts as expired; settled quotes keep their state."""

from datetime import date

import pytest
from desktop_app.domain.enums import QuoteState
from desktop_app.domain.quotes import quote_state_on

UNTIL = date(2025, 4, 10)


@pytest.mark.parametrize("state", [QuoteState.OPEN, QuoteState.SENT, QuoteState.APPROVED])
def test_live_quotes_expire_the_day_after_their_validity_date(state: QuoteState) -> None:
    assert quote_state_on(state, UNTIL, UNTIL) is state  # valid through the last day
    assert quote_state_on(state, UNTIL, date(2025, 4, 11)) is QuoteState.EXPIRED


@pytest.mark.parametrize("state", [QuoteState.REJECTED, QuoteState.WITHDRAWN,
                                   QuoteState.ORDERED, QuoteState.EXPIRED])
def test_settled_quotes_keep_their_state(state: QuoteState) -> None:
    assert quote_state_on(state, UNTIL, date(2026, 1, 1)) is state
