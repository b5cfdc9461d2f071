"""Reads ordered rules written as data; shared by the werktoedeling and route engines.

A rule is `{id, als: {fact: value or [values]}, dan: ..., ...}`. Conditions are matched
with three values: true, false, or not yet known (the fact is None). The first rule
that is true decides; the first rule that could still be true names the fact to ask
about next. So a conversation built on these rules asks only what matters.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping


def _condition(expected: Any, actual: Any) -> bool | None:
    if actual is None:
        return None
    allowed = expected if isinstance(expected, list) else [expected]
    return actual in allowed


def match(rule: Mapping[str, Any], known: Mapping[str, Any]) -> tuple[bool | None, str | None]:
    """(True/False/None, first unknown fact) for one rule."""
    unknown = None
    for fact, expected in rule["als"].items():
        result = _condition(expected, known[fact])
        if result is False:
            return False, None
        if result is None and unknown is None:
            unknown = fact
    return (None, unknown) if unknown else (True, None)


def decide(rules: Iterable[Mapping[str, Any]], known: Mapping[str, Any]) -> tuple[Mapping | None, str | None]:
    """(the deciding rule, None) or (None, the fact to ask about next)."""
    for rule in rules:
        result, unknown = match(rule, known)
        if result is None:
            return None, unknown
        if result:
            return rule, None
    raise ValueError(f"No rule applies to {dict(known)}")  # rule sets end with a catch-all
