import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_national_deliveries_status" AS ENUM('niet_aangeleverd', 'in_wachtrij', 'aangeleverd', 'vrijgegeven', 'ingetrokken', 'fout');
  CREATE TYPE "public"."enum_national_deliveries_wanted_action" AS ENUM('publish', 'retract');
  ALTER TYPE "public"."enum_audit_events_event_type" ADD VALUE 'national_delivery';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deliverToNationalRegister';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'checkNationalDrift';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deliverToNationalRegister';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'checkNationalDrift';
  CREATE TABLE "national_register_connections" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"organisation_id" integer NOT NULL,
  	"delivers" boolean DEFAULT false,
  	"organisation_code" varchar,
  	"token_url" varchar,
  	"client_id" varchar,
  	"username" varchar,
  	"password" varchar,
  	"credentials_set" boolean DEFAULT false,
  	"credentials" varchar,
  	"blocked_reason" varchar,
  	"blocked_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "national_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"algorithm_id" integer NOT NULL,
  	"organisation_id" integer NOT NULL,
  	"algorithm_name" varchar,
  	"status" "enum_national_deliveries_status" DEFAULT 'niet_aangeleverd' NOT NULL,
  	"status_at" timestamp(3) with time zone,
  	"reason" varchar,
  	"national_lars" varchar,
  	"wanted_action" "enum_national_deliveries_wanted_action",
  	"delivered_revision" numeric,
  	"released_revision" numeric,
  	"attempts" numeric DEFAULT 0,
  	"next_attempt_at" timestamp(3) with time zone,
  	"drift_checked_at" timestamp(3) with time zone,
  	"drift_fields" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "national_register_connections_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "national_deliveries_id" integer;
  ALTER TABLE "national_register_connections" ADD CONSTRAINT "national_register_connections_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "national_deliveries" ADD CONSTRAINT "national_deliveries_algorithm_id_algorithms_id_fk" FOREIGN KEY ("algorithm_id") REFERENCES "public"."algorithms"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "national_deliveries" ADD CONSTRAINT "national_deliveries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "national_register_connections_organisation_idx" ON "national_register_connections" USING btree ("organisation_id");
  CREATE INDEX "national_register_connections_updated_at_idx" ON "national_register_connections" USING btree ("updated_at");
  CREATE INDEX "national_register_connections_created_at_idx" ON "national_register_connections" USING btree ("created_at");
  CREATE UNIQUE INDEX "national_deliveries_algorithm_idx" ON "national_deliveries" USING btree ("algorithm_id");
  CREATE INDEX "national_deliveries_organisation_idx" ON "national_deliveries" USING btree ("organisation_id");
  CREATE INDEX "national_deliveries_status_idx" ON "national_deliveries" USING btree ("status");
  CREATE INDEX "national_deliveries_national_lars_idx" ON "national_deliveries" USING btree ("national_lars");
  CREATE INDEX "national_deliveries_updated_at_idx" ON "national_deliveries" USING btree ("updated_at");
  CREATE INDEX "national_deliveries_created_at_idx" ON "national_deliveries" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_national_register_connectio_fk" FOREIGN KEY ("national_register_connections_id") REFERENCES "public"."national_register_connections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_national_deliveries_fk" FOREIGN KEY ("national_deliveries_id") REFERENCES "public"."national_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_national_register_connecti_idx" ON "payload_locked_documents_rels" USING btree ("national_register_connections_id");
  CREATE INDEX "payload_locked_documents_rels_national_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("national_deliveries_id");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "national_register_connections" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "national_deliveries" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "national_register_connections" CASCADE;
  DROP TABLE "national_deliveries" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_national_register_connectio_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_national_deliveries_fk";
  
  ALTER TABLE "audit_events" ALTER COLUMN "event_type" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_events_event_type";
  CREATE TYPE "public"."enum_audit_events_event_type" AS ENUM('create', 'update', 'delete', 'transition', 'restore', 'import', 'template', 'membership', 'login_success', 'login_failure', 'export');
  ALTER TABLE "audit_events" ALTER COLUMN "event_type" SET DATA TYPE "public"."enum_audit_events_event_type" USING "event_type"::"public"."enum_audit_events_event_type";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendNotification', 'reviewReminders');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendNotification', 'reviewReminders');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_national_register_connecti_idx";
  DROP INDEX "payload_locked_documents_rels_national_deliveries_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "national_register_connections_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "national_deliveries_id";
  DROP TYPE "public"."enum_national_deliveries_status";
  DROP TYPE "public"."enum_national_deliveries_wanted_action";`)
}
