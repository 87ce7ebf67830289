import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-postgres'

import { dutchSortKey } from '../src/publicApi/dutchSortKey'

/**
 * The public list sorts names in Dutch order ("Éénmalige" between "Dijk…" and "Zwem…"), where
 * the embedded PostgreSQL is initialised with locale C:
 * - `register_dutch`, a collation: ICU's Dutch where the server has ICU, byte order otherwise;
 * - `public_algorithms.name_sort`: the name without diacritics, in lower case (in that collation),
 *   filled by the projection writer and here for rows that exist, with an index for the list.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    DO $$
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
    ALTER TABLE public_algorithms
      ADD COLUMN name_sort text COLLATE register_dutch NOT NULL DEFAULT '';
  `)
  const { rows } = await db.execute<{ lars: string; name: string | null }>(
    sql`SELECT lars, record->>'name' AS name FROM public_algorithms`,
  )
  for (const row of rows) {
    await db.execute(
      sql`UPDATE public_algorithms SET name_sort = ${dutchSortKey(row.name ?? '')}
          WHERE lars = ${row.lars}`,
    )
  }
  await db.execute(sql`
    DROP INDEX IF EXISTS public_algorithms_name_idx;
    CREATE INDEX public_algorithms_name_sort_idx ON public_algorithms (name_sort, lars)
      WHERE withdrawn_at IS NULL;
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP INDEX IF EXISTS public_algorithms_name_sort_idx;
    ALTER TABLE public_algorithms DROP COLUMN IF EXISTS name_sort;
    DROP COLLATION IF EXISTS register_dutch;
    CREATE INDEX IF NOT EXISTS public_algorithms_name_idx
      ON public_algorithms (lower(record->>'name'), lars) WHERE withdrawn_at IS NULL;
  `)
}
