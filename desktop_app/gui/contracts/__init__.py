"""The contracts overview (Vertragsübersicht), opened from View → Contracts."""
