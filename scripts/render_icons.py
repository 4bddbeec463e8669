"""Render the app icon's PNG sizes and the Windows .ico from resources/icons/orderdesk.svg.

`python scripts/render_icons.py` (offscreen is fine). The results are committed: the app sets
its window icon from the PNGs, the Linux bundle installs them as hicolor icons, and the
PyInstaller spec gives the Windows executable the .ico. Run it again after changing the SVG.
"""

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "orderdesk.svg"
SIZES = (16, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico holding PNG images (Windows Vista and later read those)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot render {SOURCE}", file=sys.stderr)
        return 1
    pngs = {size: png_bytes(render(renderer, size)) for size in SIZES}
    for size, data in pngs.items():
        (ICONS / f"orderdesk-{size}.png").write_bytes(data)
    (ICONS / "orderdesk.ico").write_bytes(ico_bytes(pngs))
    print(f"rendered {', '.join(map(str, SIZES))} px and orderdesk.ico into {ICONS}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
