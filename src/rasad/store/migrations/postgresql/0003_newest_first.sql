-- rasad store, version 3 (PostgreSQL): the default order of `rasad serve`'s lists, newest first (date DESC,
-- then id ascending), read straight from an index, as migrations/sqlite/0003_newest_first.sql (without it
-- PostgreSQL reads clusters_date backwards and sorts each run of equal dates by id again).
CREATE INDEX clusters_date_desc ON clusters (date DESC, id);
