CREATE TYPE "public"."invoice_run_status" AS ENUM('completed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."invoice_status" AS ENUM('prepared', 'approved', 'ordered', 'paid');--> statement-breakpoint
CREATE TYPE "public"."workflow_status" AS ENUM('open', 'declared', 'verified', 'validated', 'invoiced', 'approved', 'ordered', 'paid');--> statement-breakpoint
CREATE TABLE "assessments" (
	"programme_id" text NOT NULL,
	"id" serial NOT NULL,
	"kind" text NOT NULL,
	"org_unit_id" text NOT NULL,
	"period" text NOT NULL,
	"package" text NOT NULL,
	"assessed_on" date NOT NULL,
	"assessed_by" integer,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_programme_id_id_pk" PRIMARY KEY("programme_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"programme_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_key" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"programme_id" text NOT NULL,
	"id" serial NOT NULL,
	"funder_id" text,
	"org_unit_id" text NOT NULL,
	"period" text NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	CONSTRAINT "budgets_programme_id_id_pk" PRIMARY KEY("programme_id","id")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"programme_id" text NOT NULL,
	"id" serial NOT NULL,
	"org_unit_id" text NOT NULL,
	"packages" jsonb NOT NULL,
	"start_period" text NOT NULL,
	"end_period" text,
	"equity_category" text,
	"bank_account" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_programme_id_id_pk" PRIMARY KEY("programme_id","id")
);
--> statement-breakpoint
CREATE TABLE "data_values" (
	"programme_id" text NOT NULL,
	"org_unit_id" text NOT NULL,
	"period" text NOT NULL,
	"activity" text NOT NULL,
	"state" text NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_values_programme_id_org_unit_id_period_activity_state_pk" PRIMARY KEY("programme_id","org_unit_id","period","activity","state")
);
--> statement-breakpoint
CREATE TABLE "funder_shares" (
	"programme_id" text NOT NULL,
	"id" serial NOT NULL,
	"funder_id" text NOT NULL,
	"org_unit_id" text NOT NULL,
	"payment" text,
	"share" numeric(7, 6) NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text,
	CONSTRAINT "funder_shares_programme_id_id_pk" PRIMARY KEY("programme_id","id")
);
--> statement-breakpoint
CREATE TABLE "funders" (
	"programme_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "funders_programme_id_id_pk" PRIMARY KEY("programme_id","id")
);
--> statement-breakpoint
CREATE TABLE "invoice_run_inputs" (
	"programme_id" text NOT NULL,
	"run_id" integer NOT NULL,
	"org_unit_id" text NOT NULL,
	"period" text NOT NULL,
	"activity" text NOT NULL,
	"state" text NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	CONSTRAINT "invoice_run_inputs_programme_id_run_id_org_unit_id_period_activity_state_pk" PRIMARY KEY("programme_id","run_id","org_unit_id","period","activity","state")
);
--> statement-breakpoint
CREATE TABLE "invoice_run_values" (
	"programme_id" text NOT NULL,
	"run_id" integer NOT NULL,
	"org_unit_id" text NOT NULL,
	"period" text NOT NULL,
	"name" text NOT NULL,
	"value" double precision,
	CONSTRAINT "invoice_run_values_programme_id_run_id_org_unit_id_period_name_pk" PRIMARY KEY("programme_id","run_id","org_unit_id","period","name")
);
--> statement-breakpoint
CREATE TABLE "invoice_runs" (
	"programme_id" text NOT NULL,
	"id" serial NOT NULL,
	"root_org_unit_id" text NOT NULL,
	"period" text NOT NULL,
	"programme_version" integer NOT NULL,
	"inputs_hash" text NOT NULL,
	"status" "invoice_run_status" NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_by" integer,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_runs_programme_id_id_pk" PRIMARY KEY("programme_id","id")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"programme_id" text NOT NULL,
	"id" serial NOT NULL,
	"run_id" integer NOT NULL,
	"org_unit_id" text NOT NULL,
	"period" text NOT NULL,
	"payment" text NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"status" "invoice_status" DEFAULT 'prepared' NOT NULL,
	"programme_version" integer NOT NULL,
	"prepared_by" integer,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_programme_id_id_pk" PRIMARY KEY("programme_id","id")
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"programme_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" text,
	"level" integer NOT NULL,
	"path" text NOT NULL,
	"groups" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"valid_from" date,
	"valid_to" date,
	CONSTRAINT "org_units_programme_id_id_pk" PRIMARY KEY("programme_id","id")
);
--> statement-breakpoint
CREATE TABLE "payment_order_lines" (
	"programme_id" text NOT NULL,
	"order_id" integer NOT NULL,
	"invoice_id" integer NOT NULL,
	"funder_id" text NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	CONSTRAINT "payment_order_lines_programme_id_order_id_invoice_id_pk" PRIMARY KEY("programme_id","order_id","invoice_id")
);
--> statement-breakpoint
CREATE TABLE "payment_orders" (
	"programme_id" text NOT NULL,
	"id" serial NOT NULL,
	"funder_id" text NOT NULL,
	"period" text NOT NULL,
	"total" numeric(20, 2) NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_orders_programme_id_id_pk" PRIMARY KEY("programme_id","id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"programme_id" text NOT NULL,
	"id" serial NOT NULL,
	"order_id" integer NOT NULL,
	"invoice_id" integer NOT NULL,
	"funder_id" text NOT NULL,
	"paid_on" date NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"reference" text NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_programme_id_id_pk" PRIMARY KEY("programme_id","id")
);
--> statement-breakpoint
CREATE TABLE "period_status" (
	"programme_id" text NOT NULL,
	"org_unit_id" text NOT NULL,
	"period" text NOT NULL,
	"package" text NOT NULL,
	"status" "workflow_status" DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "period_status_programme_id_org_unit_id_period_package_pk" PRIMARY KEY("programme_id","org_unit_id","period","package")
);
--> statement-breakpoint
CREATE TABLE "programme_versions" (
	"programme_id" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" text NOT NULL,
	"definition" jsonb NOT NULL,
	"hash" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_versions_programme_id_version_pk" PRIMARY KEY("programme_id","version")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"currency" text NOT NULL,
	"currency_decimals" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" integer NOT NULL,
	"programme_id" text NOT NULL,
	"role" text NOT NULL,
	"org_unit_id" text NOT NULL,
	CONSTRAINT "user_roles_user_id_programme_id_role_org_unit_id_pk" PRIMARY KEY("user_id","programme_id","role","org_unit_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'fr' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "verification_draw_entries" (
	"programme_id" text NOT NULL,
	"draw_id" integer NOT NULL,
	"org_unit_id" text NOT NULL,
	"risk_class" text NOT NULL,
	"probability" double precision NOT NULL,
	"drawn" boolean NOT NULL,
	"validation_rate" double precision,
	"reasons" jsonb NOT NULL,
	CONSTRAINT "verification_draw_entries_programme_id_draw_id_org_unit_id_pk" PRIMARY KEY("programme_id","draw_id","org_unit_id")
);
--> statement-breakpoint
CREATE TABLE "verification_draws" (
	"programme_id" text NOT NULL,
	"id" serial NOT NULL,
	"period" text NOT NULL,
	"seed" text NOT NULL,
	"parameters" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "verification_draws_programme_id_id_pk" PRIMARY KEY("programme_id","id")
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_values" ADD CONSTRAINT "data_values_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_shares" ADD CONSTRAINT "funder_shares_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funders" ADD CONSTRAINT "funders_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_runs" ADD CONSTRAINT "invoice_runs_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_status" ADD CONSTRAINT "period_status_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_versions" ADD CONSTRAINT "programme_versions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_draws" ADD CONSTRAINT "verification_draws_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity" ON "audit_log" USING btree ("programme_id","entity","entity_key");--> statement-breakpoint
CREATE INDEX "contracts_unit" ON "contracts" USING btree ("programme_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "data_values_period" ON "data_values" USING btree ("programme_id","period");--> statement-breakpoint
CREATE INDEX "invoice_runs_scope" ON "invoice_runs" USING btree ("programme_id","root_org_unit_id","period");--> statement-breakpoint
CREATE INDEX "invoices_unit_period" ON "invoices" USING btree ("programme_id","org_unit_id","period");--> statement-breakpoint
CREATE INDEX "invoices_run" ON "invoices" USING btree ("programme_id","run_id");--> statement-breakpoint
CREATE INDEX "org_units_path" ON "org_units" USING btree ("programme_id","path");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_order_lines_once" ON "payment_order_lines" USING btree ("programme_id","invoice_id","funder_id");--> statement-breakpoint
CREATE INDEX "payments_invoice" ON "payments" USING btree ("programme_id","invoice_id");