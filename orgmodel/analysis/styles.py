"""How diagram nodes and edges look, as plain data shared by every renderer.

One table of node styles (fill, stroke, text colour, shape, box size) keyed by node kind and its
``sub`` value (team kind, person role, service support, platform kind, version status) and one
table of edge styles keyed by edge kind, plus the legend built from both. The Qt canvas, the
matplotlib diagram renderer and the yEd/GEXF exporters read these so a diagram looks the same
everywhere. Box sizes here are also the sizes the layouts keep apart. Pure data: no Qt, no
matplotlib, no model access (callers pass the node's ``kind`` and ``sub`` from
``analysis.graph``).
"""

from __future__ import annotations

from dataclasses import dataclass

INK = "#1d2733"
MUTED_INK = "#5b6770"
CANVAS_LIGHT = "#fbfcfd"
CANVAS_DARK = "#1e2329"
SELECTION = "#1a73e8"
HIGHLIGHT = "#f9ab00"

SHAPES = ("round_rect", "pill", "hexagon", "cylinder", "tag", "octagon")


@dataclass(frozen=True)
class NodeStyle:
    """Look of one node: colours as ``#rrggbb``, a shape name from ``SHAPES``, box size in px."""

    fill: str
    stroke: str
    shape: str
    width: float
    height: float
    text: str = INK
    stroke_width: float = 1.2
    dashed: bool = False
    bold: bool = False


