"""Who receives the order-receipt confirmation: five sources, merged, nothing dropped silently."""

from collections import Counter

import pytest
from desktop_app.domain.enums import RecipientSource
from desktop_app.domain.recipients import (
    SOURCE_LABELS,
    SOURCE_ORDER,
    Recipient,
    confirmation_recipients,
)
from desktop_app.domain.validation import is_valid_email
from hypothesis import given
from hypothesis import strategies as st

from tests.domain.factories import assert_violation, codes

CUSTOMER = RecipientSource.CUSTOMER_MASTER_DATA
CONFIRMER = RecipientSource.CONFIRMING_USER
APPROVER = RecipientSource.APPROVER
CREATOR = RecipientSource.QUOTE_CREATOR
TENANT = RecipientSource.TENANT_MASTER_DATA


def test_source_order_is_the_documented_one() -> None:
    assert SOURCE_ORDER == (CUSTOMER, CONFIRMER, APPROVER, CREATOR, TENANT)
    assert set(SOURCE_ORDER) == set(RecipientSource)
    assert set(SOURCE_LABELS) == set(RecipientSource)
    for german, english in SOURCE_LABELS.values():
        assert german
        assert english
        assert german != english


def test_five_distinct_addresses_in_source_order() -> None:
    result = confirmation_recipients([
        (TENANT, "auftrag@partner.example"),
        (CREATOR, "ersteller@partner.example"),
        (CUSTOMER, "einkauf@kunde.example"),
        (APPROVER, "chef@kunde.example"),
        (CONFIRMER, "clerk@partner.example"),
    ])
    assert result.problems == ()
    assert result.recipients == (
        Recipient("einkauf@kunde.example", (CUSTOMER,)),
        Recipient("clerk@partner.example", (CONFIRMER,)),
        Recipient("chef@kunde.example", (APPROVER,)),
        Recipient("ersteller@partner.example", (CREATOR,)),
        Recipient("auftrag@partner.example", (TENANT,)),
    )


def test_duplicates_are_sent_once_keeping_every_source_and_the_first_spelling() -> None:
    result = confirmation_recipients([
        (TENANT, "info@kunde.example"),
        (CREATOR, "clerk@partner.example"),
        (CONFIRMER, "Clerk@Partner.Example"),
        (CUSTOMER, "Info@Kunde.Example"),
        (APPROVER, "INFO@KUNDE.EXAMPLE"),
    ])
    assert result.problems == ()
    assert result.recipients == (
        # The customer comes first in source order, so its spelling wins.
        Recipient("Info@Kunde.Example", (CUSTOMER, APPROVER, TENANT)),
        Recipient("Clerk@Partner.Example", (CONFIRMER, CREATOR)),
    )


def test_all_five_sources_sharing_one_address() -> None:
    result = confirmation_recipients([(source, "a@b.de") for source in reversed(SOURCE_ORDER)])
    assert result.recipients == (Recipient("a@b.de", SOURCE_ORDER),)
    assert result.problems == ()


def test_surrounding_whitespace_is_stripped_before_merging() -> None:
    result = confirmation_recipients([(CUSTOMER, "  a@b.de "), (TENANT, "A@B.DE\t")])
    assert result.recipients == (Recipient("a@b.de", (CUSTOMER, TENANT)),)


def test_same_source_passed_twice_is_listed_once() -> None:
    result = confirmation_recipients([(CUSTOMER, "a@b.de"), (CUSTOMER, "A@b.de")])
    assert result.recipients == (Recipient("a@b.de", (CUSTOMER,)),)


# --- RECIPIENT_MISSING ------------------------------------------------------------------------


@pytest.mark.parametrize("source", list(RecipientSource))
@pytest.mark.parametrize("raw", [None, "", "   "])
def test_missing_address_is_reported(source: RecipientSource, raw: str | None) -> None:
    result = confirmation_recipients([(source, raw), (TENANT if source is not TENANT
                                                      else CUSTOMER, "a@b.de")])
    violation = assert_violation(result.problems, "RECIPIENT_MISSING",
                                 f"recipients.{source.value}")
    assert violation.params == {"source": SOURCE_LABELS[source][0]}
    assert len(result.recipients) == 1


def test_present_address_is_not_missing() -> None:
    result = confirmation_recipients([(source, "a@b.de") for source in SOURCE_ORDER])
    assert "RECIPIENT_MISSING" not in codes(result.problems)


