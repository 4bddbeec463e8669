"""Local SQLite cache: schema, migrations, view queries (step 2)."""
