"""Scenarios: validated simulation parameters, read from TOML text, files, presets or documents.

``parse_scenario`` is strict: unknown sections or keys, wrong types, NaN and out-of-range values are
refused with the key's name before any run starts (a ``ScenarioError``, one sentence). A
``ScenarioParams`` is immutable; ``replace`` returns a validated copy (used by sweeps), and
attribute access mirrors the TOML: ``params.load.incidents_per_week``, ``params.weeks``. Not for
running anything: see ``montecarlo.py``.
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path
from typing import Any

from orgmodel.core.errors import FormatError
from orgmodel.resources_path import resource
from orgmodel.sim.parameters import BY_NAME, PARAMETERS, SECTIONS, Param

METADATA_KEYS = ("name", "description")


class ScenarioError(FormatError):
    """A scenario's text or values are not acceptable."""


def _check_value(param: Param, value: Any) -> Any:
    name = param.name
    if param.choices:
        if value not in param.choices:
            raise ScenarioError(f"{name} must be one of {', '.join(param.choices)}, not {value!r}.")
        return value
    if isinstance(param.default, bool):
        if not isinstance(value, bool):
            raise ScenarioError(f"{name} must be true or false, not {value!r}.")
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ScenarioError(f"{name} must be a number, not {value!r}.")
    if isinstance(param.default, int) and not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise ScenarioError(f"{name} must be a whole number, not {value!r}.")
    if math.isnan(value):
        raise ScenarioError(f"{name} must be a number, not NaN.")
    if math.isinf(value) and not param.allow_inf:
        raise ScenarioError(f"{name} must be a finite number, not {value!r}.")
    lo = -math.inf if param.lo is None else param.lo
    hi = math.inf if param.hi is None else param.hi
    if not lo <= value <= hi:
        if hi == math.inf:
            bound = f"at least {lo:g}" if lo > 0 or param.lo is None else "0 or more"
        else:
            bound = f"between {lo:g} and {hi:g}"
        raise ScenarioError(f"{name} must be {bound}, not {value!r}.")
    return float(value) if isinstance(param.default, float) else value


class Section:
    """Read-only attribute access to one section's values."""

    def __init__(self, name: str, values: dict[str, Any]) -> None:
        self._name = name
        self._values = values

    def __getattr__(self, key: str) -> Any:
        try:
            return self._values[f"{self._name}.{key}"]
        except KeyError:
            raise AttributeError(f"no parameter {self._name}.{key}") from None


class ScenarioParams:
    """A complete, validated set of parameters (defaults where the scenario is silent)."""

    # the sections, set in __init__ (declared for type checkers)
    growth: Section
    load: Section
    oncall: Section
    sre: Section
    headcount: Section
    platform: Section
    complexity: Section
    embeds: Section
    familiarity: Section

    def __init__(self, values: dict[str, Any] | None = None, name: str = "", description: str = "") -> None:
        merged = {p.name: p.default for p in PARAMETERS}
        for key, value in (values or {}).items():
            if key not in BY_NAME:
                raise ScenarioError(f"Unknown scenario parameter '{key}'.")
            merged[key] = _check_value(BY_NAME[key], value)
        self._values = merged
        self.name = name
        self.description = description
        for section in SECTIONS:
            object.__setattr__(self, section, Section(section, merged))

    # top-level parameters
    @property
    def weeks(self) -> int:
        return int(self._values["weeks"])

    @property
    def runs(self) -> int:
        return int(self._values["runs"])

    @property
    def seed(self) -> int:
        return int(self._values["seed"])

    @property
    def mode(self) -> str:
        return str(self._values["mode"])

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ScenarioParams) and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(sorted((k, repr(v)) for k, v in self._values.items())))

    def replace(self, **changes: Any) -> ScenarioParams:
        """A copy with ``{"section.key": value}`` changes, validated."""
        return ScenarioParams({**self._values, **changes}, self.name, self.description)

    def changed(self) -> dict[str, Any]:
        """The parameters that differ from the defaults."""
        return {k: v for k, v in self._values.items() if v != BY_NAME[k].default}

    def to_dict(self) -> dict[str, Any]:
        """Nested like the TOML: top-level keys, then one object per section."""
        out: dict[str, Any] = {}
        for param in PARAMETERS:
            value = self._values[param.name]
            if param.section:
                out.setdefault(param.section, {})[param.key] = value
            else:
                out[param.key] = value
        if self.name:
            out["name"] = self.name
        return out


