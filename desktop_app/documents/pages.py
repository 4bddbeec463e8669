"""The letter's HTML laid out on A4 pages, with letterhead, footer and "Seite X von Y".

QTextDocument flows the body into pages of the body's size; each page is then painted at
the body's place on the sheet, and the letterhead and footer are painted around it (they
are not part of the HTML, so they sit at the same place on every page and know the page
count). Works on any QPagedPaintDevice: QPdfWriter, a QPrinter, the print preview's printer.
Painting coordinates are the sheet's: QPdfWriter gets zero margins, printers full-page mode.
"""

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

__all__ = ["A4_LAYOUT", "Letterhead", "keep_headings_with_next", "layout_document", "paint_pages"]

A4_LAYOUT = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                        QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
# The body on the sheet (millimetres): DIN 5008-like margins, room for letterhead and footer.
_LEFT, _RIGHT, _TOP, _BOTTOM = 20.0, 20.0, 32.0, 24.0
_ACCENT, _GREY = QColor(0, 84, 147), QColor(100, 100, 100)
_FAMILIES = ["Helvetica", "Arial", "Nimbus Sans", "Liberation Sans", "DejaVu Sans"]


@dataclass(frozen=True)
class Letterhead:
    """What every page shows around the body. `page_text` has {page} and {pages}."""

    provider: str
    address: str
    legal: str
    reference: str  # right of the letterhead from page 2 on, e.g. "Auftrag AU-00000001"
    page_text: str


class _Sheet:
    """Millimetres to the device's pixels."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.dpi_x, self.dpi_y = device.logicalDpiX(), device.logicalDpiY()
        size = device.pageLayout().fullRect(QPageLayout.Unit.Millimeter).size()
        self.width_mm, self.height_mm = size.width(), size.height()

    def x(self, mm: float) -> float:
        return mm / 25.4 * self.dpi_x

    def y(self, mm: float) -> float:
        return mm / 25.4 * self.dpi_y

    def body(self) -> QRectF:
        return QRectF(self.x(_LEFT), self.y(_TOP),
                      self.x(self.width_mm - _LEFT - _RIGHT),
                      self.y(self.height_mm - _TOP - _BOTTOM))


def layout_document(html: str, device: QPagedPaintDevice) -> QTextDocument:
    """The HTML as a document paginated for the device's body area (create it on the thread
    that paints it: QTextDocument is not thread-safe)."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(_font(9.5))
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setPageSize(_Sheet(device).body().size())
    keep_headings_with_next(document)
    return document


def _page_of(document: QTextDocument, block: QTextBlock) -> int:
    top = document.documentLayout().blockBoundingRect(block).top()
    return int(top // document.pageSize().height())


def _splits(document: QTextDocument, block: QTextBlock) -> bool:
    """Whether what the heading `block` keeps together starts a new page after it: the next
    block (any heading), or everything to the end (an <h3>, the letter's closing section,
    as long as that fits on one page)."""
    level, following = block.blockFormat().headingLevel(), block.next()
    if not level or not following.isValid():
        return False
    page = _page_of(document, block)
    if level == 3:
        last = document.lastBlock()
        rect = document.documentLayout().blockBoundingRect
        fits = rect(last).bottom() - rect(block).top() < document.pageSize().height()
        bottom_page = int((rect(last).bottom() - 1) // document.pageSize().height())
        if fits and bottom_page > page:
            return True
    return _page_of(document, following) > page


def keep_headings_with_next(document: QTextDocument, passes: int = 8) -> int:
    """A heading never ends a page: when the block after it starts on the next page, the
    heading moves there too (QTextDocument has no "keep with next"); an <h3> section stays
    whole. Each move can shift later headings, so this repeats until nothing moves. Returns
    how many moved."""
    moved = 0
    for _ in range(passes):
        block, changed = document.begin(), False
        while block.isValid():
            following = block.next()
            if (block.blockFormat().pageBreakPolicy()
                    != QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
                    and _splits(document, block)):
                cursor = QTextCursor(block)
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.setBlockFormat(fmt)
                moved, changed = moved + 1, True
                break  # the layout below this block changed: look again from the top
            block = following
        if not changed:
            break
    return moved


def _font(point_size: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(_FAMILIES)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    # No ligatures: with them a PDF's text reads "Centraﬂex" (one glyph for "fl") and a
    # search or copy of "Centraflex" in the customer's PDF viewer finds nothing.
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


def _paint_letterhead(painter: QPainter, sheet: _Sheet, head: Letterhead, page: int) -> None:
    left, right = sheet.x(_LEFT), sheet.x(sheet.width_mm - _RIGHT)
    width = right - left
    painter.setPen(_ACCENT)
    painter.setFont(_font(15, bold=True))
    painter.drawText(QRectF(left, sheet.y(11), width, sheet.y(8)),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, head.provider)
    painter.setPen(_GREY)
    painter.setFont(_font(8))
    painter.drawText(QRectF(left, sheet.y(19.5), width, sheet.y(4.5)),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, head.address)
    if page > 1:  # on the address line: beside the provider's name it ran into it
        painter.drawText(QRectF(left, sheet.y(19.5), width, sheet.y(4.5)),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         head.reference)
    painter.setPen(QPen(_ACCENT, sheet.y(0.5)))
    painter.drawLine(QPointF(left, sheet.y(26)), QPointF(right, sheet.y(26)))


def _paint_footer(painter: QPainter, sheet: _Sheet, head: Letterhead, page: int,
                  pages: int) -> None:
    left, right = sheet.x(_LEFT), sheet.x(sheet.width_mm - _RIGHT)
    top = sheet.y(sheet.height_mm - 16.5)
    painter.setPen(QPen(_GREY, sheet.y(0.2)))
    painter.drawLine(QPointF(left, top), QPointF(right, top))
    painter.setFont(_font(7.5))
    line = QRectF(left, top + sheet.y(1.2), right - left, sheet.y(4))
    painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     f"{head.provider} · {head.legal}")
    painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     head.page_text.format(page=page, pages=pages))


def paint_pages(document: QTextDocument, device: QPagedPaintDevice, painter: QPainter,
                head: Letterhead) -> int:
    """Paint every page of the laid-out document onto the device; returns the page count.

    The painter is active on the device; the caller ends it (and so the PDF or print job).
    """
    sheet = _Sheet(device)
    body = sheet.body()
    page_size = QSizeF(document.pageSize())
    pages = document.pageCount()
    draw = document.documentLayout()
    for index in range(pages):
        if index:
            device.newPage()
        _paint_letterhead(painter, sheet, head, index + 1)
        painter.save()
        painter.translate(body.topLeft())
        painter.translate(0, -index * page_size.height())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRectF(0, index * page_size.height(), page_size.width(),
                              page_size.height())
        painter.setClipRect(context.clip)
        draw.draw(painter, context)
        painter.restore()
        _paint_footer(painter, sheet, head, index + 1, pages)
    return pages
