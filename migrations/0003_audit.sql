CREATE TABLE "audit_heads" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_heads_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"length" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"signed_at" text NOT NULL,
	"signature" text NOT NULL,
	"public_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"position" bigint PRIMARY KEY NOT NULL,
	"recorded_at" text NOT NULL,
	"actor_sub" text NOT NULL,
	"org_id" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"request_id" text NOT NULL,
	"digest" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_prevHash_unique" UNIQUE("prev_hash")
);
--> statement-breakpoint
CREATE TABLE "read_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_sub" text NOT NULL,
	"org_id" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_ids" jsonb NOT NULL,
	"request_id" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_log_org_idx" ON "audit_log" USING btree ("org_id","position");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "read_log_at_idx" ON "read_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "read_log_org_idx" ON "read_log" USING btree ("org_id","at");