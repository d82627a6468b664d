"""data/ vocabularies (contract §2) are checked like case studies."""

from __future__ import annotations

from pathlib import Path

from macros.content.vocabularies import SPECS, load_vocabularies


def test_the_bundled_vocabularies_hold_every_contract_id(project: Path) -> None:
    vocabularies, problems = load_vocabularies(project / "data", project)
    assert problems == []
    assert vocabularies is not None
    for key, (_, _, _, required) in SPECS.items():
        assert set(required) <= set(vocabularies[key].ids)
        for entry in vocabularies[key]:
            assert entry.description, f"{key}: {entry.id} needs a description"


def test_partnership_models_fill_the_two_by_two(project: Path) -> None:
    vocabularies, _ = load_vocabularies(project / "data", project)
    assert vocabularies is not None
    cells = {(m.get("expertise"), m.get("reach")): m.id for m in vocabularies.partnership_models}
    assert cells == {
        ("outside", "wider-network"): "hub-work-groups",
        ("outside", "trust-only"): "hub-led-trust-groups",
        ("within", "trust-only"): "trust-led-trust-groups",
        ("within", "wider-network"): "trust-leaders-lead-for-hub",
    }


def test_broken_vocabularies_are_reported_with_lines(project: Path) -> None:
    hubs = project / "data" / "hubs.yml"
    text = hubs.read_text().replace("id: mobius", "id: Mobius").replace("region: North East", "region: Narnia", 1)
    text += "- id: jurassic\n  name: Jurassic again\n  colour: blue\n"
    hubs.write_text(text)
    (project / "data" / "phases.yml").write_text("- id: primary\n  name: Primary\n")
    vocabularies, problems = load_vocabularies(project / "data", project)
    assert vocabularies is None
    messages = [str(problem) for problem in problems]
    assert any(m.startswith("data/hubs.yml:") and "'Mobius' is not a kebab-case id" in m for m in messages)
    assert any("region: 'Narnia' is not one of:" in m for m in messages)
    assert any("id: 'jurassic' is used twice (also on line" in m for m in messages)
    assert any("colour: unknown key 'colour'" in m for m in messages)
    assert "data/phases.yml:1: id: the contract's id 'secondary' is missing — add an entry for it" in messages


def test_a_missing_vocabulary_file(project: Path) -> None:
    (project / "data" / "types.yml").unlink()
    _, problems = load_vocabularies(project / "data", project)
    assert [str(p) for p in problems] == [
        "data/types.yml:1: file: is missing — every vocabulary in data/ is needed to check case studies"
    ]
