-- rasad store, version 2 (SQLite): indexes for the event filters and sort orders of `rasad export` and
-- `rasad serve` (rasad.store.queries), so a filtered page of events is found without reading every cluster.

-- The type filter compares lower(type), lower(event_type) and lower(sub_event_type): an index on each
-- expression lets SQLite answer the three-way OR from the indexes alone.
CREATE INDEX clusters_type_lower ON clusters (lower(type));
CREATE INDEX clusters_event_type_lower ON clusters (lower(event_type));
CREATE INDEX clusters_sub_event_type_lower ON clusters (lower(sub_event_type));

-- Pages are ordered by a key, then id: with the id in the index, the page's ids are read from the index
-- alone (the rows are fetched afterwards, only for the page). These replace the one-column indexes.
DROP INDEX clusters_date;
DROP INDEX clusters_country;
CREATE INDEX clusters_date ON clusters (date, id);
CREATE INDEX clusters_country ON clusters (country, date, id);
CREATE INDEX clusters_lon_lat ON clusters (lon, lat);
CREATE INDEX clusters_fatalities ON clusters (fatalities, id);
CREATE INDEX clusters_injured ON clusters (injured, id);
CREATE INDEX clusters_type ON clusters (type, id);
CREATE INDEX clusters_n_reports ON clusters (n_reports, id);
CREATE INDEX clusters_updated_at ON clusters (updated_at, id);
CREATE INDEX clusters_location_name ON clusters (location_name, id);

-- The actor filter and the English half of the server's `q` look for a part of a name anywhere in it
-- (LIKE '%…%'), which no B-tree index serves. A trigram index does: an FTS5 phrase of three or more
-- characters matches exactly the values that contain it, case-insensitively. The table keeps its own copy
-- of the names with the cluster's id (not the clusters' implicit rowid, which VACUUM may renumber);
-- rasad.store.names keeps it in step whenever clusters are rebuilt.
CREATE VIRTUAL TABLE clusters_names USING fts5 (
    id UNINDEXED,
    actor1_id,
    actor1_name,
    actor2_id,
    actor2_name,
    location_name,
    admin1,
    tokenize = 'trigram'
);
INSERT INTO clusters_names (id, actor1_id, actor1_name, actor2_id, actor2_name, location_name, admin1)
SELECT id, actor1_id, actor1_name, actor2_id, actor2_name, location_name, admin1 FROM clusters;
