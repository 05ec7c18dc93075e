-- The flows map aggregates every approved practice of a programme (per origin region, per area). The
-- practice rows are wide (texts and the search vector kept in the row), so those scans read ~40 MB for
-- 20,000 practices; this narrow covering index lets them run as index-only scans.
CREATE INDEX "practices_flows_idx" ON "practices" USING btree ("programme_id", "status") INCLUDE ("origin_region_code", "areas");
