-- rasad store, version 1 (SQLite). Mirrors rasad/store/tables.py; tests/unit/store checks they agree.
-- articles: one row per article identity (its URL, else the hash of its text).
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    url TEXT,
    content_hash TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    source_id TEXT,
    origin TEXT,
    outlet TEXT,
    published TEXT,
    title TEXT,
    lead_source TEXT,
    text TEXT NOT NULL,
    raw_text TEXT NOT NULL,
    n_events INTEGER NOT NULL DEFAULT 0,
    problems TEXT,
    ingested_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_published ON articles (published);

-- events: one row per event of the rasad.document/1 contract, flattened; `data` keeps the whole object.
CREATE TABLE events (
    uid TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id),
    seq INTEGER NOT NULL,
    event_id TEXT,
    type TEXT NOT NULL,
    mode TEXT,
    event_type TEXT,
    sub_event_type TEXT,
    actor1_id TEXT,
    actor1_name TEXT,
    actor1_text TEXT,
    actor1_country TEXT,
    actor1_kind TEXT,
    actor2_id TEXT,
    actor2_name TEXT,
    actor2_text TEXT,
    actor2_country TEXT,
    actor2_kind TEXT,
    location_name TEXT,
    location_text TEXT,
    country TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    geo_precision INTEGER,
    gazetteer_id TEXT,
    origin_name TEXT,
    origin_country TEXT,
    origin_lat REAL,
    origin_lon REAL,
    date TEXT,
    date_precision TEXT,
    date_text TEXT,
    date_inferred INTEGER NOT NULL DEFAULT 0,
    weapon TEXT,
    quantity_value REAL,
    quantity_unit TEXT,
    fatalities INTEGER,
    injured INTEGER,
    status TEXT,
    timing TEXT,
    confidence REAL,
    evidence_text TEXT,
    cluster_id TEXT,
    data TEXT NOT NULL
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_cluster ON events (cluster_id);
CREATE INDEX events_type_date ON events (type, date);

CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles (id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    raw_start INTEGER,
    raw_end INTEGER,
    ref TEXT,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX mentions_ref ON mentions (kind, ref);

-- sources: who reported each event (the outlet, and the agencies or officials it cites).
CREATE TABLE sources (
    event_uid TEXT NOT NULL REFERENCES events (uid),
    seq INTEGER NOT NULL,
    name TEXT,
    text TEXT,
    via TEXT,
    PRIMARY KEY (event_uid, seq)
);

-- clusters: one real event, many reports (events.cluster_id); fields reconciled across reports.
CREATE TABLE clusters (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    mode TEXT,
    event_type TEXT,
    sub_event_type TEXT,
    date TEXT,
    date_precision TEXT,
    date_first TEXT,
    date_last TEXT,
    actor1_id TEXT,
    actor1_name TEXT,
    actor1_country TEXT,
    actor1_kind TEXT,
    actor2_id TEXT,
    actor2_name TEXT,
    actor2_country TEXT,
    actor2_kind TEXT,
    location_name TEXT,
    country TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    geo_precision INTEGER,
    gazetteer_id TEXT,
    weapon TEXT,
    fatalities INTEGER,
    injured INTEGER,
    status TEXT,
    n_reports INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    n_outlets INTEGER NOT NULL,
    source_names TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX clusters_date ON clusters (date);
CREATE INDEX clusters_country ON clusters (country);

CREATE TABLE store_state (
    name TEXT PRIMARY KEY,
    value TEXT
);

CREATE VIEW events_flat AS
SELECT
    e.uid AS event_uid,
    e.cluster_id,
    e.event_id,
    e.type,
    e.mode,
    e.event_type,
    e.sub_event_type,
    e.date,
    e.date_precision,
    e.actor1_name,
    e.actor1_id,
    e.actor1_country,
    e.actor2_name,
    e.actor2_id,
    e.actor2_country,
    e.location_name,
    e.country,
    e.admin1,
    e.lat AS latitude,
    e.lon AS longitude,
    e.geo_precision,
    e.weapon,
    e.fatalities,
    e.injured,
    e.status,
    e.timing,
    e.confidence,
    e.evidence_text,
    a.id AS article_id,
    a.outlet,
    a.published,
    a.url,
    a.title
FROM events AS e
JOIN articles AS a ON a.id = e.article_id;

-- Full-text search over articles (external content: the text is stored once, in articles).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title,
    text,
    content = 'articles',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
