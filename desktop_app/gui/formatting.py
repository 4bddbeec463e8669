"""Dates and money in the UI locale (German by default: "26.11.2026 18:00", "1.234,56 €")."""

from datetime import datetime
from typing import Literal

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

Language = Literal["de", "en"]

__all__ = ["Language", "datetime_format", "format_cents", "format_datetime", "locale_for"]


def locale_for(language: Language) -> QLocale:
    """The UI locale for a language: de_DE, or en_GB (a German firm's English: 26/11/2026)."""
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.German, QLocale.Country.Germany)


def datetime_format(locale: QLocale) -> str:
    """The locale's short date-and-time format, with a four-digit year."""
    pattern = locale.dateTimeFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def format_datetime(locale: QLocale, value: datetime, pattern: str | None = None) -> str:
    """`value` in the computer's time zone (naive values are taken as local already)."""
    local = value.astimezone() if value.tzinfo is not None else value
    moment = QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )
    return locale.toString(moment, pattern or datetime_format(locale))


def format_cents(locale: QLocale, cents: int) -> str:
    """Euro cents as money in the locale: 123456 -> "1.234,56 €" (de) / "€1,234.56" (en)."""
    return locale.toCurrencyString(cents / 100, "€", 2)
