"""The main window's actions, menus and tool bar (every frequent action has a shortcut)."""

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from desktop_app.gui.common.formatting import Language

__all__ = ["WindowActions"]


class WindowActions(QObject):
    """Creates the actions on `window` and puts them into menus and the tool bar."""

    def __init__(self, window: QMainWindow, language: Language) -> None:
        super().__init__(window)

        def action(text: str, shortcut: str | None = None) -> QAction:
            created = QAction(text, window)
            if shortcut:
                created.setShortcut(QKeySequence(shortcut))
            window.addAction(created)  # shortcuts work wherever the focus is
            return created

        self.sync = action(self.tr("&Synchronize"), "F5")
        self.sync.setToolTip(self.tr("Fetch the latest changes from the order backend (F5)"))
        self.new_cart = action(self.tr("&New cart…"), "Ctrl+N")
        self.carts_quotes = action(self.tr("&Carts and quotes…"), "Ctrl+Shift+A")
        self.carts_quotes.setToolTip(self.tr("Open carts and quotes: resume, withdraw, delete "
                                             "(Ctrl+Shift+A)"))
        self.print = action(self.tr("&Print confirmation…"), "Ctrl+P")
        self.preview = action(self.tr("Print pre&view…"), "Ctrl+Shift+P")
        self.save_pdf = action(self.tr("Save confirmation as P&DF…"), "Ctrl+Shift+S")
        self.export_pdfs = action(self.tr("E&xport confirmations of the selected orders…"),
                                  "Ctrl+Shift+E")
        self.print_batch = action(self.tr("Print confirmations of the selected &orders…"))
        self.print_batch.setToolTip(self.tr("Print the confirmations of all selected orders in "
                                            "one print job"))
        self.export_list = action(self.tr("Expor&t list…"), "Ctrl+E")
        self.export_list.setToolTip(self.tr("Export the listed orders as filtered and sorted, "
                                            "with the visible columns, as XLSX or CSV (Ctrl+E)"))
        self.quit = action(self.tr("&Quit"), "Ctrl+Q")
        self.sign_in = action(self.tr("&Log in again…"))
        self.sign_in.setToolTip(self.tr("Log in to the order backend again to synchronize"))
        self.sign_in.setVisible(False)  # only while the backend wants a new login
        self.find = action(self.tr("&Find orders"), "Ctrl+F")
        self.previous_order = action(self.tr("&Previous order"), "Alt+Up")
        self.next_order = action(self.tr("N&ext order"), "Alt+Down")
        self.reset_filters = action(self.tr("&Reset filters"))
        # Alt+1/2: Ctrl+1 ... Ctrl+9 open the saved views (views/saved_views.py).
        self.show_detail = action(self.tr("Order &details"), "Alt+1")
        self.show_status = action(self.tr("Processing &status"), "Alt+2")
        self.german = action(self.tr("&German"))
        self.english = action(self.tr("&English"))
        self.show_dashboard = action(self.tr("&Dashboard"), "Ctrl+Shift+D")
        self.show_dashboard.setToolTip(self.tr("What needs attention: counts, orders per week, "
                                               "processing times (Ctrl+Shift+D)"))
        self.show_orders = action(self.tr("&Order list"), "Ctrl+Shift+L")
        self.notifications = action(self.tr("&Notifications…"), "Ctrl+Shift+N")
        self.notifications.setToolTip(self.tr("What happened to your orders and quotes "
                                              "(Ctrl+Shift+N)"))
        self.contracts = action(self.tr("&Contracts…"), "Ctrl+Shift+V")
        self.contracts.setToolTip(self.tr("Your customers' contracts, the orders that made "
                                          "them and new carts for them (Ctrl+Shift+V)"))
        self.settings = action(self.tr("&Settings…"), "Ctrl+,")
        self.about = action(self.tr("&About OrderDesk…"))
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.languages = QActionGroup(window)
        for choice, code in ((self.german, "de"), (self.english, "en")):
            choice.setCheckable(True)
            choice.setData(code)
            choice.setChecked(code == language)
            self.languages.addAction(choice)

        menus = window.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        file_menu.addAction(self.sync)
        file_menu.addAction(self.sign_in)
        file_menu.addSeparator()
        file_menu.addActions([self.print, self.preview, self.save_pdf, self.print_batch,
                              self.export_pdfs])
        file_menu.addSeparator()
        file_menu.addAction(self.export_list)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        orders_menu = menus.addMenu(self.tr("&Orders"))
        for entry in (self.new_cart, self.carts_quotes, None, self.find, self.reset_filters, None,
                      self.previous_order, self.next_order, self.show_detail,
                      self.show_status):  # fmt: skip
            if entry is None:
                orders_menu.addSeparator()
            else:
                orders_menu.addAction(entry)
        view_menu = menus.addMenu(self.tr("&View"))
        view_menu.addActions([self.show_dashboard, self.show_orders])
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Language"))
        language_menu.addActions([self.german, self.english])
        view_menu.addAction(self.notifications)
        view_menu.addAction(self.contracts)
        view_menu.addSeparator()
        view_menu.addAction(self.settings)
        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about)
        language_menu.setToolTipsVisible(True)
        for choice in (self.german, self.english):
            choice.setToolTip(self.tr("Applies after a restart"))

        self.toolbar = QToolBar(self.tr("Main tool bar"), window)
        self.toolbar.setObjectName("mainToolBar")  # saveState needs a name
        self.toolbar.setMovable(False)
        self.toolbar.addActions([self.sign_in, self.sync, self.new_cart, self.print])
        window.addToolBar(self.toolbar)

    def update_new_cart(self, ordering: bool, online: bool, offline_reason: str) -> None:
        """New cart needs the order wizard and the backend; disabled, it says why."""
        reasons = ([self.tr("Start a new cart with the order wizard (Ctrl+N)")] if ordering
                   else [self.tr("The order wizard needs a signed-in backend connection.")])
        if not online:
            reason = offline_reason or self.tr("the order backend cannot be reached.")
            reasons.insert(0, self.tr("Offline: %1").replace("%1", reason))
        self.new_cart.setEnabled(ordering and online)
        self.new_cart.setToolTip("\n".join(reasons))
        self.new_cart.setStatusTip(reasons[0])
