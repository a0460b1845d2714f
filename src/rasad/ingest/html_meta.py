"""Where pages state their publication date: selector data, kept apart from the logic in html.py.

Persian sites often write these in the Jalali calendar («1403/03/21»), which the
generic date finder rejects; rasad.ingest.dates.parse_published understands both.
Checked in this order; the first that parses wins.
"""

from __future__ import annotations

PUBLISHED_XPATHS: tuple[str, ...] = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@property='og:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate' or @name='publishdate' or @name='publish-date' or @name='date']/@content",
    "//meta[@name='dc.date' or @name='DC.date' or @name='DC.date.issued' or @name='dcterms.created']/@content",
    "//time[@itemprop='datePublished']/@datetime",
    "//time[@pubdate]/@datetime",
)
