-- The dates of the records counted in a month, by index: a text search with a year or month filter
-- walks only the months those records are dated in (walkBounds in search.repo.ts), two index probes
-- per counting month instead of a read of the month's rows.
CREATE INDEX incident_search_counted_sort ON incident_search (counted_in, sort_date);
