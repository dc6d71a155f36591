ALTER TYPE "public"."invoice_status" ADD VALUE 'rejected';--> statement-breakpoint
DROP INDEX "invoices_current";--> statement-breakpoint
DROP INDEX "payment_order_lines_once";--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "rejected_by" integer;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "rejected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
ALTER TABLE "payment_order_lines" ADD COLUMN "cancelled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD COLUMN "cancelled_by" integer;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_current" ON "invoices" USING btree ("programme_id","org_unit_id","period","payment") WHERE "invoices"."superseded_by" is null and "invoices"."rejected_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_order_lines_once" ON "payment_order_lines" USING btree ("programme_id","invoice_id","funder_id") WHERE not "payment_order_lines"."cancelled";