ALTER TYPE "public"."job_kind" ADD VALUE 'data-import';--> statement-breakpoint
ALTER TYPE "public"."job_step" ADD VALUE 'checking';