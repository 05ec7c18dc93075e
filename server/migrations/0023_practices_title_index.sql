-- A one-word search ranks its title matches first: their ts_rank is above that of any practice matching only
-- in the summary, so a page within them needs only them (a few hundred for a common word, not thousands).
CREATE INDEX "practices_title_idx" ON "practices" USING gin (to_tsvector('russian'::regconfig, "title")) WITH (fastupdate=false);
