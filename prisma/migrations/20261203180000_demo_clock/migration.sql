-- Objects created here belong to portal_owner whoever runs the migration (a superuser too): README, Database roles.
SET ROLE portal_owner;

-- The demo and test clock (lib/clock.ts, README "Configuration", DEMO_CLOCK): one row, the offset of
-- the portal's time from the real time in milliseconds. Only read in demo mode.
CREATE TABLE "demo_clock" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "offset_ms" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "demo_clock_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "demo_clock_single_row" CHECK ("id" = 1)
);

-- The app reads and moves the clock, it never deletes the row (the default grants gave it DELETE too).
REVOKE DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "demo_clock" FROM portal_app;
REVOKE ALL ON TABLE "demo_clock" FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON TABLE "demo_clock" TO portal_app;
