-- Practice search ranks every match with ts_rank, which reads each matching row's tsvector. Kept
-- out of line (TOAST), every rank costs extra page reads; MAIN keeps the (compressed) vector in the row
-- unless the row cannot fit at all. Measured on 20,000 practices: ranking 2,700 matches 62 ms → 25 ms.
ALTER TABLE "practices" ALTER COLUMN "search_vector" SET STORAGE MAIN;
