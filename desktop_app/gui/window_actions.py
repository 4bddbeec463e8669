"""The main window's actions, menus and tool bar (every frequent action has a shortcut)."""

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from desktop_app.gui.formatting import Language

__all__ = ["WindowActions"]


class WindowActions:
    """Creates the actions on `window` and puts them into menus and the tool bar."""

    def __init__(self, window: QMainWindow, language: Language) -> None:
        tr = window.tr

        def action(text: str, shortcut: str | None = None) -> QAction:
            created = QAction(text, window)
            if shortcut:
                created.setShortcut(QKeySequence(shortcut))
            window.addAction(created)  # shortcuts work wherever the focus is
            return created

        self.sync = action(tr("&Synchronize"), "F5")
        self.sync.setToolTip(tr("Fetch the latest changes from the order backend (F5)"))
        self.new_cart = action(tr("&New cart…"), "Ctrl+N")
        self.print = action(tr("&Print confirmation…"), "Ctrl+P")
        self.preview = action(tr("Print pre&view…"), "Ctrl+Shift+P")
        self.save_pdf = action(tr("Save confirmation as P&DF…"), "Ctrl+Shift+S")
        self.export_pdfs = action(tr("E&xport confirmations of the selected orders…"),
                                  "Ctrl+Shift+E")
        self.quit = action(tr("&Quit"), "Ctrl+Q")
        self.find = action(tr("&Find orders"), "Ctrl+F")
        self.previous_order = action(tr("&Previous order"), "Alt+Up")
        self.next_order = action(tr("N&ext order"), "Alt+Down")
        self.reset_filters = action(tr("&Reset filters"))
        self.show_detail = action(tr("Order &details"))
        self.show_status = action(tr("Processing &status"))
        self.german = action(tr("&German"))
        self.english = action(tr("&English"))
        self.languages = QActionGroup(window)
        for choice, code in ((self.german, "de"), (self.english, "en")):
            choice.setCheckable(True)
            choice.setData(code)
            choice.setChecked(code == language)
            self.languages.addAction(choice)

        menus = window.menuBar()
        file_menu = menus.addMenu(tr("&File"))
        file_menu.addAction(self.sync)
        file_menu.addSeparator()
        file_menu.addActions([self.print, self.preview, self.save_pdf, self.export_pdfs])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        orders_menu = menus.addMenu(tr("&Orders"))
        for entry in (self.new_cart, None, self.find, self.reset_filters, None,
                      self.previous_order, self.next_order, self.show_detail,
                      self.show_status):  # fmt: skip
            if entry is None:
                orders_menu.addSeparator()
            else:
                orders_menu.addAction(entry)
        view_menu = menus.addMenu(tr("&View"))
        language_menu = view_menu.addMenu(tr("&Language"))
        language_menu.addActions([self.german, self.english])
        language_menu.setToolTipsVisible(True)
        for choice in (self.german, self.english):
            choice.setToolTip(tr("Applies after a restart"))

        self.toolbar = QToolBar(tr("Main tool bar"), window)
        self.toolbar.setObjectName("mainToolBar")  # saveState needs a name
        self.toolbar.setMovable(False)
        self.toolbar.addActions([self.sync, self.new_cart, self.print])
        window.addToolBar(self.toolbar)
