"""Which stored article an incoming one is: its URL, else the hash of its text.

The identity key decides new vs. known; the fingerprint (text and metadata)
decides unchanged vs. updated. Without a URL an edited text is a new article,
so give URLs (JSONL/CSV `url`, page canonical links, feed links) to get updates.
"""

from __future__ import annotations

import hashlib
import json
from urllib.parse import urlsplit, urlunsplit

from rasad.model import Article


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def canonical_url(url: str) -> str:
    """The URL without its #fragment, with a lower-case scheme and host."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def article_key(article: Article) -> str:
    if article.url:
        return "url:" + canonical_url(article.url)
    return "sha1:" + content_hash(article.text)


def fingerprint(article: Article) -> str:
    payload = json.dumps([article.text, article.published, article.outlet, article.title, article.url], ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def event_uid(key: str, seq: int, event_id: str | None) -> str:
    """Unique across the store: the article's identity, the event's own id and its position."""
    return hashlib.sha1(f"{key}|{event_id}|{seq}".encode()).hexdigest()[:20]
