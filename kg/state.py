"""Dataclasses to JSON and back, by their type hints: the state `--append` keeps is data, never code.

Only what the state holds is supported: dataclasses, str, int, float, bool, None, and list, set, tuple
and dict of those (a dict with tuple keys is written as [key, value] pairs). Sets are written sorted, so
the same state always gives the same bytes. Reading checks every value against its type: a damaged or
foreign file raises StateError instead of building a wrong corpus.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any, TypeVar, Union

T = TypeVar("T")


class StateError(ValueError):
    """A state file that is not what this kg writes."""


def dumps(value: object) -> bytes:
    return json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes, cls: type[T]) -> T:
    return decode(parse(data), cls)


def parse(data: bytes) -> Any:
    """The JSON of a state file, untyped (to look at its version before reading it by its types)."""
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StateError(f"not JSON ({error})") from None


def decode(raw: Any, cls: type[T]) -> T:
    return typing.cast(T, _decode(raw, cls, "state"))


def _encode(value: object) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        if any(isinstance(key, tuple) for key in value):
            return [[_encode(key), _encode(item)] for key, item in value.items()]
        return {key: _encode(item) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(_encode(item) for item in value)
    if isinstance(value, (list, tuple)):
        return [_encode(item) for item in value]
    return value


def _decode(raw: Any, hint: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        return _union(raw, hint, where)
    if hint is type(None):
        return _expect(raw is None, raw, where, "null")
    if hint in (str, int, float, bool):
        return _scalar(raw, hint, where)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass(raw, hint, where)
    if origin in (list, set, frozenset):
        _expect(isinstance(raw, list), raw, where, "a list")
        return origin(_decode(item, typing.get_args(hint)[0], f"{where}[{i}]") for i, item in enumerate(raw))
    if origin is tuple:
        return _tuple(raw, typing.get_args(hint), where)
    if origin is dict:
        key_type, value_type = typing.get_args(hint)
        return _dict(raw, key_type, value_type, where)
    if hint is typing.Any or hint is object:
        return raw
    raise StateError(f"{where}: cannot read a value of type {hint}")


def _union(raw: Any, hint: Any, where: str) -> Any:
    for option in typing.get_args(hint):
        try:
            return _decode(raw, option, where)
        except StateError:
            continue
    raise StateError(f"{where}: {raw!r} is none of {hint}")


def _scalar(raw: Any, hint: type, where: str) -> Any:
    ok = isinstance(raw, hint) and not (hint is int and isinstance(raw, bool))
    if hint is float and isinstance(raw, int) and not isinstance(raw, bool):
        return float(raw)
    return _expect(ok, raw, where, hint.__name__)


def _tuple(raw: Any, args: tuple, where: str) -> tuple:
    _expect(isinstance(raw, list), raw, where, "a list")
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_decode(item, args[0], f"{where}[{i}]") for i, item in enumerate(raw))
    _expect(len(raw) == len(args), raw, where, f"{len(args)} items")
    return tuple(
        _decode(item, arg, f"{where}[{i}]") for i, (item, arg) in enumerate(zip(raw, args, strict=True))
    )


def _dict(raw: Any, key_type: Any, value_type: Any, where: str) -> dict:
    if typing.get_origin(key_type) is tuple:
        if raw == {}:
            return {}  # an empty dict is written {} whatever its keys
        _expect(isinstance(raw, list), raw, where, "a list of [key, value] pairs")
        return {
            _decode(pair[0], key_type, where): _decode(pair[1], value_type, f"{where}[{i}]")
            for i, pair in enumerate(raw)
            if _expect(isinstance(pair, list) and len(pair) == 2, pair, where, "a [key, value] pair")
        }
    _expect(isinstance(raw, dict), raw, where, "an object")
    return {_decode(k, key_type, where): _decode(v, value_type, f"{where}.{k}") for k, v in raw.items()}


def _dataclass(raw: Any, cls: type, where: str) -> Any:
    _expect(isinstance(raw, dict), raw, where, f"an object for {cls.__name__}")
    hints = typing.get_type_hints(cls)
    fields = {f.name for f in dataclasses.fields(cls) if f.init}
    unknown = set(raw) - fields
    if unknown:
        raise StateError(f"{where}: {cls.__name__} has no field {', '.join(sorted(unknown))}")
    values = {name: _decode(raw[name], hints[name], f"{where}.{name}") for name in fields if name in raw}
    try:
        return cls(**values)
    except TypeError as error:  # a required field missing
        raise StateError(f"{where}: {error}") from None


def _expect(ok: bool, raw: Any, where: str, what: str) -> Any:
    if not ok:
        raise StateError(f"{where}: expected {what}, found {str(raw)[:60]!r}")
    return raw
