-- rasad store, version 2 (PostgreSQL): indexes for the event filters and sort orders of `rasad export` and
-- `rasad serve` (rasad.store.queries), as migrations/sqlite/0002_cluster_filters.sql. The SQLite trigram
-- table of names (clusters_names) has no counterpart: PostgreSQL scans the names with LIKE, which it does
-- quickly enough, and pg_trgm is an extension a database may not have.

-- The type filter compares lower(type), lower(event_type) and lower(sub_event_type).
CREATE INDEX clusters_type_lower ON clusters (lower(type));
CREATE INDEX clusters_event_type_lower ON clusters (lower(event_type));
CREATE INDEX clusters_sub_event_type_lower ON clusters (lower(sub_event_type));

-- Pages are ordered by a key, then id; these replace the one-column indexes of version 1.
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
