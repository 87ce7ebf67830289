import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-postgres'

/**
 * Indexes the benchmark's EXPLAIN ANALYZE asked for (see README "Benchmark"):
 * - `algorithms_texts (parent_id, order)`: Payload reads the values of a hasMany text field per
 *   document by `parent_id`; its own index starts with `order` and cannot serve that, so every
 *   listed document scanned the whole table.
 * - `algorithms (name, created_at DESC)`: the list sorted by name (Payload adds created_at as the
 *   tie-breaker) stops after one page instead of reading every row's arrays before sorting.
 * - `public_algorithms_facets_idx`: the facet counts read the few facet columns from this narrow
 *   index (an index-only scan) instead of every wide projection row (record, search vector):
 *   about 15 times fewer pages at 10,000 descriptions.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE INDEX IF NOT EXISTS algorithms_texts_parent_order_idx
      ON algorithms_texts USING btree (parent_id, "order");
    CREATE INDEX IF NOT EXISTS algorithms_name_created_at_idx
      ON algorithms USING btree (name, created_at DESC);
    CREATE INDEX IF NOT EXISTS public_algorithms_facets_idx ON public_algorithms (organisation_code)
      INCLUDE (organisation_name, organisation_type, publication_category, status,
        has_impact_assessment, categories)
      WHERE withdrawn_at IS NULL;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP INDEX IF EXISTS public_algorithms_facets_idx;
    DROP INDEX IF EXISTS algorithms_name_created_at_idx;
    DROP INDEX IF EXISTS algorithms_texts_parent_order_idx;
  `)
}
