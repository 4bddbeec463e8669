"""OrderDesk: desktop order client and its reference order backend."""

__version__ = "0.1.0"
