CREATE TABLE "idempotency_keys" (
	"user_id" integer NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer,
	"body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "org_unit_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "platform_admin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "failed_logins" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_login_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_unit" ON "audit_log" USING btree ("programme_id","org_unit_id");--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_id_safe" CHECK ("org_units"."id" ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$') NOT VALID;--> statement-breakpoint
-- The unit each past change is about, so the log can be scoped to a reader's subtree.
UPDATE "audit_log" SET "org_unit_id" = split_part("entity_key", '/', 1) WHERE "entity" IN ('data_value', 'data_values', 'period_status');--> statement-breakpoint
UPDATE "audit_log" SET "org_unit_id" = split_part("entity_key", '@', 2) WHERE "entity" = 'user_role';--> statement-breakpoint
UPDATE "audit_log" a SET "org_unit_id" = i."org_unit_id" FROM "invoices" i WHERE a."entity" = 'invoice' AND i."programme_id" = a."programme_id" AND i."id"::text = a."entity_key";--> statement-breakpoint
UPDATE "audit_log" a SET "org_unit_id" = i."org_unit_id" FROM "payments" p JOIN "invoices" i ON i."programme_id" = p."programme_id" AND i."id" = p."invoice_id" WHERE a."entity" = 'payment' AND p."programme_id" = a."programme_id" AND p."id"::text = a."entity_key";--> statement-breakpoint
UPDATE "audit_log" a SET "org_unit_id" = o."org_unit_id" FROM "payment_orders" o WHERE a."entity" = 'payment_order' AND o."programme_id" = a."programme_id" AND o."id"::text = a."entity_key";--> statement-breakpoint
UPDATE "audit_log" a SET "org_unit_id" = r."root_org_unit_id" FROM "invoice_runs" r WHERE a."entity" = 'invoice_run' AND r."programme_id" = a."programme_id" AND r."id"::text = a."entity_key";--> statement-breakpoint
UPDATE "audit_log" a SET "org_unit_id" = d."root_org_unit_id" FROM "verification_draws" d WHERE a."entity" = 'verification_draw' AND d."programme_id" = a."programme_id" AND d."id"::text = a."entity_key";--> statement-breakpoint
UPDATE "audit_log" SET "org_unit_id" = coalesce("new_value"->>'orgUnitId', "old_value"->>'orgUnitId') WHERE "entity" = 'funder_share';--> statement-breakpoint
UPDATE "audit_log" a SET "org_unit_id" = s."org_unit_id" FROM "funder_shares" s WHERE a."entity" = 'funder_share' AND a."org_unit_id" IS NULL AND s."programme_id" = a."programme_id" AND s."id"::text = a."entity_key";
