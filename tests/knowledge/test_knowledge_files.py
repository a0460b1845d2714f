"""Every shipped knowledge file loads and validates; bad files give errors naming file and entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.knowledge.loader import SHIPPED, load_knowledge
from rasad.knowledge.schema import KnowledgeError
from rasad.knowledge.variants import skeleton, variants
from rasad.normalize import fold, normalize_text


def test_shipped_knowledge_loads() -> None:
    kb = load_knowledge()
    assert len(kb.countries) >= 190
    assert len(kb.places) >= 300
    assert len(kb.people) >= 150
    assert len(kb.weapons) >= 25
    assert {"attack", "explosion", "arrest", "protest"} <= set(kb.triggers)
    assert kb.countries["IRQ"].name == "Iraq"
    assert "usa" not in kb.actors  # ids are not bare country codes


def test_every_shipped_yaml_and_tsv_is_read() -> None:
    files = [p for p in SHIPPED.rglob("*") if p.suffix in (".yaml", ".tsv")]
    assert files, "no knowledge files shipped"
    kb = load_knowledge()
    assert kb.sources == (str(SHIPPED),)


def test_user_folder_overrides_by_id(tmp_path: Path) -> None:
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "mine.yaml").write_text(
        "- id: my-militia\n  name: My Militia\n  kind: militia\n  country: IRQ\n  inter: 3\n  fa: [گروهک آزمایشی]\n",
        encoding="utf-8",
    )
    (tmp_path / "places").mkdir()
    (tmp_path / "places" / "sites-extra.tsv").write_text(
        "id\tname\tfa\tkind\tcountry\tadmin1\tlat\tlon\nmy-village\tMy Village\tروستای آزمایشی\tvillage\tIRN\tFars\t29.5\t52.5\n",
        encoding="utf-8",
    )
    kb = load_knowledge([tmp_path])
    assert kb.actors["my-militia"].fa == ("گروهک آزمایشی",)
    assert kb.places["my-village"].lat == 29.5


def test_an_international_body_has_its_seat() -> None:
    kb = load_knowledge()
    assert kb.actors["eu"].seat == "BEL"
    assert kb.actors["eu"].country is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- id: Bad Id\n  name: x\n  kind: militia\n  inter: 3\n  fa: [x]\n", "must be lowercase"),
        ("- id: x\n  name: x\n  kind: wizard\n  inter: 3\n  fa: [x]\n", "kind 'wizard'"),
        ("- id: x\n  name: x\n  kind: militia\n  inter: 9\n  fa: [x]\n", "inter must be"),
        ("- id: x\n  name: x\n  kind: militia\n  inter: 3\n", "missing fa"),
        ("- id: x\n  name: x\n  kind: militia\n  inter: 3\n  fa: [x]\n  colour: red\n", "unknown keys colour"),
        ("- id: x\n  name: x\n  kind: militia\n  country: Iraq\n  inter: 3\n  fa: [x]\n", "ISO 3166"),
        ("- id: x\n  name: x\n  kind: igo\n  seat: Brussels\n  inter: 8\n  fa: [x]\n", "ISO 3166"),
        ("- id: x\n  name: x\n  kind: militia\n  inter: 3\n  fa: [x]\n- id: x\n  name: y\n  kind: militia\n  inter: 3\n  fa: [y]\n", "duplicate id"),
        ("key: [unclosed\n", "not valid YAML"),
    ],
)
def test_bad_actor_file_names_file_and_entry(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "bad.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_knowledge([tmp_path])
    assert "bad.yaml" in str(error.value)
    assert message in str(error.value)


def test_bad_tsv_row_names_line(tmp_path: Path) -> None:
    (tmp_path / "places").mkdir()
    (tmp_path / "places" / "sites.tsv").write_text(
        "id\tname\tfa\tkind\tcountry\tadmin1\tlat\tlon\nok\tOk\tاوکی\tvillage\tIRN\t\t30\t50\nbad\tBad\tبد\tvillage\tIRN\t\tnorth\t50\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match=r"sites.tsv line 3: lat/lon must be numbers"):
        load_knowledge([tmp_path])


def test_variants_generate_spellings() -> None:
    keys = variants("حزب‌الله", normalize_text)
    assert fold("حزب الله") in keys and fold("حزبالله") in keys
    keys = variants("دیرالزور", normalize_text)
    assert "دیر الزور" in keys
    keys = variants("الحشد الشعبی", normalize_text)
    assert "حشد الشعبی" in keys and "حشد شعبی" in keys
    assert skeleton(fold("زمار")) == skeleton(fold("ذمار"))


def test_site_owners_are_set_and_checked(tmp_path: Path) -> None:
    kb = load_knowledge()
    assert kb.places["nevatim-air-base"].owner == "isr-military"
    assert kb.places["ain-al-asad-air-base"].owner == "usa-military"
    (tmp_path / "places").mkdir()
    (tmp_path / "places" / "site_owners.yaml").write_text("- site: no-such-base\n  owner: usa-military\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"site_owners.yaml entry 1: unknown site 'no-such-base'"):
        load_knowledge([tmp_path])
    (tmp_path / "places" / "site_owners.yaml").write_text("- site: nevatim-air-base\n  owner: nobody\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"unknown actor 'nobody'"):
        load_knowledge([tmp_path])
