"""Second names of a name already found: an alias in brackets, an outlet's short name in an attribution.

- «خبرگزاری رسمی فلسطین (وفا)», «سازمان اطلاعات ترکیه (میت)», «زندان غویران (الصناعه)»: a name in
  brackets right after an organization, outlet or place is another name of it — same kind and ref;
- «به گزارش شرق،», «به گزارش روزنامه پاکستانی داون،»: after an attribution cue, the short name of a
  known outlet («شرق» of «روزنامه شرق») is that outlet. Outside an attribution these short names are
  common words («شرق», «اعتماد», «وام») and are not looked for.

    short = OutletShortNames.from_knowledge(kb)
    short(text, mentions) + bracket_aliases(text, mentions)  # → more mentions
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasad.knowledge.loader import KnowledgeBase
from rasad.model import Mention
from rasad.normalize.letters import fold
from rasad.recognize.lookup import key, word_start

# «(وفا)», «( UKMTO )»: one to three words of letters in brackets.
_BRACKETED = re.compile(r" ?\( ?([^\W\d_]+(?:[ \u200c\-][^\W\d_]+){0,2}) ?\)")
# Religious marks and other short bracketed words that are no names: «(ع)», «(ره)», «(عج)».
_MARKS = frozenset({"ع", "ره", "س", "ص", "عج", "رض", "قدسسره", "ها"})
_ALIASED = ("ACTOR", "OUTLET", "PLACE")

# Words that name an outlet's kind before its name: «روزنامه کیهان», «خبرگزاری فارس».
OUTLET_HEADS = ("روزنامه", "خبرگزاری", "شبکه", "پایگاه خبری", "پایگاه اطلاع‌رسانی", "هفته‌نامه", "سایت", "تلویزیون")
# An attribution cue, an outlet head with one describing word or a reporter, then the name and a
# comma, colon or line end: «به گزارش شرق،», «به گزارش روزنامه پاکستانی داون،», «به گزارش خبرنگار شرق،».
_CUES = ("به گزارش", "به نقل از", "به نوشته", "طبق گزارش", "بنا بر گزارش", "بنابر گزارش")
_BEFORE_NAME = ("خبرنگار", "خبرنگاران", "گزارشگر")
_NAME = r"([^\W\d_]+(?:[ \u200c][^\W\d_]+){0,2})"
_ATTRIBUTION = re.compile(
    rf"{word_start([(cue, '') for cue in _CUES])} "
    rf"(?:(?:{'|'.join(fold(h) for h in OUTLET_HEADS)})(?: [^\W\d_]+)? |(?:{'|'.join(_BEFORE_NAME)}) )?"
    rf"{_NAME} ?(?=[،,:؛]|$)",
    re.MULTILINE,
)


def bracket_aliases(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names in brackets right after an organization, outlet or place: another name of the same one."""
    found: list[Mention] = []
    for mention in mentions:
        if mention.kind not in _ALIASED or mention.data.get("inside") or not _named(mention):
            continue
        match = _BRACKETED.match(text, mention.end)
        if match is None or key(match.group(1)) in _MARKS or len(key(match.group(1))) < 2:
            continue
        start, end = match.span(1)
        if mention.kind == "PLACE" and match.group(1).isascii():
            continue  # «… بریتانیا (UKMTO)»: a Latin acronym after a place names the organization around it
        if any(m.start < end and start < m.end for m in mentions):
            continue  # already something else: «(پنجشنبه)», «(ایرنا)»
        found.append(Mention(mention.kind, start, end, mention.ref, {**mention.data, "alias": True}))
    return found


def _named(mention: Mention) -> bool:
    """A name, not a bare force noun or a description («نیروهای», «معترضان»)."""
    if mention.kind == "PLACE":
        return True
    return (mention.ref is not None or bool(mention.data.get("org_source"))) and not mention.data.get("generic")


@dataclass(frozen=True)
class OutletShortNames:
    """Short names of the knowledge base's outlets («شرق» of «روزنامه شرق»), by look-up key."""

    names: dict[str, str]  # short name key → outlet (actor) id
    data: dict[str, dict[str, object]]  # outlet id → the mention data of the outlet

    @classmethod
    def from_knowledge(cls, kb: KnowledgeBase) -> OutletShortNames:
        heads = sorted((fold(h) for h in OUTLET_HEADS), key=len, reverse=True)
        names: dict[str, str] = {}
        data: dict[str, dict[str, object]] = {}
        for actor in kb.actors.values():
            if actor.kind != "media":
                continue
            data[actor.id] = {"name": actor.name, "country": actor.country, "kind": actor.kind, "inter": actor.inter}
            for form in actor.fa:
                folded = " ".join(fold(form).split())
                head = next((h for h in heads if folded.startswith(h + " ")), None)
                rest = folded[len(head) + 1 :] if head else folded
                if len(key(rest)) >= 2:
                    names.setdefault(key(rest), actor.id)
        return cls(names, data)

    def __call__(self, text: str, mentions: list[Mention], folded: str | None = None) -> list[Mention]:
        """OUTLET mentions for short outlet names right after an attribution cue in normalized `text`.

        `folded`: `fold(text)` when the caller has it.
        """
        folded = fold(text) if folded is None else folded
        found: list[Mention] = []
        for match in _ATTRIBUTION.finditer(folded):
            start, end = match.span(1)
            outlet = self.names.get(key(match.group(1)))
            if outlet is None or any(m.start < end and start < m.end for m in mentions):
                continue
            found.append(Mention("OUTLET", start, end, outlet, {**self.data[outlet], "short_name": True}))
        return found
