"""The yardstick: gold answers, the scorer, the report, and the NER benchmarks.

`evaluate_gold(articles, pipeline)` runs the pipeline on each gold article (with its
published date and outlet) and scores the `rasad.document/1` results.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rasad.evaluate.gold import GoldArticle, GoldError, load_gold
from rasad.evaluate.scorer import Score, score
from rasad.export.document import SCHEMA, to_document
from rasad.model import Article, Problem
from rasad.pipeline import Pipeline

__all__ = ["GoldArticle", "GoldError", "Score", "evaluate_gold", "load_gold", "predict", "score"]


def empty_document(article: Article, problem: Problem) -> dict[str, Any]:
    """What a failed article is scored as: nothing found, with the problem kept."""
    return {
        "schema": SCHEMA,
        "article": {"id": article.id, "outlet": article.outlet, "published": article.published},
        "text": "",
        "mentions": [],
        "events": [],
        "problems": [{"code": problem.code, "message": problem.message, "severity": problem.severity}],
    }


def predict(gold_article: GoldArticle, pipeline: Pipeline) -> dict[str, Any]:
    """The pipeline's document for one gold article (never raises: a failure is an empty document)."""
    article = Article(
        id=gold_article.id,
        text=gold_article.text,
        published=gold_article.published,
        outlet=gold_article.outlet,
        origin=gold_article.text_path,
    )
    result = pipeline.run(article)
    return empty_document(article, result) if isinstance(result, Problem) else to_document(result)


def evaluate_gold(articles: Sequence[GoldArticle], pipeline: Pipeline) -> tuple[Score, list[dict[str, Any]]]:
    """The score of the pipeline on the gold articles, and the predicted documents (same order)."""
    documents = [predict(article, pipeline) for article in articles]
    return score((a.id, a.gold, d) for a, d in zip(articles, documents, strict=True)), documents
