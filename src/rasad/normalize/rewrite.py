"""Apply a list of edits to a text and record them as an offset layer."""

from __future__ import annotations

from rasad.model import Edit, OffsetLayer

# (old_start, old_end, replacement) in the coordinates of the text being edited.
TextEdit = tuple[int, int, str]


def apply_edits(text: str, edits: list[TextEdit]) -> tuple[str, OffsetLayer]:
    """Return the edited text and the layer that maps its offsets back.

    Edits must be sorted and must not overlap; an edit that changes nothing is skipped.
    """
    pieces: list[str] = []
    recorded: list[Edit] = []
    cursor = 0
    shift = 0
    for old_start, old_end, replacement in edits:
        if old_start < cursor:
            raise ValueError(f"overlapping edit at {old_start}")
        if text[old_start:old_end] == replacement:
            continue
        pieces.append(text[cursor:old_start])
        pieces.append(replacement)
        new_start = old_start + shift
        recorded.append(Edit(old_start, old_end, new_start, new_start + len(replacement)))
        shift += len(replacement) - (old_end - old_start)
        cursor = old_end
    if not recorded:
        return text, OffsetLayer.of([])
    pieces.append(text[cursor:])
    return "".join(pieces), OffsetLayer.of(recorded)
