import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_organisations_type" AS ENUM('gemeente', 'provincie', 'waterschap', 'ministerie', 'agentschap', 'zbo', 'gemeenschappelijke_regeling', 'veiligheidsregio', 'omgevingsdienst', 'politie', 'rechtspraak', 'hoog_college_van_staat', 'adviescollege', 'rwt', 'openbaar_lichaam', 'ggd', 'overig');
  CREATE TYPE "public"."enum_users_memberships_role" AS ENUM('redacteur', 'goedkeurder', 'beheerder', 'auditor');
  CREATE TYPE "public"."enum_algorithms_workflow_state" AS ENUM('concept', 'ter_beoordeling', 'teruggezet', 'gepubliceerd', 'gedepubliceerd', 'gearchiveerd');
  CREATE TYPE "public"."enum_revisions_source" AS ENUM('approval', 'import');
  CREATE TYPE "public"."enum_audit_events_event_type" AS ENUM('create', 'update', 'delete', 'transition', 'restore', 'import', 'template', 'membership', 'login_success', 'login_failure', 'export');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendNotification', 'reviewReminders');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendNotification', 'reviewReminders');
  CREATE TABLE "organisations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"code" varchar,
  	"type" "enum_organisations_type" NOT NULL,
  	"parent_id" integer,
  	"website" varchar,
  	"contact_email" varchar,
  	"postal_address_street" varchar,
  	"postal_address_postal_code" varchar,
  	"postal_address_city" varchar,
  	"postal_address_country" varchar DEFAULT 'Nederland',
  	"settings_four_eyes" boolean,
  	"settings_review_interval_months" numeric,
  	"settings_plain_language_blocks" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "users_memberships" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"organisation_id" integer NOT NULL,
  	"role" "enum_users_memberships_role" NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"is_platform_admin" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "algorithms_lawful_basis_grouping" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"link" varchar
  );
  
  CREATE TABLE "algorithms_impacttoetsen_grouping" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"link" varchar
  );
  
  CREATE TABLE "algorithms_source_data_grouping" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"link" varchar
  );
  
  CREATE TABLE "algorithms" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"organization_id" integer NOT NULL,
  	"description_short" varchar,
  	"status" varchar,
  	"begin_date" varchar,
  	"end_date" varchar,
  	"contact_email" varchar,
  	"website" varchar,
  	"publication_category" varchar,
  	"url" varchar,
  	"source_id" varchar,
  	"tags" varchar,
  	"goal" jsonb,
  	"proportionality" jsonb,
  	"human_intervention" jsonb,
  	"risks" jsonb,
  	"lawful_basis" jsonb,
  	"process_index_url" varchar,
  	"impacttoetsen" jsonb,
  	"source_data" jsonb,
  	"methods_and_models" jsonb,
  	"provider" varchar,
  	"publiccode" varchar,
  	"eu_database_url" varchar,
  	"fria_summary" varchar,
  	"dpia_summary" varchar,
  	"internal_notes" varchar,
  	"internal_owner" varchar,
  	"internal_contact" varchar,
  	"publication_category_rationale" varchar,
  	"lars" varchar,
  	"standard_version" varchar,
  	"lang" varchar DEFAULT 'nld',
  	"publication_dt" varchar,
  	"based_on_lars" varchar,
  	"based_on_organisation_name" varchar,
  	"based_on_revision_number" numeric,
  	"workflow_state" "enum_algorithms_workflow_state" DEFAULT 'concept',
  	"workflow_transition_count" numeric DEFAULT 0,
  	"workflow_submitted_by_id" numeric,
  	"workflow_submitted_by_name" varchar,
  	"workflow_submitted_at" timestamp(3) with time zone,
  	"workflow_version_editors" jsonb,
  	"workflow_change_summary" varchar,
  	"workflow_last_comment" varchar,
  	"workflow_public_revision_id" integer,
  	"workflow_published_revision_count" numeric DEFAULT 0,
  	"workflow_public_since" timestamp(3) with time zone,
  	"workflow_review_due_at" timestamp(3) with time zone,
  	"workflow_review_overdue" boolean DEFAULT false,
  	"workflow_review_reminder_sent_for" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "algorithms_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "revisions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"algorithm_id" integer NOT NULL,
  	"organisation_id" numeric NOT NULL,
  	"lars" varchar NOT NULL,
  	"revision_number" numeric NOT NULL,
  	"source" "enum_revisions_source" DEFAULT 'approval' NOT NULL,
  	"standard_version" varchar NOT NULL,
  	"snapshot" jsonb NOT NULL,
  	"change_summary" varchar,
  	"diff" jsonb,
  	"content_hash" varchar NOT NULL,
  	"submitted_by_id" numeric,
  	"submitted_by_name" varchar,
  	"submitted_at" timestamp(3) with time zone,
  	"approved_by_id" numeric,
  	"approved_by_name" varchar,
  	"approved_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "audit_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"sequence" numeric NOT NULL,
  	"event_type" "enum_audit_events_event_type" NOT NULL,
  	"summary" varchar,
  	"occurred_at" timestamp(3) with time zone NOT NULL,
  	"actor_id" numeric,
  	"actor_name" varchar,
  	"actor_role" varchar,
  	"organisation_id" numeric,
  	"target_collection" varchar,
  	"target_id" varchar,
  	"target_label" varchar,
  	"changes" jsonb,
  	"comment" varchar,
  	"details" jsonb,
  	"request_id" varchar,
  	"previous_hash" varchar NOT NULL,
  	"hash" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"meta" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"organisations_id" integer,
  	"users_id" integer,
  	"algorithms_id" integer,
  	"revisions_id" integer,
  	"audit_events_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_memberships" ADD CONSTRAINT "users_memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_memberships" ADD CONSTRAINT "users_memberships_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "algorithms_lawful_basis_grouping" ADD CONSTRAINT "algorithms_lawful_basis_grouping_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."algorithms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "algorithms_impacttoetsen_grouping" ADD CONSTRAINT "algorithms_impacttoetsen_grouping_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."algorithms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "algorithms_source_data_grouping" ADD CONSTRAINT "algorithms_source_data_grouping_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."algorithms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "algorithms" ADD CONSTRAINT "algorithms_organization_id_organisations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "algorithms" ADD CONSTRAINT "algorithms_workflow_public_revision_id_revisions_id_fk" FOREIGN KEY ("workflow_public_revision_id") REFERENCES "public"."revisions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "algorithms_texts" ADD CONSTRAINT "algorithms_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."algorithms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "revisions" ADD CONSTRAINT "revisions_algorithm_id_algorithms_id_fk" FOREIGN KEY ("algorithm_id") REFERENCES "public"."algorithms"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_organisations_fk" FOREIGN KEY ("organisations_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_algorithms_fk" FOREIGN KEY ("algorithms_id") REFERENCES "public"."algorithms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_revisions_fk" FOREIGN KEY ("revisions_id") REFERENCES "public"."revisions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_events_fk" FOREIGN KEY ("audit_events_id") REFERENCES "public"."audit_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "organisations_code_idx" ON "organisations" USING btree ("code");
  CREATE INDEX "organisations_parent_idx" ON "organisations" USING btree ("parent_id");
  CREATE INDEX "organisations_updated_at_idx" ON "organisations" USING btree ("updated_at");
  CREATE INDEX "organisations_created_at_idx" ON "organisations" USING btree ("created_at");
  CREATE INDEX "users_memberships_order_idx" ON "users_memberships" USING btree ("_order");
  CREATE INDEX "users_memberships_parent_id_idx" ON "users_memberships" USING btree ("_parent_id");
  CREATE INDEX "users_memberships_organisation_idx" ON "users_memberships" USING btree ("organisation_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "algorithms_lawful_basis_grouping_order_idx" ON "algorithms_lawful_basis_grouping" USING btree ("_order");
  CREATE INDEX "algorithms_lawful_basis_grouping_parent_id_idx" ON "algorithms_lawful_basis_grouping" USING btree ("_parent_id");
  CREATE INDEX "algorithms_impacttoetsen_grouping_order_idx" ON "algorithms_impacttoetsen_grouping" USING btree ("_order");
  CREATE INDEX "algorithms_impacttoetsen_grouping_parent_id_idx" ON "algorithms_impacttoetsen_grouping" USING btree ("_parent_id");
  CREATE INDEX "algorithms_source_data_grouping_order_idx" ON "algorithms_source_data_grouping" USING btree ("_order");
  CREATE INDEX "algorithms_source_data_grouping_parent_id_idx" ON "algorithms_source_data_grouping" USING btree ("_parent_id");
  CREATE INDEX "algorithms_organization_idx" ON "algorithms" USING btree ("organization_id");
  CREATE UNIQUE INDEX "algorithms_lars_idx" ON "algorithms" USING btree ("lars");
  CREATE INDEX "algorithms_workflow_workflow_state_idx" ON "algorithms" USING btree ("workflow_state");
  CREATE INDEX "algorithms_workflow_workflow_public_revision_idx" ON "algorithms" USING btree ("workflow_public_revision_id");
  CREATE INDEX "algorithms_workflow_workflow_review_due_at_idx" ON "algorithms" USING btree ("workflow_review_due_at");
  CREATE INDEX "algorithms_workflow_workflow_review_overdue_idx" ON "algorithms" USING btree ("workflow_review_overdue");
  CREATE INDEX "algorithms_updated_at_idx" ON "algorithms" USING btree ("updated_at");
  CREATE INDEX "algorithms_created_at_idx" ON "algorithms" USING btree ("created_at");
  CREATE INDEX "algorithms_texts_order_parent" ON "algorithms_texts" USING btree ("order","parent_id");
  CREATE INDEX "revisions_algorithm_idx" ON "revisions" USING btree ("algorithm_id");
  CREATE INDEX "revisions_organisation_id_idx" ON "revisions" USING btree ("organisation_id");
  CREATE INDEX "revisions_lars_idx" ON "revisions" USING btree ("lars");
  CREATE INDEX "revisions_approved_at_idx" ON "revisions" USING btree ("approved_at");
  CREATE INDEX "revisions_updated_at_idx" ON "revisions" USING btree ("updated_at");
  CREATE INDEX "revisions_created_at_idx" ON "revisions" USING btree ("created_at");
  CREATE UNIQUE INDEX "algorithm_revisionNumber_idx" ON "revisions" USING btree ("algorithm_id","revision_number");
  CREATE UNIQUE INDEX "audit_events_sequence_idx" ON "audit_events" USING btree ("sequence");
  CREATE INDEX "audit_events_event_type_idx" ON "audit_events" USING btree ("event_type");
  CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events" USING btree ("occurred_at");
  CREATE INDEX "audit_events_actor_id_idx" ON "audit_events" USING btree ("actor_id");
  CREATE INDEX "audit_events_organisation_id_idx" ON "audit_events" USING btree ("organisation_id");
  CREATE INDEX "audit_events_target_collection_idx" ON "audit_events" USING btree ("target_collection");
  CREATE INDEX "audit_events_target_id_idx" ON "audit_events" USING btree ("target_id");
  CREATE INDEX "audit_events_request_id_idx" ON "audit_events" USING btree ("request_id");
  CREATE UNIQUE INDEX "audit_events_hash_idx" ON "audit_events" USING btree ("hash");
  CREATE INDEX "audit_events_updated_at_idx" ON "audit_events" USING btree ("updated_at");
  CREATE INDEX "audit_events_created_at_idx" ON "audit_events" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_organisations_id_idx" ON "payload_locked_documents_rels" USING btree ("organisations_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_algorithms_id_idx" ON "payload_locked_documents_rels" USING btree ("algorithms_id");
  CREATE INDEX "payload_locked_documents_rels_revisions_id_idx" ON "payload_locked_documents_rels" USING btree ("revisions_id");
  CREATE INDEX "payload_locked_documents_rels_audit_events_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_events_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "organisations" CASCADE;
  DROP TABLE "users_memberships" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "algorithms_lawful_basis_grouping" CASCADE;
  DROP TABLE "algorithms_impacttoetsen_grouping" CASCADE;
  DROP TABLE "algorithms_source_data_grouping" CASCADE;
  DROP TABLE "algorithms" CASCADE;
  DROP TABLE "algorithms_texts" CASCADE;
  DROP TABLE "revisions" CASCADE;
  DROP TABLE "audit_events" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  DROP TYPE "public"."enum_organisations_type";
  DROP TYPE "public"."enum_users_memberships_role";
  DROP TYPE "public"."enum_algorithms_workflow_state";
  DROP TYPE "public"."enum_revisions_source";
  DROP TYPE "public"."enum_audit_events_event_type";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
