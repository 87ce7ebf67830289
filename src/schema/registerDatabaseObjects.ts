/**
 * What Payload's schema generator cannot express, and what the register needs in the database
 * besides its collections:
 * - the audit history and the revisions are append-only, enforced by the database itself
 *   (UPDATE, DELETE and TRUNCATE raise an error, whatever the client);
 * - the public projection `public_algorithms`: one row per published algorithm, written only
 *   in the approving transaction, read by the public API (with Dutch full-text search).
 *
 * The end state of the bundled application's migrations `20261123_230000_guards` and
 * `20261203_170000_dutch_name_order` and `20261203_190000_list_indexes` (which stay as they were applied), for an empty database:
 * the Dutch collation `register_dutch` and the sort key `name_sort` are created with the table.
 * A host gets them as a migration of its own with
 * `payload migrate:create register --file @algoritmeregister/payload-plugin/migration`, after
 * the migration that creates the register's tables.
 */
export const REGISTER_DATABASE_UP = `DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'register_dutch') THEN
    IF EXISTS (SELECT 1 FROM pg_collation WHERE collprovider = 'i') THEN
      CREATE COLLATION register_dutch (provider = icu, locale = 'nl-NL');
    ELSE
      CREATE COLLATION register_dutch FROM "C";
    END IF;
  END IF;
END
$$;

CREATE FUNCTION register_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'register: % on % is not allowed: this table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$fn$;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION register_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION register_refuse_change();
CREATE TRIGGER revisions_append_only BEFORE UPDATE OR DELETE ON revisions
  FOR EACH ROW EXECUTE FUNCTION register_refuse_change();
CREATE TRIGGER revisions_no_truncate BEFORE TRUNCATE ON revisions
  FOR EACH STATEMENT EXECUTE FUNCTION register_refuse_change();

CREATE TABLE public_algorithms (
  lars varchar(8) PRIMARY KEY,
  algorithm_id integer NOT NULL UNIQUE,
  organisation_id integer NOT NULL,
  organisation_code varchar NOT NULL,
  organisation_name varchar NOT NULL,
  organisation_type varchar NOT NULL,
  revision_id integer NOT NULL,
  revision_number integer NOT NULL,
  record jsonb NOT NULL,
  publication_category varchar NOT NULL,
  status varchar NOT NULL,
  categories text[] NOT NULL DEFAULT '{}',
  has_impact_assessment boolean NOT NULL DEFAULT false,
  search tsvector NOT NULL,
  first_published_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  withdrawn_at timestamptz,
  withdrawal_reason text,
  etag varchar NOT NULL,
  name_sort text COLLATE register_dutch NOT NULL DEFAULT ''
);
CREATE INDEX public_algorithms_search_idx ON public_algorithms USING gin (search);
CREATE INDEX public_algorithms_categories_idx ON public_algorithms USING gin (categories);
CREATE INDEX public_algorithms_organisation_idx ON public_algorithms (organisation_code);
CREATE INDEX public_algorithms_listing_idx ON public_algorithms (withdrawn_at, updated_at DESC, lars);
CREATE INDEX public_algorithms_name_sort_idx ON public_algorithms (name_sort, lars)
  WHERE withdrawn_at IS NULL;
CREATE INDEX public_algorithms_facets_idx ON public_algorithms (organisation_code)
  INCLUDE (organisation_name, organisation_type, publication_category, status,
    has_impact_assessment, categories)
  WHERE withdrawn_at IS NULL;
CREATE INDEX IF NOT EXISTS algorithms_texts_parent_order_idx
  ON algorithms_texts USING btree (parent_id, "order");
CREATE INDEX IF NOT EXISTS algorithms_name_created_at_idx
  ON algorithms USING btree (name, created_at DESC);`

export const REGISTER_DATABASE_DOWN = `DROP TABLE IF EXISTS public_algorithms;
DROP COLLATION IF EXISTS register_dutch;
DROP TRIGGER IF EXISTS revisions_no_truncate ON revisions;
DROP TRIGGER IF EXISTS revisions_append_only ON revisions;
DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;
DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events;
DROP FUNCTION IF EXISTS register_refuse_change();`

/** The triggers whose absence means the history is not protected. */
export const REGISTER_GUARD_TRIGGERS = [
  'audit_events_append_only',
  'audit_events_no_truncate',
  'revisions_append_only',
  'revisions_no_truncate',
] as const
