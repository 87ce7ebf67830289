import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_organisations_sign_in_role_mapping_role" AS ENUM('redacteur', 'goedkeurder', 'beheerder', 'auditor');
  CREATE TYPE "public"."enum_organisations_sign_in_second_factor" AS ENUM('everyone', 'reviewers-and-admins', 'optional');
  ALTER TYPE "public"."enum_audit_events_event_type" ADD VALUE 'logout';
  ALTER TYPE "public"."enum_audit_events_event_type" ADD VALUE 'second_factor';
  ALTER TYPE "public"."enum_audit_events_event_type" ADD VALUE 'account_link';
  ALTER TYPE "public"."enum_audit_events_event_type" ADD VALUE 'sessions_ended';
  CREATE TABLE "organisations_sign_in_role_mapping" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"provider" varchar NOT NULL,
  	"claim_value" varchar NOT NULL,
  	"role" "enum_organisations_sign_in_role_mapping_role" NOT NULL
  );
  
  CREATE TABLE "users_oidc_identities" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"linked_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "organisations" ADD COLUMN "sign_in_second_factor" "enum_organisations_sign_in_second_factor" DEFAULT 'optional';
  ALTER TABLE "organisations" ADD COLUMN "sign_in_password_login" boolean DEFAULT true;
  ALTER TABLE "users" ADD COLUMN "totp_secret" varchar;
  ALTER TABLE "users" ADD COLUMN "totp_recovery_codes" jsonb;
  ALTER TABLE "users" ADD COLUMN "totp_pending_secret" varchar;
  ALTER TABLE "users" ADD COLUMN "totp_pending_recovery_codes" jsonb;
  ALTER TABLE "users" ADD COLUMN "totp_last_time_step" numeric;
  ALTER TABLE "users" ADD COLUMN "totp_enabled_at" timestamp(3) with time zone;
  ALTER TABLE "organisations_sign_in_role_mapping" ADD CONSTRAINT "organisations_sign_in_role_mapping_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_oidc_identities" ADD CONSTRAINT "users_oidc_identities_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "organisations_sign_in_role_mapping_order_idx" ON "organisations_sign_in_role_mapping" USING btree ("_order");
  CREATE INDEX "organisations_sign_in_role_mapping_parent_id_idx" ON "organisations_sign_in_role_mapping" USING btree ("_parent_id");
  CREATE INDEX "users_oidc_identities_order_idx" ON "users_oidc_identities" USING btree ("_order");
  CREATE INDEX "users_oidc_identities_parent_id_idx" ON "users_oidc_identities" USING btree ("_parent_id");
  CREATE INDEX "users_oidc_identities_key_idx" ON "users_oidc_identities" USING btree ("key");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "organisations_sign_in_role_mapping" CASCADE;
  DROP TABLE "users_oidc_identities" CASCADE;
  ALTER TABLE "audit_events" ALTER COLUMN "event_type" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_events_event_type";
  CREATE TYPE "public"."enum_audit_events_event_type" AS ENUM('create', 'update', 'delete', 'transition', 'restore', 'import', 'template', 'membership', 'login_success', 'login_failure', 'export');
  ALTER TABLE "audit_events" ALTER COLUMN "event_type" SET DATA TYPE "public"."enum_audit_events_event_type" USING "event_type"::"public"."enum_audit_events_event_type";
  ALTER TABLE "organisations" DROP COLUMN "sign_in_second_factor";
  ALTER TABLE "organisations" DROP COLUMN "sign_in_password_login";
  ALTER TABLE "users" DROP COLUMN "totp_secret";
  ALTER TABLE "users" DROP COLUMN "totp_recovery_codes";
  ALTER TABLE "users" DROP COLUMN "totp_pending_secret";
  ALTER TABLE "users" DROP COLUMN "totp_pending_recovery_codes";
  ALTER TABLE "users" DROP COLUMN "totp_last_time_step";
  ALTER TABLE "users" DROP COLUMN "totp_enabled_at";
  DROP TYPE "public"."enum_organisations_sign_in_role_mapping_role";
  DROP TYPE "public"."enum_organisations_sign_in_second_factor";`)
}
