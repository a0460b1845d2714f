"""Source names in English for English readers: outlets the knowledge base knows, by any Persian form.

«تسنیم» → «Tasnim News Agency». An outlet the knowledge base does not know keeps
the name it was given. The lookup is built once, from the media actors
(knowledge/data/actors/media.yaml); without the knowledge base names pass unchanged.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from rasad.normalize import fold

log = logging.getLogger(__name__)


def _key(name: str) -> str:
    return " ".join(fold(name).split())


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    try:
        from rasad.knowledge.loader import load_knowledge

        kb = load_knowledge([])
    except Exception as error:  # the export must work even if the knowledge base cannot load
        log.warning("outlet names stay as given: %s", error)
        return {}
    names: dict[str, str] = {}
    for actor in kb.actors.values():
        if actor.kind != "media":
            continue
        for form in (*actor.fa, *actor.en, actor.name):
            names.setdefault(_key(form), actor.name)
    return names


def english_name(name: str) -> str:
    """The outlet's English name when known, else `name` itself."""
    if name.isascii():
        return name
    return _english_names().get(_key(name), name)
