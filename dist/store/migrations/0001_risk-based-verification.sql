ALTER TABLE "verification_draws" ADD COLUMN "root_org_unit_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "verification_draws" ADD COLUMN "replaced_by" integer;--> statement-breakpoint
ALTER TABLE "verification_draws" ADD COLUMN "replaced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "verification_draws" ADD COLUMN "applied_by" integer;--> statement-breakpoint
ALTER TABLE "verification_draws" ADD COLUMN "applied_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "verification_draw_entries_unit" ON "verification_draw_entries" USING btree ("programme_id","org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "verification_draws_current" ON "verification_draws" USING btree ("programme_id","root_org_unit_id","period") WHERE "verification_draws"."replaced_at" is null;