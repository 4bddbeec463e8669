"""The carts-and-quotes table: every line in memory, sorted and filtered in Python.

In-memory on purpose: a clerk's tenant has a few hundred, at most a few thousand open carts
and quotes (the cache query reads them all in a few ms), and two of the columns are not
stored values: the state "expired" depends on today's date, and the business transaction
sorts by its label in the UI language. All lines are kept in sort order, so a filter is one
pass over precomputed, case-folded haystacks: for 5,000 lines (bench/carts_quotes_bench.py)
installing takes ~20 ms, a sort ~7 ms and a filter keystroke well under 1 ms, so the filter
follows each keystroke without a worker round trip.

Sorting keeps the selection (a layout change with persistent indexes remapped by cart id);
new rows or a new filter reset the model and the view reselects by cart id.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QBrush, QGuiApplication, QPalette

from desktop_app.cache.cart_focus import CartFocus, matches
from desktop_app.cache.cart_list import CartQuoteListRow
from desktop_app.domain.enums import QuoteState
from desktop_app.gui.common.formatting import day, format_cents, format_datetime
from desktop_app.gui.common.sorted_rows import RIGHT_ALIGNED, Index, SortedLinesModel
from desktop_app.gui.ordering.carts.columns import (
    CartColumn,
    SortValue,
    header_text,
    kind_text,
    products,
    shown_state,
    sort_value,
    state_explanation,
    state_text,
)

__all__ = ["CART_ID_ROLE", "STATE_ROLE", "CartQuoteTableModel"]

CART_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # str
STATE_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # QuoteState as shown (expired computed)

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_COLUMNS = tuple(CartColumn)
_MONEY = (CartColumn.MONTHLY, CartColumn.ONE_TIME)
_DONE_STATES = (QuoteState.REJECTED, QuoteState.WITHDRAWN, QuoteState.EXPIRED)


@dataclass(slots=True)
class _Line:
    row: CartQuoteListRow
    state: QuoteState
    haystack: str  # what the text filter searches, case-folded
    texts: tuple[str, ...] | None = None  # formatted on first display


def short_tenant(name: str, own_name: str | None) -> str:
    """A sub-tenant's name without the words it shares with the own tenant's name, so that
    the narrow customer cell shows what differs: "Nordlicht Kommunikation – Büro Hamburg"
    under "Nordlicht Kommunikation GmbH" is "Büro Hamburg" (the tooltip has the full name)."""
    words, own = name.split(), (own_name or "").split()
    shared = 0
    while shared < min(len(words), len(own)) and words[shared] == own[shared]:
        shared += 1
    rest = " ".join(words[shared:]).lstrip("–-·,: ")
    return rest if shared and rest else name


def _sort_key(value: SortValue) -> tuple[bool, Any]:
    """None sorts last in ascending order (a cart has no quote number or validity date)."""
    return (value is None, value if value is not None else 0)


class CartQuoteTableModel(SortedLinesModel[_Line, CartColumn]):
    """Open carts and quotes; `set_rows` installs a fresh read of the cache."""

    def __init__(self, transactions: Mapping[str, str] | None = None, *,
                 locale: QLocale | None = None, english: bool = False,
                 own_tenant: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(_COLUMNS, CartColumn.CREATED, Qt.SortOrder.DescendingOrder, parent)
        self._own_tenant = own_tenant  # lines of other tenants (sub-tenants) name theirs
        self._own_tenant_name: str | None = None
        self._transactions: Mapping[str, str] = transactions or {}
        self._locale = locale or QLocale()
        self._english = english
        self._today = date.today()
        self._state_filter: QuoteState | None = None
        self._text_filter = ""
        self._focus: CartFocus | None = None  # a dashboard tile's lines only
        # Lines that need no more work (rejected, withdrawn, expired) are shown dimmed.
        self._dimmed = QBrush(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))

    # --- content --------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[CartQuoteListRow], today: date) -> None:
        self.beginResetModel()
        self._today = today
        self._own_tenant_name = next((row.tenant_name for row in rows if row.tenant_name
                                      and row.tenant_id == self._own_tenant), None)
        self._all = [self._line(row) for row in rows]
        self._sort_all()
        self._shown = self._matching()
        self.endResetModel()

    def set_transactions(self, transactions: Mapping[str, str]) -> None:
        """New catalog labels (the first sync brought them): haystacks and texts change."""
        self.beginResetModel()
        self._transactions = transactions
        self._all = [self._line(line.row) for line in self._all]
        self._sort_all()
        self._shown = self._matching()
        self.endResetModel()

    def _line(self, row: CartQuoteListRow) -> _Line:
        state = shown_state(row, self._today)
        code = row.business_transaction.value
        parts = (row.quote_number or "", row.customer_name or "", row.contract_number or "",
                 self._transactions.get(code, code), self._foreign_tenant(row) or "",
                 *products(row, self._english))
        return _Line(row, state, "\n".join(parts).casefold())

    def set_filter(self, state: QuoteState | None, text: str) -> None:
        """Only lines in `state` (None: any) whose number, customer, contract, business
        transaction or products contain `text` (case-insensitive)."""
        needle = text.strip().casefold()
        if state == self._state_filter and needle == self._text_filter:
            return
        self.beginResetModel()
        self._state_filter, self._text_filter = state, needle
        self._shown = self._matching()  # `_all` is kept sorted: filtering keeps the order
        self.endResetModel()

    def set_focus(self, focus: CartFocus | None) -> None:
        """Only the lines a dashboard tile counted (`cart_focus.matches`), with the state
        and text filters on top; None: every line again."""
        if focus == self._focus:
            return
        self.beginResetModel()
        self._focus = focus
        self._shown = self._matching()
        self.endResetModel()

    @property
    def focus(self) -> CartFocus | None:
        return self._focus

    def _matching(self) -> list[_Line]:
        state, needle, focus = self._state_filter, self._text_filter, self._focus
        return [line for line in self._all
                if (state is None or line.state is state) and needle in line.haystack
                and (focus is None or matches(focus, line.row))]

    def cart_row(self, row: int) -> CartQuoteListRow | None:
        return self._shown[row].row if 0 <= row < len(self._shown) else None

    def state(self, row: int) -> QuoteState | None:
        return self._shown[row].state if 0 <= row < len(self._shown) else None

    # --- sorting ----------------------------------------------------------------------------

    def _key(self, line: _Line) -> tuple[tuple[bool, Any], str]:
        value = sort_value(line.row, self._sort_column, line.state, self._transactions,
                           self._english)
        return _sort_key(value), line.row.cart_id  # the cart id breaks ties

    def _line_id(self, line: _Line) -> str:
        return line.row.cart_id

    # --- Qt model interface -----------------------------------------------------------------

    def _header(self, section: int) -> str:
        return header_text(_COLUMNS[section])

    def _right_aligned(self, column: int) -> bool:
        return _COLUMNS[column] in _MONEY

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        line, column = self._shown[index.row()], _COLUMNS[index.column()]
        if role == _DISPLAY:
            if line.texts is None:
                line.texts = self._texts(line)
            return line.texts[column]
        if role == _EDIT:
            return sort_value(line.row, column, line.state, self._transactions, self._english)
        if role == _TOOLTIP:
            return self._tooltip(line, column)
        if role == _ALIGN and column in _MONEY:
            return RIGHT_ALIGNED
        if role == _FOREGROUND and line.state in _DONE_STATES:
            return self._dimmed
        if role == CART_ID_ROLE:
            return line.row.cart_id
        if role == STATE_ROLE:
            return line.state
        return None

    def _foreign_tenant(self, row: CartQuoteListRow) -> str | None:
        """The tenant's name on a line that is not the user's own tenant's (else None)."""
        if self._own_tenant is None or row.tenant_id == self._own_tenant:
            return None
        return row.tenant_name or row.tenant_id

    def _customer_text(self, row: CartQuoteListRow) -> str:
        customer = row.customer_name or row.customer_id
        tenant = self._foreign_tenant(row)
        if tenant is None:
            return customer
        return f"{customer} ({short_tenant(tenant, self._own_tenant_name)})"

    def _texts(self, line: _Line) -> tuple[str, ...]:
        row, locale = line.row, self._locale
        code = row.business_transaction.value
        names = products(row, self._english)
        shown_products = names[0] if len(names) == 1 else (
            f"{names[0]} +{len(names) - 1}" if names else "")
        return (
            kind_text(row), row.quote_number or "", state_text(line.state),
            self._customer_text(row), self._transactions.get(code, code),
            row.contract_number or "", shown_products, format_datetime(locale, row.created_at),
            day(row.valid_until, locale) if row.valid_until else "",
            format_cents(locale, row.monthly_net_cents),
            format_cents(locale, row.one_time_net_cents),
        )  # fmt: skip

    def _tooltip(self, line: _Line, column: CartColumn) -> str | None:
        row, locale = line.row, self._locale
        if column is CartColumn.STATE:
            return state_explanation(row, line.state)
        if column is CartColumn.PRODUCTS:
            return "\n".join(products(row, self._english)) or None
        if column is CartColumn.CUSTOMER and (tenant := self._foreign_tenant(row)) is not None:
            return self.tr("Tenant: %1").replace("%1", tenant)
        if column is CartColumn.MONTHLY:
            return self.tr("Gross: %1").replace(
                "%1", format_cents(locale, row.monthly_gross_cents))
        if column is CartColumn.ONE_TIME:
            return self.tr("Gross: %1").replace(
                "%1", format_cents(locale, row.one_time_gross_cents))
        return None
