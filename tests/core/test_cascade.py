"""removal_plan: what goes with an entity, in an order the model accepts, undoable in reverse."""

from __future__ import annotations

from orgmodel.core.cascade import Step, removal_plan
from orgmodel.core.entities import Person, Team
from orgmodel.core.kinds import Support
from orgmodel.core.model import OrgModel


def apply(model: OrgModel, steps: list[Step]) -> list[int]:
    indices = []
    for step in steps:
        if step.action == "update":
            model.update(step.new)
        else:
            indices.append(model.remove(step.old.id)[1])
    return indices


def revert(model: OrgModel, steps: list[Step], indices: list[int]) -> None:
    positions = iter(reversed(indices))
    for step in reversed(steps):
        if step.action == "update":
            model.update(step.old)
        else:
            model.add(step.old, next(positions))


def removed(steps: list[Step]) -> list[str]:
    return [s.old.id for s in steps if s.action == "remove"]


def test_plan_leaves_the_model_alone(model: OrgModel) -> None:
    before = model.snapshot()
    removal_plan(model, "eng")
    assert model.snapshot() == before


def test_team_plan_removes_what_hangs_on_it_and_clears_the_rest(model: OrgModel) -> None:
    steps = removal_plan(model, "pay")
    assert set(removed(steps)) == {"pay", "bob", "cy", "ledger", "web", "e1", "web->ledger"}
    assert removed(steps)[-1] == "pay"
    updates = {s.old.id: s.new for s in steps if s.action == "update"}
    assert set(updates) == {"sos"} and updates["sos"].representatives == ()
    assert [s.action for s in steps] == ["update"] + ["remove"] * 7


def test_sre_team_plan_hands_services_back(model: OrgModel) -> None:
    steps = removal_plan(model, "sre")
    updates = {s.old.id: s.new for s in steps if s.action == "update"}
    assert updates["ledger"].support is Support.DEV and updates["ledger"].sre_team is None
    assert updates["k8s-3"].production_owner is None
    assert removed(steps) == ["sre"]


def test_person_plan_clears_manager_and_seat(model: OrgModel) -> None:
    steps = removal_plan(model, "bob")
    updates = {s.old.id: s.new for s in steps if s.action == "update"}
    assert updates["cy"].manager is None and updates["sos"].representatives == ()
    assert removed(steps) == ["bob"]


def test_plans_apply_in_order_and_revert_exactly(model: OrgModel) -> None:
    for entity_id in [e.id for e in model.entities()]:
        before = model.snapshot()
        steps = removal_plan(model, entity_id)
        indices = apply(model, steps)
        assert entity_id not in model
        revert(model, steps, indices)
        assert model.snapshot() == before, entity_id


def test_each_entity_is_removed_after_everything_referring_to_it(model: OrgModel) -> None:
    steps = removal_plan(model, "eng")
    order = removed(steps)
    assert len(order) == len(set(order)) == 14  # all 17 but the forum and the two views
    position = {entity_id: i for i, entity_id in enumerate(order)}
    for entity_id in order:
        for user, _ in model.referrers(entity_id):
            if user.id in position:
                assert position[user.id] < position[entity_id]


def test_long_reporting_chain_needs_no_recursion() -> None:
    model = OrgModel()
    model.add(Team("t", "T"))
    previous = None
    for i in range(1500):  # deeper than the recursion limit (1000)
        model.add(Person(f"p{i}", f"P{i}", team="t", manager=previous))
        previous = f"p{i}"
    steps = removal_plan(model, "t")
    assert removed(steps)[0] == "p1499" and removed(steps)[-1] == "t"
    apply(model, steps)
    assert len(model) == 0
