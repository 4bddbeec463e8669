"""The provider's letterhead: the same on the backend's PDFs and the client's documents."""

PROVIDER_NAME = "OrderDesk Telekommunikation GmbH"
PROVIDER_STREET = "Musterallee 1"
PROVIDER_CITY = "10115 Berlin"
PROVIDER_WEB = "www.orderdesk.example"
PROVIDER_ADDRESS = f"{PROVIDER_STREET} · {PROVIDER_CITY} · {PROVIDER_WEB}"
PROVIDER_LEGAL = "Amtsgericht Berlin-Charlottenburg HRB 000000 · USt-IdNr. DE000000000"
