"""`python -m desktop_app` is `orderdesk`."""

from desktop_app.app import main

raise SystemExit(main())
