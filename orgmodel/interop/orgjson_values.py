"""Parsers of single values in orgmodel JSON, each refusing a wrong value with its place.

Every parser takes ``(value, where)`` and returns the typed value or raises ``FormatError`` whose
sentence names ``where`` (``teams[3].kind``) and shows the offending value. ``NonFinite`` stands in
for ``NaN``/``Infinity`` while parsing so that these are refused with a place too. Not for whole
entities or documents (``orgjson.py`` does those).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import fields
from datetime import date
from enum import Enum
from typing import Any

from orgmodel.core.entities import ServiceLoad
from orgmodel.core.errors import FormatError

Parser = Callable[[Any, str], Any]


class NonFinite:
    """Stands in for NaN/Infinity while parsing, so that the refusal can name the place."""

    def __init__(self, name: str) -> None:
        self.name = name


def show(value: Any) -> str:
    """A value as it looked in the JSON text, for messages."""
    if isinstance(value, NonFinite):
        return value.name
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise FormatError(f"{where} must be a string, not {show(value)}.")
    return value


def opt_text(value: Any, where: str) -> str | None:
    return None if value is None else text(value, where)


def whole(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FormatError(f"{where} must be a whole number, not {show(value)}.")
    return value


def number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise FormatError(f"{where} must be a number, not {show(value)}.")
    return float(value)


def boolean(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise FormatError(f"{where} must be true or false, not {show(value)}.")
    return value


def day(value: Any, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(text(value, where))
    except ValueError:
        raise FormatError(f"{where} must be a date like 2026-01-05, not {show(value)}.") from None


def tags(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise FormatError(f"{where} must be a list of strings.")
    return tuple(text(v, f"{where}[{i}]") for i, v in enumerate(value))


def enum_of(enum: type[Enum]) -> Parser:
    def parse(value: Any, where: str) -> Any:
        try:
            return enum(value)
        except ValueError:
            choices = ", ".join(str(e.value) for e in enum)
            raise FormatError(f"{where} must be one of {choices}, not {show(value)}.") from None

    return parse


def obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FormatError(f"{where} must be an object.")
    return value


def load(value: Any, where: str) -> ServiceLoad:
    data = obj(value, where)
    known = {f.name for f in fields(ServiceLoad)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise FormatError(
            f"{where}: unknown field '{unknown[0]}' (known: {', '.join(sorted(known))})."
        )
    return ServiceLoad(**{k: number(v, f"{where}.{k}") for k, v in data.items()})


def positions(value: Any, where: str) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for key, pos in obj(value, where).items():
        if not isinstance(pos, list) or len(pos) != 2:
            raise FormatError(f"{where}.{key} must be a pair [x, y].")
        out[key] = (number(pos[0], f"{where}.{key}[0]"), number(pos[1], f"{where}.{key}[1]"))
    return out


def filters(value: Any, where: str) -> dict[str, Any]:
    """A view's filters: any JSON object, but with finite numbers only."""

    def walk(item: Any, place: str) -> None:
        if isinstance(item, NonFinite):
            raise FormatError(f"{place} must be a finite number, not {item.name}.")
        if isinstance(item, dict):
            for key, inner in item.items():
                walk(inner, f"{place}.{key}")
        elif isinstance(item, list):
            for i, inner in enumerate(item):
                walk(inner, f"{place}[{i}]")

    data = obj(value, where)
    walk(data, where)
    return data
