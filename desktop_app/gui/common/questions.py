"""A yes/cancel question to the clerk before an action that cannot be undone."""

from PySide6.QtWidgets import QMessageBox, QWidget


def confirmed(parent: QWidget, title: str, question: str) -> bool:
    """True when the clerk answers Yes; Cancel is the default (Enter does not delete)."""
    answer = QMessageBox.question(parent, title, question,
                                  QMessageBox.StandardButton.Yes
                                  | QMessageBox.StandardButton.Cancel,
                                  QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes
