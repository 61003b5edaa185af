"""Any name or id a user can type gives well-formed GraphML, yEd GraphML and GEXF."""

from __future__ import annotations

import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.core.entities import Organisation, Person, Team
from orgmodel.core.kinds import TeamKind
from orgmodel.core.model import OrgModel
from orgmodel.interop.gexf import write_gexf
from orgmodel.interop.graphml import write_graphml, write_yed_graphml, xml_text

TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=16).filter(
    lambda s: s.strip() != ""
)


def _model(names: list[str]) -> OrgModel:
    model = OrgModel(Organisation(names[0]))
    for i, name in enumerate(names):
        model.add(Team(f"team{i}:{name}", name, TeamKind.SOFTWARE))
        model.add(Person(f"p{i}", name, team=f"team{i}:{name}"))
    return model


@settings(max_examples=30, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=4, unique=True))
def test_xml_exports_stay_well_formed(names: list[str]) -> None:
    model = _model(names)
    with tempfile.TemporaryDirectory() as folder:
        for name, write in [
            ("a.graphml", write_graphml),
            ("b.graphml", write_yed_graphml),
            ("c.gexf", write_gexf),
        ]:
            path = Path(folder) / name
            write(model, path)
            ET.parse(path)  # well-formed XML
            graph = nx.read_gexf(path) if name.endswith("gexf") else nx.read_graphml(path)
            assert graph.number_of_nodes() == 2 * len(names)
            assert graph.number_of_edges() == len(names)
            label = graph.nodes["p0"]["label"]
            expected = xml_text(names[0])
            # XML parsers turn a bare carriage return in element text into a line feed
            assert label == expected or label == expected.replace("\r\n", "\n").replace("\r", "\n")


def test_xml_text_replaces_only_forbidden_characters() -> None:
    assert xml_text("a\x00b\x1fc\td\ne\ufffeé😀") == "a\ufffdb\ufffdc\td\ne\ufffdé😀"
