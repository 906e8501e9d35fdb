-- Name search that costs little and finds what people type (issue 13, item 2).
-- registry_fold_name is the one definition of the fold: the stored column below and the
-- search query (suppliers.repository.ts) both call it, so a name and what someone types
-- are folded alike. Compatibility decomposition (NFKD: full-width letters, ligatures),
-- combining marks dropped (å ä ö é è ü … become a a o e e u), the letters that do not
-- decompose spelled out (ø ł đ ð ı, æ œ ß þ), then lower case. Both cases are listed, so
-- the result does not hang on the database's locale (PGlite's or a server's). Every step
-- is immutable, so the function may feed a stored generated column and an index.
CREATE FUNCTION registry_fold_name(name text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT replace(replace(replace(replace(
    translate(
      lower(regexp_replace(normalize(name, NFKD), '[\u0300-\u036f]', '', 'g')),
      'øØłŁđĐðÐıÆæŒœẞÞþ',
      'oollddddiÆæŒœßÞþ'),
    'æ', 'ae'), 'œ', 'oe'), 'ß', 'ss'), 'þ', 'th')
$$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION registry_fold_name(text) TO registry_app;--> statement-breakpoint
ALTER TABLE "supplier_names" ADD COLUMN "name_folded" text GENERATED ALWAYS AS (registry_fold_name("name")) STORED NOT NULL;--> statement-breakpoint
-- Search matches by trigram word similarity over the folded names; the index over
-- lower(name) it replaces could not serve the folded query.
DROP INDEX IF EXISTS "supplier_names_trgm_idx";--> statement-breakpoint
CREATE INDEX "supplier_names_folded_trgm_idx" ON "supplier_names" USING gin ("name_folded" gin_trgm_ops);
