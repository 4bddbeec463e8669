"""Local SQLite cache: schema, migrations, the feed writer and the queries for the views.

Modules: `paths` (one file per backend URL, tenant and user), `schema` (tables),
`migrate` (Alembic, programmatic), `store` (`CacheStore`), `writer` (`apply_page` and
bookkeeping), `queries` / `detail` (what the views read), `search` (safe FTS5 input).
"""
