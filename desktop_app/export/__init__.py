"""Tables out of the app: the order list as CSV or XLSX files (no Qt).

The GUI decides what a table holds (the visible columns, their headers, the filter and sort)
and hands the writers plain rows; the writers format them for the UI language and write the
file atomically (`atomic.py`), so a cancelled or failed export leaves nothing behind.
"""
