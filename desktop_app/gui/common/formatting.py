"""Money, dates, times and sizes in the UI locale (German by default: "26.11.2026 18:00",
"1.234,56 €"). Timestamps are stored in UTC (naive ones are UTC too) and shown in the
business time zone, Berlin, like the documents do (not the machine's zone: a clerk on a
terminal server in UTC reads the same time as the customer's letter); dates always carry a
four-digit year."""

from datetime import date, datetime
from typing import Literal

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

from desktop_app.domain.business_time import business_time

Language = Literal["de", "en"]
EURO = "€"

__all__ = ["Language", "datetime_format", "day", "format_cents", "format_datetime",
           "local_date", "locale_for", "moment", "money", "size"]


def locale_for(language: Language) -> QLocale:
    """The UI locale for a language: de_DE, or en_GB (a German firm's English: 26/11/2026)."""
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.German, QLocale.Country.Germany)


def _date_format(locale: QLocale) -> str:
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def datetime_format(locale: QLocale) -> str:
    """The locale's short date-and-time format, with a four-digit year."""
    return f"{_date_format(locale)} {locale.timeFormat(QLocale.FormatType.ShortFormat)}"


def _local(value: datetime) -> QDateTime:
    """The moment in Berlin time, with Berlin's offset at that moment."""
    here = business_time(value)
    offset = here.utcoffset()
    return QDateTime(QDate(here.year, here.month, here.day),
                     QTime(here.hour, here.minute, here.second),
                     QTimeZone(int(offset.total_seconds()) if offset else 0))


def format_datetime(locale: QLocale, value: datetime, pattern: str | None = None) -> str:
    """A UTC timestamp in Berlin time: "10.03.2025 14:00"."""
    return locale.toString(_local(value), pattern or datetime_format(locale))


def moment(value: datetime, locale: QLocale | None = None) -> str:
    """format_datetime in the default locale."""
    return format_datetime(locale or QLocale(), value)


def local_date(value: datetime, locale: QLocale | None = None) -> str:
    """The Berlin calendar day of a UTC timestamp."""
    chosen = locale or QLocale()
    return chosen.toString(_local(value).date(), _date_format(chosen))


def day(value: date, locale: QLocale | None = None) -> str:
    chosen = locale or QLocale()
    return chosen.toString(QDate(value.year, value.month, value.day), _date_format(chosen))


def format_cents(locale: QLocale, cents: int) -> str:
    """Euro cents as money in the locale: 123456 -> "1.234,56 €" (de) / "€1,234.56" (en)."""
    return locale.toCurrencyString(cents / 100, EURO, 2)


def money(cents: int, locale: QLocale | None = None) -> str:
    """format_cents in the default locale."""
    return format_cents(locale or QLocale(), cents)


def size(byte_count: int | None, locale: QLocale | None = None) -> str:
    """1234 as "1,2 KB"; empty when the backend did not say."""
    if byte_count is None:
        return ""
    return (locale or QLocale()).formattedDataSize(
        byte_count, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )
