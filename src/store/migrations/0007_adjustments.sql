CREATE TYPE "public"."adjustment_kind" AS ENUM('correction', 'carried');--> statement-breakpoint
CREATE TABLE "corrections" (
	"programme_id" text NOT NULL,
	"id" serial NOT NULL,
	"org_unit_id" text NOT NULL,
	"period" text NOT NULL,
	"package" text NOT NULL,
	"values" jsonb NOT NULL,
	"reason" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "corrections_programme_id_id_pk" PRIMARY KEY("programme_id","id")
);
--> statement-breakpoint
CREATE TABLE "invoice_adjustments" (
	"programme_id" text NOT NULL,
	"id" serial NOT NULL,
	"invoice_id" integer NOT NULL,
	"kind" "adjustment_kind" NOT NULL,
	"source_invoice_id" integer NOT NULL,
	"period" text NOT NULL,
	"correction_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"read_correction_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"corrected_amount" numeric(20, 2),
	"granted_amount" numeric(20, 2),
	"amount" numeric(20, 2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_adjustments_programme_id_id_pk" PRIMARY KEY("programme_id","id")
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "carried_forward" numeric(20, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_adjustments" ADD CONSTRAINT "invoice_adjustments_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrections_unit" ON "corrections" USING btree ("programme_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "invoice_adjustments_invoice" ON "invoice_adjustments" USING btree ("programme_id","invoice_id");--> statement-breakpoint
CREATE INDEX "invoice_adjustments_source" ON "invoice_adjustments" USING btree ("programme_id","source_invoice_id");