"""The organisation as a ``networkx.MultiDiGraph``: for diagrams, layouts, exports and graph queries.

``build_graph(model)`` makes one node per team, person, service, platform, platform version and
forum (node id = entity id; attributes ``kind``, ``label`` and ``sub``, which is the team kind,
the person's role, the service's support ``dev``/``sre``, the platform kind, the version status,
or ``forum``; extras: team ``sites``/``has_oncall``, person ``fte``/``location``, service
``tier``/``architecture``, version ``version``) and one edge per relation, with attribute
``kind``. Edges always point from the entity that holds the reference to the one it names:

- ``member_of``: person -> home team (``Person.team``).
- ``part_of``: team -> parent team (``Team.parent``).
- ``reports_to``: person -> manager (``Person.manager``).
- ``embedded_in``: person -> host team, one edge per embed (``embed`` id, ``start``/``end`` ISO
  dates or "" when open, ``purpose``); the edge key is the embed id.
- ``owns``: team -> service it develops and owns in production (``Service.owner``), and platform
  team -> platform (``Platform.owner``).
- ``supports``: SRE team -> service it supports (``Service.sre_team`` when support is ``sre``).
- ``runs_on``: service -> platform version (``Service.platform_version``).
- ``version_of``: platform version -> platform.
- ``builds``: the team owning a platform -> each version of that platform (platform engineering
  designs, builds and releases every version of its product, whoever runs it in production).
- ``operates``: SRE team -> platform version it owns in production (``production_owner``, the
  SRE-SE hand-off).
- ``depends_on``: service -> service it depends on.
- ``represents``: person -> forum, one edge per represented team (``team`` attribute = team id).

Edge keys are the edge kind (or the embed id / ``represents:<team>``), so parallel edges of
different kinds coexist. Attribute values are plain str/int/float/bool (never None), so the graph
writes to GraphML and GEXF as is. Not for rules or metrics: those read the model directly and do
not need networkx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orgmodel.analysis.relations import all_relations, version_label
from orgmodel.core.model import OrgModel

if TYPE_CHECKING:
    import networkx as nx

NODE_KINDS = ("team", "person", "service", "platform", "platform_version", "forum")
EDGE_KINDS = (
    "member_of",
    "part_of",
    "reports_to",
    "embedded_in",
    "owns",
    "supports",
    "runs_on",
    "version_of",
    "builds",
    "operates",
    "depends_on",
    "represents",
)


def build_graph(model: OrgModel) -> nx.MultiDiGraph:
    """A new MultiDiGraph of the model (see the module docstring for nodes and edges)."""
    import networkx as nx

    graph = nx.MultiDiGraph(name=model.organisation.name)
    _add_nodes(model, graph)
    _add_edges(model, graph)
    return graph


def _add_nodes(model: OrgModel, graph: nx.MultiDiGraph) -> None:
    for team in model.teams.values():
        graph.add_node(
            team.id,
            kind="team",
            label=team.name,
            sub=team.kind.value,
            sites=team.sites,
            has_oncall=team.has_oncall,
        )
    for person in model.people.values():
        graph.add_node(
            person.id,
            kind="person",
            label=person.name,
            sub=person.role.value,
            fte=person.fte,
            location=person.location,
        )
    for service in model.services.values():
        graph.add_node(
            service.id,
            kind="service",
            label=service.name,
            sub=service.support.value,
            tier=service.tier,
            architecture=service.architecture.value,
        )
    for platform in model.platforms.values():
        graph.add_node(platform.id, kind="platform", label=platform.name, sub=platform.kind.value)
    for version in model.platform_versions.values():
        graph.add_node(
            version.id,
            kind="platform_version",
            label=version_label(model, version),
            sub=version.status.value,
            version=version.version,
        )
    for forum in model.forums.values():
        graph.add_node(forum.id, kind="forum", label=forum.name, sub="forum")


def _add_edges(model: OrgModel, graph: nx.MultiDiGraph) -> None:
    """One edge per relation (``analysis.relations``), with embeds' and seats' attributes."""
    for holder, source, target, kind, key in all_relations(model):
        attrs: dict[str, str] = {}
        if kind == "embedded_in":
            embed = model.embeds[holder]
            attrs = {"embed": embed.id, "purpose": embed.purpose,
                     "start": embed.start.isoformat() if embed.start else "",
                     "end": embed.end.isoformat() if embed.end else ""}
        elif kind == "represents":
            attrs = {"team": key.removeprefix("represents:")}
        graph.add_edge(source, target, key=key, kind=kind, **attrs)
