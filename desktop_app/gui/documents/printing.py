"""Printer set-up shared by the confirmation and the PDF viewer: A4, the clerk's last printer.

The last printer's name is kept in QSettings; it is used again only while it exists.
"""

from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

__all__ = ["LAST_PRINTER_KEY", "new_printer", "remember_printer"]

LAST_PRINTER_KEY = "printing/last_printer"


def new_printer(settings: QSettings) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    last = settings.value(LAST_PRINTER_KEY, "")
    if isinstance(last, str) and last and last in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(last)
    return printer


def remember_printer(settings: QSettings, printer: QPrinter) -> None:
    """After a print dialog was accepted: a real printer (not "print to file") is kept."""
    name = printer.printerName()
    if name and printer.outputFormat() is QPrinter.OutputFormat.NativeFormat:
        settings.setValue(LAST_PRINTER_KEY, name)
