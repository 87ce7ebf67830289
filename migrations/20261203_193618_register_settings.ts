import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "register_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"register_name" varchar DEFAULT 'Algoritmeregister',
  	"organisation_name" varchar,
  	"logo_url" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "register_settings" CASCADE;`)
}
