"""Pure-Python domain: entities, enums, business rules and recipient rules.

No Qt, SQL or HTTP here (an import-linter contract holds this).
"""
