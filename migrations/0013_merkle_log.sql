-- The audit log as a Merkle tree (issue 14, item 3; src/modules/audit/audit.merkle.ts).
-- audit_log itself is unchanged: its entries keep their chain hashes, so every chain head
-- signed before stays verifiable, and the tree's leaves are those same entries (leaf
-- index = position - 1). Writers touch none of these tables; the checkpoint signer does.
--
-- Perfect subtrees of two or more leaves, (level, idx) covering leaves
-- [idx * 2^level, (idx + 1) * 2^level), cached so a root or a proof reads O(log n) rows.
-- Written only for leaves below the largest signed checkpoint's size.
CREATE TABLE "audit_tree_nodes" (
	"level" integer NOT NULL,
	"idx" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_tree_nodes_level_idx_pk" PRIMARY KEY("level","idx")
);
--> statement-breakpoint
-- Signed checkpoints (C2SP tlog-checkpoint): one per tree size, never two.
CREATE TABLE "audit_checkpoints" (
	"size" bigint PRIMARY KEY NOT NULL,
	"root_hash" text NOT NULL,
	"note" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Witness keys, registered by the auditor organisation that holds the private key.
CREATE TABLE "audit_witnesses" (
	"name" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"public_key" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_witnesses" ADD CONSTRAINT "audit_witnesses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_witnesses_public_key_unique" ON "audit_witnesses" USING btree ("public_key");--> statement-breakpoint
-- Cosignatures (C2SP tlog-cosignature): one per witness and checkpoint.
CREATE TABLE "audit_cosignatures" (
	"size" bigint NOT NULL,
	"witness_name" text NOT NULL,
	"timestamp" bigint NOT NULL,
	"line" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_cosignatures_size_witness_name_pk" PRIMARY KEY("size","witness_name")
);
--> statement-breakpoint
ALTER TABLE "audit_cosignatures" ADD CONSTRAINT "audit_cosignatures_size_audit_checkpoints_size_fk" FOREIGN KEY ("size") REFERENCES "public"."audit_checkpoints"("size") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_cosignatures" ADD CONSTRAINT "audit_cosignatures_witness_name_audit_witnesses_name_fk" FOREIGN KEY ("witness_name") REFERENCES "public"."audit_witnesses"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Append-only, like the chain (0004): nothing here is ever changed or removed.
CREATE TRIGGER audit_tree_nodes_append_only BEFORE UPDATE OR DELETE ON audit_tree_nodes FOR EACH ROW EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER audit_tree_nodes_no_truncate BEFORE TRUNCATE ON audit_tree_nodes FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER audit_witnesses_append_only BEFORE UPDATE OR DELETE ON audit_witnesses FOR EACH ROW EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER audit_witnesses_no_truncate BEFORE TRUNCATE ON audit_witnesses FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER audit_cosignatures_append_only BEFORE UPDATE OR DELETE ON audit_cosignatures FOR EACH ROW EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
CREATE TRIGGER audit_cosignatures_no_truncate BEFORE TRUNCATE ON audit_cosignatures FOR EACH STATEMENT EXECUTE FUNCTION registry_forbid_change();--> statement-breakpoint
GRANT SELECT, INSERT ON audit_tree_nodes, audit_checkpoints, audit_witnesses, audit_cosignatures TO registry_app;