def _flatten(data: dict[str, Any]) -> tuple[dict[str, Any], str, str]:
    flat: dict[str, Any] = {}
    name = description = ""
    for key, value in data.items():
        if isinstance(value, dict):
            if key not in SECTIONS:
                raise ScenarioError(
                    f"Unknown scenario section [{key}] (known: {', '.join(SECTIONS)})."
                )
            for sub, item in value.items():
                full = f"{key}.{sub}"
                if full not in BY_NAME:
                    raise ScenarioError(f"Unknown scenario parameter '{full}'.")
                flat[full] = item
        elif key in METADATA_KEYS:
            if not isinstance(value, str):
                raise ScenarioError(f"{key} must be a string.")
            name, description = (value, description) if key == "name" else (name, value)
        elif key in BY_NAME and not BY_NAME[key].section:
            flat[key] = value
        else:
            raise ScenarioError(f"Unknown scenario parameter '{key}'.")
    return flat, name, description


def parse_scenario(text: str, source: str = "the scenario") -> ScenarioParams:
    """Parse and validate TOML text; raises ``ScenarioError`` naming the key or line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(f"{source} is not valid TOML ({error}).") from None
    flat, name, description = _flatten(data)
    return ScenarioParams(flat, name, description)


def load_scenario(path: str | Path) -> ScenarioParams:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as error:
        raise ScenarioError(f"Cannot read the scenario {path}: {error.strerror}.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioError(f"The scenario {path} is not UTF-8 text.") from None
    return parse_scenario(text, str(path))


def preset_names() -> list[str]:
    return sorted(p.stem for p in resource("scenarios").glob("*.toml"))


def load_preset(name: str) -> ScenarioParams:
    path = resource("scenarios", f"{name}.toml")
    if not path.is_file():
        raise ScenarioError(f"There is no preset '{name}' (presets: {', '.join(preset_names())}).")
    return load_scenario(path)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, float):
        if math.isinf(value):
            return "inf"
        return repr(value)
    return str(value)


def scenario_to_toml(params: ScenarioParams, only_changed: bool = False) -> str:
    """TOML text for the parameters (all of them, or only those differing from the defaults)."""
    values = params.changed() if only_changed else {p.name: params[p.name] for p in PARAMETERS}
    lines: list[str] = []
    if params.name:
        lines.append(f"name = {_toml_value(params.name)}")
    if params.description:
        lines.append(f"description = {_toml_value(params.description)}")
    for param in PARAMETERS:
        if not param.section and param.name in values:
            lines.append(f"{param.key} = {_toml_value(values[param.name])}")
    for section in SECTIONS:
        keys = [p for p in PARAMETERS if p.section == section and p.name in values]
        if keys:
            lines.append(f"\n[{section}]")
            lines.extend(f"{p.key} = {_toml_value(values[p.name])}" for p in keys)
    return "\n".join(lines).strip() + "\n"


def scenario_from_document(model: Any, key: str) -> ScenarioParams:
    """A scenario stored in a document, by id or by name."""
    for stored in model.scenarios.values():
        if key in (stored.id, stored.name):
            params = parse_scenario(stored.toml, f"the scenario '{stored.name}'")
            return params if params.name else ScenarioParams(
                {k: params[k] for k in params.changed()}, stored.name, params.description
            )
    names = ", ".join(s.name for s in model.scenarios.values()) or "none"
    raise ScenarioError(f"The document has no scenario '{key}' (scenarios: {names}).")


def resolve_scenario(spec: str | None, model: Any = None) -> ScenarioParams:
    """A scenario from a TOML path, a preset name, or a scenario stored in the document.

    ``None`` gives the document's first stored scenario, or the baseline preset.
    """
    if spec is None:
        if model is not None and model.scenarios:
            return scenario_from_document(model, next(iter(model.scenarios)))
        return load_preset("baseline")
    if spec.endswith(".toml") or Path(spec).is_file():
        return load_scenario(spec)
    if spec in preset_names():
        return load_preset(spec)
    if model is not None:
        return scenario_from_document(model, spec)
    raise ScenarioError(f"'{spec}' is neither a scenario file nor a preset ({', '.join(preset_names())}).")
