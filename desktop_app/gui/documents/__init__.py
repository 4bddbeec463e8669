"""Confirmation output: the confirmation page, preview/print/PDF, batch export, the PDF viewer."""
