-- Shutting out an organisation or one of its clients (issue 12, item 4). A suspended
-- organisation's every token is refused and its subscriptions receive nothing; a revoked
-- client (JWT sub) is refused whatever its token's expiry. The state is here, in
-- PostgreSQL, so every API replica refuses at once.
ALTER TABLE "organisations" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
-- One organisation per kommunkod: subscription filters and status answers name
-- municipalities by it. (A NULL code, every non-municipality, is never a duplicate.)
CREATE UNIQUE INDEX "organisations_municipality_code_unique" ON "organisations" USING btree ("municipality_code");--> statement-breakpoint
CREATE TABLE "revoked_clients" (
	"org_id" text NOT NULL,
	"sub" text NOT NULL,
	"reason" text NOT NULL,
	"revoked_by" text NOT NULL,
	"revoked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "revoked_clients_org_id_sub_pk" PRIMARY KEY("org_id","sub")
);
--> statement-breakpoint
ALTER TABLE "revoked_clients" ADD CONSTRAINT "revoked_clients_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A revocation is final (the client gets a new id from its identity provider), so the
-- application may add revocations but never lift or remove one.
GRANT SELECT, INSERT ON revoked_clients TO registry_app;
