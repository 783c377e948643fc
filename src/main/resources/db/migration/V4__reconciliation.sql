-- Scheduled reconciliation (io.inventorysync.reconciliation): what each channel really shows, read back and compared
-- with what we last pushed successfully. A run whose differences exceed its share of the listings compared is held
-- (nothing corrected) until an operator applies it.
CREATE TABLE reconciliation_run (
    id                    bigserial   PRIMARY KEY,
    channel               text        NOT NULL,
    status                text        NOT NULL CHECK (status IN ('running', 'done', 'held', 'failed')),
    trigger               text        NOT NULL,            -- schedule | admin
    started_at            timestamptz NOT NULL DEFAULT now(),
    finished_at           timestamptz,
    listings_compared     integer     NOT NULL DEFAULT 0,
    listings_unreadable   integer     NOT NULL DEFAULT 0,  -- mapped but the channel had no such listing
    differences           integer     NOT NULL DEFAULT 0,
    corrections_requested integer     NOT NULL DEFAULT 0,
    max_difference_share  numeric     NOT NULL,
    applied_at            timestamptz,                     -- when an operator applied a held run
    error                 text
);
CREATE INDEX reconciliation_run_by_channel ON reconciliation_run (channel, id DESC);

-- One row per listing whose channel quantity differed from the quantity we last pushed.
CREATE TABLE reconciliation_difference (
    run_id            bigint  NOT NULL REFERENCES reconciliation_run (id) ON DELETE CASCADE,
    sku               text    NOT NULL,
    expected_quantity integer NOT NULL,   -- pushed_quantity at the time of the run
    channel_quantity  integer NOT NULL,   -- what the channel showed
    pushed_version    bigint  NOT NULL,   -- a correction applies only while the listing is still at this version
    corrected         boolean NOT NULL DEFAULT false,
    PRIMARY KEY (run_id, sku)
);
