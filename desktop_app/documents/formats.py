"""Money and dates as the document's language writes them (no gui import: QLocale directly).

German: "1.234,56 €", "26.11.2026"; English (a German firm's, en_GB): "€1,234.56",
"26/11/2026". Times are Berlin time (domain/business_time.py), as in the app and on the
backend's documents.
"""

from datetime import datetime
from typing import Literal

from PySide6.QtCore import QDate, QLocale, QTime

from desktop_app.domain.business_time import business_time

DocumentLanguage = Literal["de", "en"]

__all__ = ["DocumentFormats", "DocumentLanguage"]


class DocumentFormats:
    """Formatting for one document language; cheap to create, safe on any thread."""

    def __init__(self, language: DocumentLanguage) -> None:
        self.language: DocumentLanguage = language
        if language == "en":
            self._locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        else:
            self._locale = QLocale(QLocale.Language.German, QLocale.Country.Germany)

    def money(self, cents: int) -> str:
        return self._locale.toCurrencyString(cents / 100, "€", 2)

    def number(self, value: int) -> str:
        return self._locale.toString(value)

    def _local(self, moment: datetime) -> datetime:
        return business_time(moment)

    def date(self, moment: datetime) -> str:
        local = self._local(moment)
        return self._locale.toString(QDate(local.year, local.month, local.day),
                                     "dd.MM.yyyy" if self.language == "de" else "dd/MM/yyyy")

    def date_time(self, moment: datetime) -> str:
        local = self._local(moment)
        time = self._locale.toString(QTime(local.hour, local.minute), "HH:mm")
        suffix = " Uhr" if self.language == "de" else ""
        return f"{self.date(moment)}, {time}{suffix}"
