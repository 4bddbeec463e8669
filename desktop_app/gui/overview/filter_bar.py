"""The order overview's filter bar: wires the form's widgets to an `OrderFilter`.

Every change applies at once, each key press in the search field too: no debounce. The list
loader runs the query off the GUI thread and interrupts a query that a newer key press has
made stale (list_loader.py), so typing never waits for a timer or for an outdated query.
The bar's state round-trips through `FilterValues` (what QSettings stores).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.cache.queries import CLEARING, OrderFilter
from desktop_app.domain.enums import OrderStatus, ProductFamily
from desktop_app.gui.common.forms import child

__all__ = ["CHANGED", "OPEN", "FilterBar", "FilterValues"]

CHANGED = "changed"
"""The key of the changed orders' count in the counts the list loader hands over (the
"Changed only" check shows it)."""
OPEN = "open"
"""The status choice "Open": received or in processing (not yet completed)."""
_OPEN_STATUSES = frozenset({OrderStatus.RECEIVED.value, OrderStatus.IN_PROCESSING.value})
DEFAULT_SPAN_DAYS = 30  # a date field switched on starts a month back


@dataclass(frozen=True, slots=True)
class FilterValues:
    """What the clerk chose; codes are "" for "all"."""

    text: str = ""
    status: str = ""
    transaction: str = ""
    family: str = ""
    date_from: date | None = None
    date_to: date | None = None
    mine: bool = False
    changed: bool = False  # only orders changed since the clerk last opened them
    completed: bool = False  # the dates are completion days (completed orders only)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _select(combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(max(index, 0))


class FilterBar(QObject):
    """`filterChanged(OrderFilter)` whenever the effective filter changes."""

    filterChanged = Signal(object)  # noqa: N815 (Qt naming)

    def __init__(self, form: QWidget, current_user_id: str | None) -> None:
        super().__init__(form)
        self._user = current_user_id
        self.search = child(form, QLineEdit, "searchEdit")
        self.status = child(form, QComboBox, "statusCombo")
        self.transaction = child(form, QComboBox, "transactionCombo")
        self.family = child(form, QComboBox, "familyCombo")
        self.from_check = child(form, QCheckBox, "dateFromCheck")
        self.from_edit = child(form, QDateEdit, "dateFromEdit")
        self.to_check = child(form, QCheckBox, "dateToCheck")
        self.to_edit = child(form, QDateEdit, "dateToEdit")
        self.date_field = self._date_field_combo(form)
        self.mine = child(form, QCheckBox, "mineCheck")
        self.changed = child(form, QCheckBox, "changedCheck")
        self._changed_text = self.changed.text()
        self._changed_count = 0
        self.reset_button = child(form, QPushButton, "resetButton")
        self.restored_hint = self._restored_hint(form)
        self._status_labels: dict[str, str] = {}
        self._last: OrderFilter | None = None
        self._quiet = False
        self._prepare()
        self._connect()

    def _prepare(self) -> None:
        today = QDate.currentDate()
        for edit, start in ((self.from_edit, today.addDays(-DEFAULT_SPAN_DAYS)),
                            (self.to_edit, today)):  # fmt: skip
            edit.setDate(start)
            edit.setDisplayFormat(self._date_pattern(edit))
        self.family.addItem(self.tr("All product families"), "")
        for family, name in (
            (ProductFamily.INTERNET, self.tr("Internet")),
            (ProductFamily.IPFONIE, self.tr("IPfonie SIP trunks")),
            (ProductFamily.CENTRAFLEX, self.tr("Tengo Centraflex")),
        ):
            self.family.addItem(name, family.value)
        self.mine.setEnabled(self._user is not None)
        if self._user is None:
            self.mine.setToolTip(self.tr("Not available: no signed-in user is known."))
        else:
            self.mine.setToolTip(self.tr("Only orders you created"))
        self.changed.setToolTip(self.tr("Only orders that changed since you last opened them "
                                        "(marked in the list)"))
        self.reset_button.setToolTip(self.tr("Show all orders again"))
        self.set_options({}, {})

    def _restored_hint(self, form: QWidget) -> QLabel:
        """A line below the filters: says that they come from the last session (hidden until
        `announce_restored`), with a link that clears them."""
        label = QLabel(form)
        label.setObjectName("restoredFiltersHint")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                      | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        label.setText(self.tr("Filters restored from the last session.") + " <a href=\"reset\">"
                      + self.tr("Show all orders") + "</a>")
        label.setWordWrap(True)  # wraps rather than widening the window
        label.linkActivated.connect(self.reset)
        label.hide()
        root = form.findChild(QVBoxLayout, "rootLayout")
        row = form.findChild(QHBoxLayout, "filterRow2")
        if root is not None and row is not None:
            root.insertWidget(root.indexOf(row) + 1, label)
        QWidget.setTabOrder(self.reset_button, label)  # where it is shown, not last
        return label

    def _date_field_combo(self, form: QWidget) -> QComboBox:
        """Which day the date fields filter by: the order date or the completion day."""
        combo = QComboBox(form)
        combo.setObjectName("dateFieldCombo")
        combo.addItem(self.tr("Ordered"), False)
        combo.addItem(self.tr("Completed"), True)
        combo.setToolTip(self.tr("Filter by the day the order was placed or completed"))
        self.from_check.setText(self.tr("from"))
        row = form.findChild(QHBoxLayout, "filterRow2")
        if row is not None:  # close to its "from" (and the row no wider than it must be)
            pair = QHBoxLayout()
            pair.setSpacing(2)
            row.insertLayout(row.indexOf(self.from_check), pair)
            pair.addWidget(combo)
            pair.addWidget(self.from_check)
        QWidget.setTabOrder(self.family, combo)
        QWidget.setTabOrder(combo, self.from_check)
        return combo

    def announce_restored(self) -> None:
        """The filters shown were restored at start: say so until the clerk changes them."""
        self.restored_hint.setVisible(not self.is_default())

    @staticmethod
    def _date_pattern(edit: QDateEdit) -> str:
        pattern = edit.locale().dateFormat(edit.locale().FormatType.ShortFormat)
        return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")

    def _connect(self) -> None:
        self.search.textChanged.connect(self._emit)  # on the key press (see the module text)
        self.search.returnPressed.connect(self._emit)
        for combo in (self.status, self.transaction, self.family):
            combo.currentIndexChanged.connect(self._emit)
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._emit)
            edit.dateChanged.connect(self._emit)
        self.mine.toggled.connect(self._emit)
        self.changed.toggled.connect(self._emit)
        self.date_field.currentIndexChanged.connect(self._emit)
        self.reset_button.clicked.connect(self.reset)

    # --- options ---------------------------------------------------------------------------

    def set_options(self, statuses: Mapping[str, str], transactions: Mapping[str, str]) -> None:
        """The status and business-transaction choices (code -> label), keeping the choice.
        The clearing cases (orders in processing that wait for a manual correction) follow
        the statuses as a choice of their own."""
        self._quiet = True
        try:
            statuses = {OPEN: self.tr("Open"), **statuses,
                        CLEARING: self.tr("Clearing cases")}
            self._status_labels = dict(statuses)
            for combo, everything, items in (
                (self.status, self.tr("All statuses"), statuses),
                (self.transaction, self.tr("All business transactions"), transactions),
            ):
                chosen = combo.currentData() or ""
                combo.clear()
                combo.addItem(everything, "")
                for code, label in items.items():
                    combo.addItem(label, code)
                _select(combo, chosen)
            self.status.setItemData(1, self.tr("Received or in processing"),
                                    Qt.ItemDataRole.ToolTipRole)
        finally:
            self._quiet = False

    def set_status_counts(self, counts: Mapping[str, int], number: Callable[[int], str]) -> None:
        """Show how many orders each status would list ("Received (1.234)"), and how many
        changed orders "Changed only" would ("Changed only (3)")."""
        if CHANGED in counts:
            self.set_changed_count(counts[CHANGED], number)
        for index in range(1, self.status.count()):
            code = str(self.status.itemData(index))
            label = self._status_labels.get(code, code)
            if code in counts:
                label = f"{label} ({number(counts[code])})"
            self.status.setItemText(index, label)

    def set_changed_count(self, count: int, number: Callable[[int], str]) -> None:
        self.changed.setText(f"{self._changed_text} ({number(count)})" if count
                             else self._changed_text)
        self._changed_count = count

    @property
    def changed_count(self) -> int:
        """The count "Changed only" shows (0 before the first count)."""
        return self._changed_count

    # --- values ------------------------------------------------------------------------------

    def values(self) -> FilterValues:
        return FilterValues(
            text=self.search.text().strip(),
            status=str(self.status.currentData() or ""),
            transaction=str(self.transaction.currentData() or ""),
            family=str(self.family.currentData() or ""),
            date_from=_pydate(self.from_edit.date()) if self.from_check.isChecked() else None,
            date_to=_pydate(self.to_edit.date()) if self.to_check.isChecked() else None,
            mine=self.mine.isChecked() and self._user is not None,
            changed=self.changed.isChecked(),
            completed=bool(self.date_field.currentData()),
        )

    def set_values(self, values: FilterValues) -> None:
        """Show `values` and emit the resulting filter once."""
        self._quiet = True
        try:
            self.search.setText(values.text)
            _select(self.status, values.status)
            _select(self.transaction, values.transaction)
            _select(self.family, values.family)
            for check, edit, day in ((self.from_check, self.from_edit, values.date_from),
                                     (self.to_check, self.to_edit, values.date_to)):  # fmt: skip
                if day is not None:
                    edit.setDate(_qdate(day))
                check.setChecked(day is not None)
            self.mine.setChecked(values.mine and self._user is not None)
            self.changed.setChecked(values.changed)
            self.date_field.setCurrentIndex(1 if values.completed else 0)
        finally:
            self._quiet = False
        self._emit()

    def apply_now(self) -> None:
        """Apply what is typed (Enter; typing applies already, this makes sure)."""
        self._emit()

    def reset(self) -> None:
        self.set_values(FilterValues())

    def order_filter(self) -> OrderFilter:
        values = self.values()
        date_from, date_to = values.date_from, values.date_to
        if date_from is not None and date_to is not None and date_to < date_from:
            date_from, date_to = date_to, date_from  # the clerk meant the span
        completed = values.completed and (date_from is not None or date_to is not None)
        return OrderFilter(
            text=values.text,
            statuses=(_OPEN_STATUSES if values.status == OPEN
                      else frozenset({values.status} - {"", CLEARING})),
            clearing=values.status == CLEARING,
            transactions=frozenset({values.transaction} - {""}),
            families=frozenset({values.family} - {""}),
            date_from=None if completed else date_from,
            date_to=None if completed else date_to,
            completed_from=date_from if completed else None,
            completed_to=date_to if completed else None,
            created_by=self._user if values.mine else None,
            changed_only=values.changed,
        )

    def is_default(self) -> bool:
        return self.values() == FilterValues()

    def _emit(self) -> None:
        if self._quiet:
            return
        self.restored_hint.hide()  # the clerk's own choice now (or the restore itself)
        current = self.order_filter()
        if current != self._last:
            self._last = current
            self.filterChanged.emit(current)