def test_sources_not_passed_are_not_reported() -> None:
    """An order without a quote has no approver and no quote creator: nothing to report."""
    result = confirmation_recipients([(CUSTOMER, "a@b.de"), (CONFIRMER, "c@d.de"),
                                      (TENANT, "e@f.de")])
    assert result.problems == ()
    assert [r.sources for r in result.recipients] == [(CUSTOMER,), (CONFIRMER,), (TENANT,)]


def test_no_candidates_at_all() -> None:
    result = confirmation_recipients([])
    assert result.recipients == ()
    assert result.problems == ()


# --- EMAIL_INVALID ----------------------------------------------------------------------------


@pytest.mark.parametrize("source", list(RecipientSource))
def test_invalid_address_is_reported(source: RecipientSource) -> None:
    result = confirmation_recipients([(source, " kein-at-zeichen.de ")])
    violation = assert_violation(result.problems, "EMAIL_INVALID", f"recipients.{source.value}")
    assert violation.params == {"value": "kein-at-zeichen.de"}
    assert result.recipients == ()


def test_problems_follow_source_order_and_valid_ones_still_go_out() -> None:
    result = confirmation_recipients([
        (TENANT, None),
        (CREATOR, "creator@partner"),
        (APPROVER, "ok@kunde.example"),
        (CONFIRMER, ""),
        (CUSTOMER, "kunde(at)example.de"),
    ])
    assert [(v.code, v.field) for v in result.problems] == [
        ("EMAIL_INVALID", "recipients.customer_master_data"),
        ("RECIPIENT_MISSING", "recipients.confirming_user"),
        ("EMAIL_INVALID", "recipients.quote_creator"),
        ("RECIPIENT_MISSING", "recipients.tenant_master_data"),
    ]
    assert result.recipients == (Recipient("ok@kunde.example", (APPROVER,)),)


# --- properties -------------------------------------------------------------------------------

_local = st.text(alphabet="abcXYZ019._-+", min_size=1, max_size=8)
_domain = st.sampled_from(["kunde.example", "Partner.DE", "b.de", "MAIL.example.com"])
_valid = st.builds(lambda local, domain: f"{local}@{domain}", _local, _domain).filter(
    is_valid_email)
_raw = st.one_of(
    st.none(),
    st.sampled_from(["", "  ", "not-an-email", "a@b", "x@@y.de"]),
    _valid,
    # Case and whitespace variants of a small pool make duplicates likely.
    st.sampled_from(["shared@kunde.example", "SHARED@Kunde.Example", " shared@kunde.example "]),
    st.text(alphabet="ab@.-_ \t\nÄß", max_size=12),
)
_candidates = st.lists(st.sampled_from(list(RecipientSource)), unique=True).flatmap(
    lambda sources: st.tuples(*[st.tuples(st.just(s), _raw) for s in sources]))


@given(_candidates)
def test_every_input_is_accounted_for(
        candidates: tuple[tuple[RecipientSource, str | None], ...]) -> None:
    result = confirmation_recipients(candidates)
    valid = [(s, raw.strip()) for s, raw in candidates
             if raw is not None and is_valid_email(raw.strip())]
    # Each valid address appears exactly once, case-insensitively, among the recipients.
    emitted = Counter(r.email.casefold() for r in result.recipients)
    assert all(count == 1 for count in emitted.values())
    assert set(emitted) == {address.casefold() for _, address in valid}
    # Every input is either a source of exactly one recipient or exactly one problem.
    sources = [s for r in result.recipients for s in r.sources]
    assert len(sources) == len(set(sources))
    assert len(sources) + len(result.problems) == len(candidates)
    assert len(result.recipients) + len(result.problems) <= len(candidates)
    assert {s for s, _ in valid} == set(sources)
    # Problems name the source fields; they are the missing or invalid inputs.
    problem_fields = {v.field for v in result.problems}
    assert problem_fields == {f"recipients.{s.value}" for s, raw in candidates
                              if (s, (raw or "").strip()) not in valid}
    assert set(codes(result.problems)) <= {"RECIPIENT_MISSING", "EMAIL_INVALID"}
    for recipient in result.recipients:
        # Sources of one recipient keep source order; the first one's spelling is used.
        assert list(recipient.sources) == sorted(recipient.sources, key=SOURCE_ORDER.index)
        first = dict(valid)[recipient.sources[0]]
        assert recipient.email == first


@given(_candidates)
def test_order_of_the_candidates_does_not_matter(
        candidates: tuple[tuple[RecipientSource, str | None], ...]) -> None:
    assert confirmation_recipients(candidates) == confirmation_recipients(
        tuple(reversed(candidates)))
