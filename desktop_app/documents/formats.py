"""Money and dates as the document's language writes them (no gui import: QLocale directly).

German: "1.234,56 €", "26.11.2026"; English (a German firm's, en_GB): "€1,234.56",
"26/11/2026". Times are Berlin time, as on the backend's documents.
"""

from datetime import UTC, datetime, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QDate, QLocale, QTime

DocumentLanguage = Literal["de", "en"]

__all__ = ["DocumentFormats", "DocumentLanguage", "berlin"]


def berlin() -> tzinfo:
    try:
        return ZoneInfo("Europe/Berlin")
    except (ZoneInfoNotFoundError, ValueError):  # no tz database (Windows without tzdata)
        return UTC


class DocumentFormats:
    """Formatting for one document language; cheap to create, safe on any thread."""

    def __init__(self, language: DocumentLanguage) -> None:
        self.language: DocumentLanguage = language
        if language == "en":
            self._locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        else:
            self._locale = QLocale(QLocale.Language.German, QLocale.Country.Germany)
        self._zone = berlin()

    def money(self, cents: int) -> str:
        return self._locale.toCurrencyString(cents / 100, "€", 2)

    def number(self, value: int) -> str:
        return self._locale.toString(value)

    def _local(self, moment: datetime) -> datetime:
        aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
        return aware.astimezone(self._zone)

    def date(self, moment: datetime) -> str:
        local = self._local(moment)
        return self._locale.toString(QDate(local.year, local.month, local.day),
                                     "dd.MM.yyyy" if self.language == "de" else "dd/MM/yyyy")

    def date_time(self, moment: datetime) -> str:
        local = self._local(moment)
        time = self._locale.toString(QTime(local.hour, local.minute), "HH:mm")
        suffix = " Uhr" if self.language == "de" else ""
        return f"{self.date(moment)}, {time}{suffix}"
