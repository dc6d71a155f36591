ALTER TABLE "invoice_run_inputs" DROP CONSTRAINT "invoice_run_inputs_programme_id_run_id_org_unit_id_period_activity_state_pk";--> statement-breakpoint
ALTER TABLE "invoice_run_values" DROP CONSTRAINT "invoice_run_values_programme_id_run_id_org_unit_id_period_name_pk";--> statement-breakpoint
CREATE INDEX "invoice_run_inputs_unit" ON "invoice_run_inputs" USING btree ("run_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "invoice_run_values_unit" ON "invoice_run_values" USING btree ("run_id","org_unit_id");