"""Help → About OrderDesk: versions, backend, cache location, and the support text."""

from PySide6.QtCore import QLocale, QSettings, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.cache.records import SyncState
from desktop_app.gui.account.diagnostics import AboutInfo, diagnostic_text, safe_url, versions
from desktop_app.gui.common.resources import app_icon

__all__ = ["AboutDialog"]


class AboutDialog(QDialog):
    """Shows what support asks first; `copy_button` puts `diagnostics` on the clipboard."""

    def __init__(self, info: AboutInfo, state: SyncState, locale: QLocale,
                 settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About OrderDesk"))
        self.diagnostics = diagnostic_text(info, state, locale, _paths(settings))
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>OrderDesk {versions()[0][1]}</h2>")
        title.setObjectName("aboutTitle")
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        layout.addWidget(logo, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(title, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(QLabel(self.tr("Order client for back-office order clerks.")))
        form = QFormLayout()
        for name, version in versions()[1:]:
            form.addRow(f"{name}:", _selectable(version))  # product names
        backend = safe_url(info.backend_url) if info.backend_url else self.tr("unknown")
        self.backend_label = _selectable(backend)
        self.cache_label = _selectable(str(info.cache_path))
        form.addRow(self.tr("Backend:"), self.backend_label)
        form.addRow(self.tr("Cache:"), self.cache_label)
        layout.addLayout(form)
        self.copied_label = QLabel()
        layout.addWidget(self.copied_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy diagnostic information"))
        self.copy_button.setToolTip(self.tr(
            "Versions, operating system, paths and the last sync state for support; "
            "no passwords or tokens"))  # fmt: skip
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_diagnostics)
        layout.addWidget(buttons)

    @Slot()
    def copy_diagnostics(self) -> None:
        QGuiApplication.clipboard().setText(self.diagnostics)
        self.copied_label.setText(self.tr("Copied to the clipboard."))


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _paths(settings: QSettings) -> list[tuple[str, str]]:
    """Where settings, the log, forms and translations are (a packaging problem shows here)."""
    from desktop_app.gui.common.forms import form_path
    from desktop_app.gui.common.logs import current_log_file
    from desktop_app.gui.common.translations import catalogs_dir

    log_file = current_log_file()
    found = [("Settings", settings.fileName()),
             ("Log file", str(log_file) if log_file is not None else "none (not written)")]
    try:
        found.append(("Forms", str(form_path("main_window.ui").parent)))
    except RuntimeError as error:
        found.append(("Forms", f"missing ({error})"))
    try:
        found.append(("Translations", str(catalogs_dir())))
    except RuntimeError as error:
        found.append(("Translations", f"missing ({error})"))
    return found
