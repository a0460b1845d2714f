"""The pipeline: normalize, then each Doc → Doc stage in order; one article's failure is a Problem."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from rasad.config import Settings
from rasad.errors import InputError
from rasad.model import Article, Doc, Problem
from rasad.normalize import Normalizer

log = logging.getLogger(__name__)

Stage = Callable[[Doc], Doc]


@dataclass
class Pipeline:
    """Normalizer plus the later stages. Build once (it holds the loaded knowledge) and reuse."""

    normalizer: Normalizer = field(default_factory=Normalizer)
    stages: list[tuple[str, Stage]] = field(default_factory=list)

    def __call__(self, article: Article) -> Doc:
        doc = self.normalizer(article)
        for _name, stage in self.stages:
            doc = stage(doc)
        return doc

    def run(self, article: Article) -> Doc | Problem:
        """The Doc, or a Problem naming the article if any stage failed (never raises)."""
        try:
            return self(article)
        except Exception as error:  # one article must never stop a batch
            log.exception("pipeline failed on %s", article.origin or article.id)
            return InputError("E130", f"{type(error).__name__}: {error}").problem(article.origin or article.id, "pipeline")

    def pipe(self, items: Iterable[Article | Problem]) -> Iterator[Doc | Problem]:
        for item in items:
            yield item if isinstance(item, Problem) else self.run(item)


def default_pipeline(settings: Settings | None = None) -> Pipeline:
    """The full pipeline: normalize → recognize → extract → resolve, with the shipped knowledge."""
    from rasad.extract import Extractor
    from rasad.knowledge.loader import load_knowledge
    from rasad.knowledge.schema import Place
    from rasad.recognize import Recognizer
    from rasad.recognize.aliases import OutletShortNames
    from rasad.recognize.dates import DateRecognizer
    from rasad.recognize.lexicon import cached_lexicon
    from rasad.recognize.lookup import wordfreq_zipf
    from rasad.recognize.names import NameRecognizer
    from rasad.recognize.numbers import NumberRecognizer
    from rasad.recognize.organizations import OrganizationRecognizer
    from rasad.recognize.places import PlaceNameRecognizer
    from rasad.recognize.quoted import ClubNames, QuotedNames
    from rasad.recognize.sources import SourceRecognizer
    from rasad.resolve import Resolver

    settings = settings or Settings()
    normalizer = Normalizer()
    kb = load_knowledge(list(settings.knowledge_dirs))
    lexicon = cached_lexicon(kb, normalizer, settings.cache_dir, settings.with_geonames)
    numbers = NumberRecognizer()
    zipf = wordfreq_zipf()  # read once for the name, organization and place recognizers
    recognizer = Recognizer(
        kb,
        lexicon,
        finders=[DateRecognizer(), lambda text, _published: numbers(text)],
        sources=SourceRecognizer.load(),
        names=NameRecognizer.load(zipf=zipf),
        organizations=OrganizationRecognizer.load(
            places=[p for p in lexicon.places.values() if isinstance(p, Place)], zipf=zipf
        ),
        places=PlaceNameRecognizer.load(zipf=zipf),
        short_outlets=OutletShortNames.from_knowledge(kb),
        quoted=QuotedNames.load(),
        clubs=ClubNames.load(),
    )

    def normalize(text: str) -> str:
        return normalizer.text_with_offsets(text)[0]

    return Pipeline(
        normalizer=normalizer,
        stages=[
            ("recognize", recognizer),
            ("extract", Extractor(kb, normalize)),
            ("resolve", Resolver(kb, lexicon.places)),
        ],
    )
