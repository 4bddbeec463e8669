"""Shared test set-up: offscreen Qt for every test session."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
