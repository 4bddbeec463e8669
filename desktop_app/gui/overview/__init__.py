"""The order overview: the main window, its list model and loading, filter bar, actions and
status bar."""
