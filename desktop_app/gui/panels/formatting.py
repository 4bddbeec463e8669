"""Money, dates, times and sizes in the UI locale (QLocale's default: German unless chosen).

Amounts are always euros; dates show four-digit years ("26.11.2026", "11/26/2026").
Timestamps are stored in UTC and shown in the machine's local time.
"""

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTimeZone

EURO = "€"


def money(cents: int, locale: QLocale | None = None) -> str:
    """1234.56 € as "1.234,56 €" (German) or "€1,234.56" (English)."""
    return (locale or QLocale()).toCurrencyString(cents / 100, EURO, 2)


def _date_format(locale: QLocale) -> str:
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def day(value: date, locale: QLocale | None = None) -> str:
    chosen = locale or QLocale()
    return chosen.toString(QDate(value.year, value.month, value.day), _date_format(chosen))


def _local(value: datetime) -> QDateTime:
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    utc = aware.astimezone(UTC)
    moment = QDateTime.fromSecsSinceEpoch(int(utc.timestamp()), QTimeZone.utc())
    return moment.toLocalTime()


def local_date(value: datetime, locale: QLocale | None = None) -> str:
    """The local calendar day of a UTC timestamp."""
    chosen = locale or QLocale()
    return chosen.toString(_local(value).date(), _date_format(chosen))


def moment(value: datetime, locale: QLocale | None = None) -> str:
    """A UTC timestamp in local time: "10.03.2025 13:00"."""
    chosen = locale or QLocale()
    time_format = chosen.timeFormat(QLocale.FormatType.ShortFormat)
    return chosen.toString(_local(value), f"{_date_format(chosen)} {time_format}")


def size(byte_count: int | None, locale: QLocale | None = None) -> str:
    """1234 as "1,2 KB"; empty when the backend did not say."""
    if byte_count is None:
        return ""
    return (locale or QLocale()).formattedDataSize(
        byte_count, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )
