"""Start-up of the desktop app (below the composition root `desktop_app.app`)."""
