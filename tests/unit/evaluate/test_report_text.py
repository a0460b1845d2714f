"""The printed report and its JSON twin, on one crafted article."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasad.evaluate.report import headline, render, report_data, write_report
from rasad.evaluate.scorer import score

TEXT = "حمله پهپادی به خودرویی در صور؛ یک نفر کشته شد."
GOLD: dict[str, Any] = {
    "events": [
        {
            "id": "E1",
            "what": "Drone strike in Tyre",
            "required": True,
            "type": "ASSAULT",
            "timing": "current",
            "fatalities": 1,
        },
        {"id": "E2", "what": "Protest in Beirut", "required": True, "type": "PROTEST", "timing": "current"},
    ],
    "entities": [{"kind": "LOC", "text": "صور"}],
}
DOCUMENT: dict[str, Any] = {
    "text": TEXT,
    "mentions": [{"kind": "PLACE", "start": TEXT.index("صور"), "end": TEXT.index("صور") + 3}],
    "events": [
        {"type": "ASSAULT", "timing": "current", "fatalities": 2, "acled": None},
        {
            "type": "COERCE",
            "timing": "current",
            "date": {"value": "2024-04-21"},
            "location": {"name": "Tyre"},
            "evidence": [{"start": 0, "end": 4}],
        },
    ],
}


def test_render_report() -> None:
    result = score([("a", GOLD, DOCUMENT)])
    lines = render(result, ["x.gold.json: broken"]).splitlines()
    assert lines[0] == headline(result.events)
    assert lines[0] == (
        "events P=0.500 R=0.500 F1=0.500  (predicted 2, matched 1; required gold 2, found 1; optional found 0)"
    )
    assert lines[2:7] == [
        "type     gold  pred  found      P      R     F1",
        "-------  ----  ----  -----  -----  -----  -----",
        "ASSAULT     1     1      1  1.000  1.000  1.000",
        "COERCE      0     1      0  0.000  0.000  0.000",
        "PROTEST     1     0      0  0.000  0.000  0.000",
    ]
    assert "fatalities                0       1     0.000" in lines
    assert "actor1                    0       0         -" in lines
    assert "mention recall 1.000 (1/1)" in lines
    assert lines[lines.index("per article: misses and false alarms") + 1 :][:4] == [
        "a",
        "  miss   E2 PROTEST: Protest in Beirut",
        "  false  #1 COERCE (2024-04-21, Tyre) «حمله»",
        "  wrong  E1 ASSAULT (prediction #0): fatalities",
    ]
    assert "  x.gold.json: broken" in lines
    assert lines[-1] == "1 articles: events P=0.500 R=0.500 F1=0.500, mention recall 1.000"


def test_json_report(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    write_report(path, report_data(score([("a", GOLD, DOCUMENT)]), ["gold"], ["p"]))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["sources"], data["problems"]) == ("rasad.eval/1", ["gold"], ["p"])
    assert data["events"] == {
        "predicted": 2,
        "predicted_matched": 1,
        "required": 2,
        "required_matched": 1,
        "optional_matched": 0,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }
    assert data["arguments"]["fatalities"] == {"right": 0, "total": 1, "accuracy": 0.0}
    assert data["articles"][0]["matches"][0]["arguments"]["fatalities"] is False
    assert data["articles"][0]["false_alarms"][0]["evidence"] == "حمله"
