"""Attributions: who reported it — «به گزارش X»، «به نقل از X»، «به گفته X»، «X اعلام کرد»,
chains («رویترز به نقل از یک مقام آمریکایی») and anonymous sources («یک منبع امنیتی عراقی»).

SOURCE mentions may overlap the OUTLET/ACTOR/PERSON mention they name; `data` says
who the source is (`ref` of the named mention, or `anonymous`) and `via` links a
chain to the source it quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rasad.knowledge.yamlfile import load_yaml
from rasad.model import Mention
from rasad.normalize import fold
from rasad.recognize.lookup import word_start

DATA_FILE = Path(__file__).parent / "data" / "sources.yaml"
_NAMED = ("OUTLET", "ACTOR", "PERSON")


@dataclass(frozen=True)
class SourceRecognizer:
    """Compiled attribution patterns from `recognize/data/sources.yaml`."""

    cue_before: re.Pattern[str]
    verb_after: re.Pattern[str]
    anonymous: re.Pattern[str]
    agent_before: re.Pattern[str]

    @classmethod
    def load(cls, path: Path = DATA_FILE) -> SourceRecognizer:
        with open(path, encoding="utf-8") as handle:
            data = load_yaml(handle)

        def longest_first(forms: list[str | int]) -> list[str]:
            return sorted({" ".join(fold(str(f)).split()) for f in forms}, key=len, reverse=True)

        def alternation(forms: list[str | int]) -> str:
            return "|".join(re.escape(k) for k in longest_first(forms))

        # «(یک) منبع (امنیتی عراقی)»: a count, when there is one, then the noun (as `(?:count )?` would)
        nouns = rf"(?:{alternation(data['anonymous_nouns'])})"
        after_noun = rf"(?: (?:{alternation(data['anonymous_modifiers'])}))*(?![\w])"
        anonymous = word_start(
            [(count, f" {nouns}{after_noun}") for count in longest_first(data["counts"])]
            + [(noun, after_noun) for noun in longest_first(data["anonymous_nouns"])]
        )
        return cls(
            cue_before=re.compile(word_start([(cue, "") for cue in longest_first(data["cues_before"])]) + " $"),
            verb_after=re.compile(rf"^,? ?(?:{alternation(data['verbs_after'])})(?![\w])"),
            anonymous=re.compile(anonymous),
            agent_before=re.compile(rf"(?:{alternation(data['agents_before'])})\s*$"),
        )

    def __call__(self, text: str, named: list[Mention], folded: str | None = None) -> list[Mention]:
        """SOURCE mentions for attributions in `text`, given the named mentions found there.

        `folded`: `fold(text)` when the caller has it already.
        """
        if folded is None or len(folded) != len(text):
            folded = fold(text)
        found: list[Mention] = []
        anonymous = [
            Mention("SOURCE", m.start(), m.end(), None, {"anonymous": True})
            for m in self.anonymous.finditer(folded)
        ]
        # a source is a named outlet, body or person (not «پایگاه» or «خبرنگار»), or an anonymous one
        candidates = [
            m for m in named if m.kind in _NAMED and m.ref and not m.data.get("generic") and not m.data.get("inside")
        ] + anonymous
        for mention in sorted(candidates, key=lambda m: m.start):
            before = folded[max(0, mention.start - 16) : mention.start]
            after = folded[mention.end : mention.end + 24]
            if self.agent_before.search(before):
                continue  # «... از سوی نظامیان سعودی خبر دادند»: who did it, not who tells it
            if self.cue_before.search(before) or self.verb_after.search(after):
                data = dict(mention.data) if mention.kind == "SOURCE" else {**mention.data, "ref": mention.ref, "kind": mention.kind}
                found.append(Mention("SOURCE", mention.start, mention.end, mention.ref, data))
        # a source inside a longer one («مقام آمریکایی» in «یک مقام آمریکایی») is the same source
        outer = [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in found)]
        return _chain(outer, folded)


def _chain(sources: list[Mention], folded: str) -> list[Mention]:
    """«X به نقل از Y»: X reports via Y."""
    chained: list[Mention] = []
    for index, source in enumerate(sources):
        following = sources[index + 1] if index + 1 < len(sources) else None
        if following is not None and folded[source.end : following.start].strip() in ("به نقل از", "از قول"):
            via = folded[following.start : following.end]
            source = Mention(source.kind, source.start, source.end, source.ref, {**source.data, "via": via})
        chained.append(source)
    return chained
