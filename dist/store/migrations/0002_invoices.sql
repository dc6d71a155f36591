ALTER TABLE "invoice_runs" ADD COLUMN "org_units" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_runs" ADD COLUMN "excluded" jsonb DEFAULT '{"skipped": [], "kept": []}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "superseded_by" integer;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD COLUMN "org_unit_id" text NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_current" ON "invoices" USING btree ("programme_id","org_unit_id","period","payment") WHERE "invoices"."superseded_by" is null;