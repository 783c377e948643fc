-- Drop-ship supplier snapshot feeds (io.inventorysync.supplier).

-- Every snapshot file that was applied, quarantined, dismissed or found stale, with the file itself while it is
-- kept (quarantined and dismissed files always; applied ones until the supplier's keepFiles newer ones exist).
CREATE TABLE supplier_snapshot (
    id              bigserial   PRIMARY KEY,
    supplier        text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('applied', 'quarantined', 'rejected', 'stale')),
    reason          text,                  -- why it was quarantined: empty-file, too-few-rows, trailer-missing, ...
    detail          text,
    origin          text        NOT NULL,  -- the file path or URL it was fetched from
    snapshot_at     timestamptz NOT NULL,  -- when its counts were taken (file modification time, see SnapshotFetcher)
    effective_at    timestamptz,           -- the timestamp its events carried (applied snapshots only)
    received_at     timestamptz NOT NULL DEFAULT now(),
    decided_at      timestamptz,           -- when an operator approved or dismissed it
    content_sha256  text        NOT NULL,
    mapping_sha256  text        NOT NULL,  -- a changed mapping file makes the same file worth reading again
    size_bytes      bigint      NOT NULL,
    content         bytea,                 -- the file; NULL once pruned
    rows_total      integer     NOT NULL DEFAULT 0,
    rows_rejected   integer     NOT NULL DEFAULT 0,
    events_emitted  integer     NOT NULL DEFAULT 0
);
CREATE INDEX supplier_snapshot_by_supplier ON supplier_snapshot (supplier, id DESC);
CREATE INDEX supplier_snapshot_by_status ON supplier_snapshot (status, id DESC);

-- The last accepted snapshot per supplier, as counts per our SKU x location: the next snapshot is compared with it
-- so that only changed counts become events. Written in the same transaction that records the snapshot, after
-- Kafka acknowledged the events.
CREATE TABLE supplier_stock (
    supplier    text   NOT NULL,
    sku         text   NOT NULL,
    location_id text   NOT NULL,
    quantity    bigint NOT NULL,
    snapshot_id bigint NOT NULL,
    PRIMARY KEY (supplier, sku, location_id)
);