@dataclass(frozen=True)
class EdgeStyle:
    """Look of one edge kind: colour, width in px, dash pattern name, arrow head at the target."""

    colour: str
    width: float
    dash: str  # "solid", "dash", "dot", "dashdot"
    arrow: bool
    label: str
    routing: str = "straight"  # "tree" (parent above child), "comb" (leaf column), "straight"


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend: a node style or an edge style with its caption."""

    caption: str
    node: NodeStyle | None = None
    edge: EdgeStyle | None = None


TEAM_SIZE = (208.0, 54.0)
LEAF_SIZE = (164.0, 34.0)

# Team kinds: one hue per discipline (grey group, blue software, green platform, amber
# automation, red SRE), strong stroke, pale fill so dark text stays readable.
TEAM_STYLES: dict[str, NodeStyle] = {
    "group": NodeStyle("#e8eaed", "#5f6368", "round_rect", *TEAM_SIZE, stroke_width=1.8, bold=True),
    "software": NodeStyle("#d2e3fc", "#1a5fc8", "round_rect", *TEAM_SIZE, stroke_width=1.8, bold=True),
    "platform": NodeStyle("#ceead6", "#137333", "round_rect", *TEAM_SIZE, stroke_width=1.8, bold=True),
    "automation": NodeStyle("#feefc3", "#b06000", "round_rect", *TEAM_SIZE, stroke_width=1.8, bold=True),
    "sre": NodeStyle("#fad2cf", "#b3261e", "round_rect", *TEAM_SIZE, stroke_width=1.8, bold=True),
}

PERSON_STYLES: dict[str, NodeStyle] = {
    "software_engineer": NodeStyle("#e8f0fe", "#1a5fc8", "pill", *LEAF_SIZE),
    "platform_engineer": NodeStyle("#e6f4ea", "#137333", "pill", *LEAF_SIZE),
    "automation_engineer": NodeStyle("#fef7e0", "#b06000", "pill", *LEAF_SIZE),
    "sre_se": NodeStyle("#fce8e6", "#b3261e", "pill", *LEAF_SIZE),
    "sre_swe": NodeStyle("#f3e8fd", "#8430ce", "pill", *LEAF_SIZE),
    "manager": NodeStyle("#f1f3f4", "#3c4043", "pill", *LEAF_SIZE, stroke_width=1.8, bold=True),
    "other": NodeStyle("#ffffff", "#80868b", "pill", *LEAF_SIZE),
}

SERVICE_STYLES: dict[str, NodeStyle] = {
    "dev": NodeStyle("#ffffff", "#1a5fc8", "hexagon", *LEAF_SIZE, stroke_width=1.4),
    "sre": NodeStyle("#fce8e6", "#b3261e", "hexagon", *LEAF_SIZE, stroke_width=2.2, bold=True),
}

PLATFORM_STYLE = NodeStyle("#ceead6", "#137333", "cylinder", *LEAF_SIZE, stroke_width=1.6, bold=True)

VERSION_STYLES: dict[str, NodeStyle] = {
    "planned": NodeStyle("#ffffff", "#80868b", "tag", *LEAF_SIZE, dashed=True),
    "development": NodeStyle("#fef7e0", "#b06000", "tag", *LEAF_SIZE),
    "released": NodeStyle("#e6f4ea", "#137333", "tag", *LEAF_SIZE),
    "production": NodeStyle("#ceead6", "#0d652d", "tag", *LEAF_SIZE, stroke_width=2.0, bold=True),
    "deprecated": NodeStyle("#fce8e6", "#b3261e", "tag", *LEAF_SIZE, dashed=True),
    "retired": NodeStyle("#f1f3f4", "#9aa0a6", "tag", *LEAF_SIZE, text=MUTED_INK, dashed=True),
}

FORUM_STYLE = NodeStyle("#fff8e1", "#e37400", "octagon", *LEAF_SIZE, stroke_width=1.6, bold=True)
FALLBACK_STYLE = NodeStyle("#ffffff", "#80868b", "round_rect", *LEAF_SIZE)

EDGE_STYLES: dict[str, EdgeStyle] = {
    "part_of": EdgeStyle("#5f6368", 1.6, "solid", False, "part of (team tree)", "tree"),
    "member_of": EdgeStyle("#9aa0a6", 1.0, "solid", False, "member of", "comb"),
    "reports_to": EdgeStyle("#5f6368", 1.0, "dot", True, "reports to"),
    "embedded_in": EdgeStyle("#e37400", 2.0, "dash", True, "embedded in"),
    "owns": EdgeStyle("#1a5fc8", 1.2, "solid", False, "owns (development)", "comb"),
    "supports": EdgeStyle("#b3261e", 1.8, "solid", True, "SRE support"),
    "runs_on": EdgeStyle("#137333", 1.0, "dash", True, "runs on"),
    "version_of": EdgeStyle("#137333", 1.0, "solid", False, "version of", "comb"),
    "builds": EdgeStyle("#34a853", 1.0, "dot", True, "builds"),
    "operates": EdgeStyle("#b3261e", 1.4, "dashdot", True, "operates (SRE-SE)"),
    "depends_on": EdgeStyle("#8430ce", 1.0, "dash", True, "depends on"),
    "represents": EdgeStyle("#e37400", 1.0, "dot", True, "represents"),
}
FALLBACK_EDGE = EdgeStyle("#9aa0a6", 1.0, "solid", False, "related")

# On the dark canvas the edge colours above are too dark to see: lighter tints of the same hues.
DARK_EDGE_COLOURS: dict[str, str] = {
    "#5f6368": "#b0b6bc",
    "#9aa0a6": "#8a9096",
    "#e37400": "#fcad70",
    "#1a5fc8": "#7cacf8",
    "#b3261e": "#f28b82",
    "#137333": "#81c995",
    "#34a853": "#81c995",
    "#8430ce": "#c58af9",
}
DARK_INK = "#e6e6e6"
DARK_PANEL = "#2b2d30"

NODE_KINDS = ("team", "person", "service", "platform", "platform_version", "forum")
EDGE_KINDS = tuple(EDGE_STYLES)
DEFAULT_EDGE_KINDS = frozenset({"part_of", "member_of", "owns", "embedded_in"})
# Edges a view shows by default depend on its layout: the org chart shows the tree and who
# belongs where (SRE support is in the service colours), the platform stack shows what runs on
# what and who operates it, the force layout shows every relation but the noisy ones.
LAYOUT_EDGE_KINDS: dict[str, frozenset[str]] = {
    "org_chart": DEFAULT_EDGE_KINDS,
    "manual": DEFAULT_EDGE_KINDS,
    "platform_stack": frozenset({"member_of", "owns", "supports", "runs_on", "operates"}),
    "force": frozenset({"part_of", "member_of", "owns", "supports", "runs_on", "version_of",
                        "operates", "embedded_in", "depends_on"}),
}

NODE_KIND_LABELS = {
    "team": "Teams",
    "person": "People",
    "service": "Services",
    "platform": "Platforms",
    "platform_version": "Platform versions",
    "forum": "Forums",
}

SUB_LABELS = {
    "group": "Group / department",
    "software": "Software team",
    "platform": "Platform team",
    "automation": "Automation team",
    "sre": "SRE team",
    "software_engineer": "Software engineer",
    "platform_engineer": "Platform engineer",
    "automation_engineer": "Automation engineer",
    "sre_se": "SRE-SE",
    "sre_swe": "SRE-SWE",
    "manager": "Manager",
    "other": "Other role",
    "dev": "Service, developer-supported",
    "sre_support": "Service, SRE-supported",
    "planned": "Version planned",
    "development": "Version in development",
    "released": "Version released",
    "production": "Version in production",
    "deprecated": "Version deprecated",
    "retired": "Version retired",
}


def node_style(kind: str, sub: str = "") -> NodeStyle:
    """The style of a node of ``kind`` ("team", "person", ...) whose ``sub`` is its role etc."""
    if kind == "team":
        return TEAM_STYLES.get(sub, TEAM_STYLES["software"])
    if kind == "person":
        return PERSON_STYLES.get(sub, PERSON_STYLES["other"])
    if kind == "service":
        return SERVICE_STYLES.get(sub, SERVICE_STYLES["dev"])
    if kind == "platform":
        return PLATFORM_STYLE
    if kind == "platform_version":
        return VERSION_STYLES.get(sub, VERSION_STYLES["planned"])
    if kind == "forum":
        return FORUM_STYLE
    return FALLBACK_STYLE


def node_size(kind: str) -> tuple[float, float]:
    """Box size (width, height) of a node of ``kind`` on the canvas, in scene units."""
    style = node_style(kind)
    return style.width, style.height


def edge_style(kind: str) -> EdgeStyle:
    return EDGE_STYLES.get(kind, FALLBACK_EDGE)


def edge_colour(style: EdgeStyle, dark: bool = False) -> str:
    """The colour to draw an edge of ``style`` with on a light or a dark canvas."""
    return DARK_EDGE_COLOURS.get(style.colour, style.colour) if dark else style.colour


def dash_pattern(dash: str, width: float = 1.0) -> tuple[float, ...]:
    """On/off lengths in px for a dash name (empty for solid), for renderers without named dashes."""
    unit = max(width, 1.0)
    patterns = {"dash": (6.0, 4.0), "dot": (1.5, 3.0), "dashdot": (6.0, 3.0, 1.5, 3.0)}
    return tuple(v * unit for v in patterns.get(dash, ()))


def legend_entries(
    node_kinds: frozenset[str] | set[str] | None = None,
    edge_kinds: frozenset[str] | set[str] | None = None,
) -> list[LegendEntry]:
    """Legend lines for the shown node and edge kinds (all when None), nodes first."""
    entries: list[LegendEntry] = []

    def show(kind: str) -> bool:
        return node_kinds is None or kind in node_kinds

    if show("team"):
        entries += [LegendEntry(SUB_LABELS[k], node=s) for k, s in TEAM_STYLES.items()]
    if show("person"):
        entries += [LegendEntry(SUB_LABELS[k], node=s) for k, s in PERSON_STYLES.items()]
    if show("service"):
        entries.append(LegendEntry(SUB_LABELS["dev"], node=SERVICE_STYLES["dev"]))
        entries.append(LegendEntry(SUB_LABELS["sre_support"], node=SERVICE_STYLES["sre"]))
    if show("platform"):
        entries.append(LegendEntry("Platform", node=PLATFORM_STYLE))
    if show("platform_version"):
        entries += [LegendEntry(SUB_LABELS[k], node=s) for k, s in VERSION_STYLES.items()]
    if show("forum"):
        entries.append(LegendEntry("Forum", node=FORUM_STYLE))
    for kind, style in EDGE_STYLES.items():
        if edge_kinds is None or kind in edge_kinds:
            entries.append(LegendEntry(style.label, edge=style))
    return entries
