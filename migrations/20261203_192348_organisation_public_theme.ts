import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_organisations_public_theme_font" AS ENUM('system', 'sans', 'verdana', 'serif');
  ALTER TABLE "organisations" ADD COLUMN "public_theme_primary_colour" varchar;
  ALTER TABLE "organisations" ADD COLUMN "public_theme_font" "enum_organisations_public_theme_font";
  ALTER TABLE "organisations" ADD COLUMN "public_theme_logo_url" varchar;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "organisations" DROP COLUMN "public_theme_primary_colour";
  ALTER TABLE "organisations" DROP COLUMN "public_theme_font";
  ALTER TABLE "organisations" DROP COLUMN "public_theme_logo_url";
  DROP TYPE "public"."enum_organisations_public_theme_font";`)
}
