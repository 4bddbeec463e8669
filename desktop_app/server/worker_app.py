"""The app of one worker process, made from settings in the environment.

`orderdesk-server --workers N` writes its settings into the environment of its worker
processes, which each load `desktop_app.server.worker_app:create` (uvicorn's `factory`).
The same factory serves other process managers:

    ORDERDESK_SERVER_DATABASE_URL=postgresql+psycopg://... \\
        uvicorn --factory desktop_app.server.worker_app:create --workers 4

(plain uvicorn workers hold a shutdown up to a waiting long-poll's timeout; the
`orderdesk-server` workers answer them at once.)

One variable per ServerSettings field: ORDERDESK_SERVER_ + the field's name in capitals;
numbers as decimal text, durations in seconds, switches as 1/0 (true/false, yes/no).
Unset fields keep their defaults; the database URL is required.
"""

import dataclasses
import os
import typing
from collections.abc import Mapping
from datetime import timedelta

from fastapi import FastAPI

from desktop_app.server.app import create_app
from desktop_app.server.settings import ServerSettings

PREFIX = "ORDERDESK_SERVER_"
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


class SettingsError(ValueError):
    """An environment variable is missing or does not hold a value of its field's type."""


def variable(field_name: str) -> str:
    return PREFIX + field_name.upper()


def _field_types() -> dict[str, object]:
    hints = typing.get_type_hints(ServerSettings)
    return {field.name: hints[field.name] for field in dataclasses.fields(ServerSettings)}


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, timedelta):
        return repr(value.total_seconds())
    if isinstance(value, float):
        return repr(value)  # round-trips exactly
    if isinstance(value, (int, str)):
        return str(value)
    raise TypeError(f"no environment form for {type(value).__name__}")


def _parsed(name: str, kind: object, text: str) -> object:
    try:
        if kind is bool:
            lowered = text.strip().lower()
            if lowered not in _TRUE | _FALSE:
                raise ValueError(text)
            return lowered in _TRUE
        if kind is timedelta:
            return timedelta(seconds=float(text))
        if kind in (int, float, str):
            return kind(text)
    except ValueError as error:
        raise SettingsError(f"{variable(name)}={text!r} is not a valid {kind}") from error
    raise TypeError(f"ServerSettings.{name}: no environment form for {kind}")


def settings_environment(settings: ServerSettings) -> dict[str, str]:
    """The variables that make `settings_from_environment` give back `settings`."""
    return {variable(name): _text(getattr(settings, name)) for name in _field_types()}


def settings_from_environment(environment: Mapping[str, str] | None = None) -> ServerSettings:
    environment = os.environ if environment is None else environment
    values: dict[str, typing.Any] = {}
    for name, kind in _field_types().items():
        text = environment.get(variable(name))
        if text is not None:
            values[name] = _parsed(name, kind, text)
    if "database_url" not in values:
        raise SettingsError(f"{variable('database_url')} is not set")
    return ServerSettings(**values)


def create() -> FastAPI:
    """uvicorn's app factory in each worker process."""
    return create_app(settings_from_environment())
