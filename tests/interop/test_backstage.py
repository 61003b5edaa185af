"""Backstage catalog import and export, on Backstage's own example catalog and on broken input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from orgmodel.core.errors import FormatError
from orgmodel.core.kinds import Role, Support, TeamKind
from orgmodel.interop.backstage_export import dumps_backstage, write_backstage
from orgmodel.interop.backstage_import import import_backstage
from orgmodel.interop.backstage_refs import orgmodel_id, parse_ref, valid_name

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "backstage-examples"
BAD = Path(__file__).resolve().parents[1] / "data" / "backstage-bad"

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is not beside the project")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("team-a", ("group", "default", "team-a")),
        ("user:guest", ("user", "default", "guest")),
        ("default/team-a", ("group", "default", "team-a")),
        ("group:development/team-x", ("group", "development", "team-x")),
    ],
)
def test_every_reference_form(text: str, expected: tuple[str, str, str]) -> None:
    ref = parse_ref(text, "group")
    assert ref is not None and (ref.kind, ref.namespace, ref.name) == expected


def test_names_and_ids_keep_namespaces_apart() -> None:
    assert not valid_name("invalid component") and valid_name("team-e-big-name")
    a, b = parse_ref("user:guest", None), parse_ref("user:development/guest", None)
    assert a and b and orgmodel_id(a) != orgmodel_id(b)


def test_all_yaml_together_with_acme_corp() -> None:
    model, report = import_backstage(SHARED / "all.yaml", SHARED / "acme-corp.yaml")
    assert model.organisation.name == "ACME Corp"
    assert len(model.teams) == 8 and len(model.people) == 17 and len(model.services) == 12
    # The tree from parent and children fields.
    assert model.teams["group:team-a"].parent == "group:backstage"
    assert model.teams["group:infrastructure"].parent == "group:acme-corp"
    assert model.teams["group:team-a"].kind is TeamKind.SOFTWARE
    assert model.teams["group:acme-corp"].kind is TeamKind.GROUP
    # Namespaces kept apart: two users called guest.
    assert {"user:guest", "user:development/guest"} <= set(model.people)
    assert model.people["user:development/guest"].team == "group:team-a"
    # Components with their owners; systems, domains and APIs as tags.
    artist = model.services["component:artist-lookup"]
    assert artist.owner == "group:team-a"
    assert "system:artist-engagement-portal" in artist.tags
    assert any(t.startswith("domain:") for t in artist.tags)
    text = "\n".join(report.lines())
    # The owner that does not resolve is reported by name and line, not guessed.
    assert "playback-order-component.yaml:12: owner 'guest'" in text
    assert model.services["component:playback-order"].owner is None
    assert "type 'library' skipped" in text
    assert report.taken["services"] == 12


def test_whole_folder_passes_over_openapi_files_and_invalid_names() -> None:
    model, report = import_backstage(SHARED)
    text = "\n".join(report.lines())
    assert "petstore.oas.yaml: not a catalog file" in text
    assert "'invalid component' skipped: not a valid Backstage name" in text
    assert model.services["component:alternative/different-namespace"].owner == "group:team-a"
    assert "group:team-e" in model.teams


def test_second_membership_becomes_an_embed_only_when_asked(tmp_path: Path) -> None:
    catalog = tmp_path / "c.yaml"
    catalog.write_text(
        "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: a}\nspec: {type: team}\n---\n"
        "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: b}\nspec: {type: team}\n---\n"
        "apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: {name: ada}\nspec: {memberOf: [a, b]}\n"
    )
    model, report = import_backstage(catalog)
    assert not model.embeds and "second membership" in "\n".join(report.lines())
    model, _ = import_backstage(catalog, embeds_from_memberships=True)
    (embed,) = model.embeds.values()
    assert (embed.person, embed.host) == ("user:ada", "group:b")


def test_annotations_carry_sre_support_and_platform_version(tmp_path: Path) -> None:
    catalog = tmp_path / "c.yaml"
    catalog.write_text(
        "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: sre\n"
        "  annotations: {orgmodel.io/team-kind: sre}\nspec: {type: team}\n---\n"
        "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: pay}\nspec: {type: team}\n---\n"
        "apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: {name: sam}\nspec: {memberOf: [sre]}\n---\n"
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: checkout\n  annotations:\n"
        "    orgmodel.io/support: sre\n    orgmodel.io/sre-team: sre\n    orgmodel.io/tier: '1'\n"
        "    orgmodel.io/platform-version: kubernetes@1.29\nspec: {type: service, owner: pay}\n"
    )
    model, _ = import_backstage(catalog)
    checkout = model.services["component:checkout"]
    assert checkout.support is Support.SRE and checkout.sre_team == "group:sre" and checkout.tier == 1
    assert model.platform_versions[checkout.platform_version].version == "1.29"
    assert model.people["user:sam"].role is Role.SRE_SE


def test_export_imports_back_with_the_same_organisation(tmp_path: Path) -> None:
    model, _ = import_backstage(SHARED / "all.yaml", SHARED / "acme-corp.yaml")
    out = tmp_path / "catalog.yaml"
    write_backstage(model, out)
    again, _ = import_backstage(out)
    assert set(again.teams) == set(model.teams) and set(again.people) == set(model.people)
    assert set(again.services) == set(model.services)
    assert {t.id: t.parent for t in again.teams.values()} == {t.id: t.parent for t in model.teams.values()}
    assert {s.id: s.owner for s in again.services.values()} == {s.id: s.owner for s in model.services.values()}
    assert "orgmodel.io/team-kind" in dumps_backstage(model)


@pytest.mark.parametrize("name", sorted(p.name for p in BAD.glob("*.yaml")))
def test_bad_catalogs_are_refused_with_file_and_line_and_left_intact(name: str) -> None:
    path = BAD / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(FormatError) as caught:
        import_backstage(path)
    message = str(caught.value)
    assert name in message and "\n" not in message
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_malformed_yaml_names_the_line() -> None:
    with pytest.raises(FormatError, match=r"malformed\.yaml:\d+: malformed YAML"):
        import_backstage(BAD / "malformed.yaml")
    with pytest.raises(FormatError, match="cycle"):
        import_backstage(BAD / "cycle.yaml")
