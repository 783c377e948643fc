-- Stock ledger: one row per SKU x location. available = on_hand - reserved.
CREATE TABLE stock_position (
    sku              text        NOT NULL,
    location_id      text        NOT NULL,
    on_hand          bigint      NOT NULL DEFAULT 0,
    reserved         bigint      NOT NULL DEFAULT 0,
    -- timestamp of the newest absolute count applied; older deltas and absolutes are superseded by it
    last_absolute_at timestamptz,
    -- set while on_hand - reserved < 0, so a negative position is visible, never clamped away
    negative_since   timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (sku, location_id)
);

-- Soft holds per order (inventory.reserve / inventory.release / a sale that consumes its hold).
CREATE TABLE reservation (
    sku         text   NOT NULL,
    location_id text   NOT NULL,
    order_id    text   NOT NULL,
    quantity    bigint NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (sku, location_id, order_id)
);

-- Idempotency: an event id is recorded in the same transaction that applies it.
CREATE TABLE applied_event (
    event_id        text        PRIMARY KEY,
    sku             text        NOT NULL,
    event_type      text        NOT NULL,
    outcome         text        NOT NULL,
    event_timestamp timestamptz NOT NULL,
    applied_at      timestamptz NOT NULL DEFAULT now()
);

-- Every time a position went negative: the critical "negative salable quantity" record.
CREATE TABLE negative_position_log (
    id          bigserial   PRIMARY KEY,
    sku         text        NOT NULL,
    location_id text        NOT NULL,
    available   bigint      NOT NULL,
    event_id    text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);

-- Level-triggered channel state: what each listing should show (desired) and what was last pushed.
CREATE TABLE channel_listing (
    channel            text        NOT NULL,
    sku                text        NOT NULL,
    desired_quantity   integer     NOT NULL,
    desired_version    bigint      NOT NULL,
    desired_at         timestamptz NOT NULL,
    pushed_version     bigint      NOT NULL DEFAULT 0,
    pushed_quantity    integer,
    pushed_at          timestamptz,
    attempts           integer     NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL DEFAULT '-infinity',
    lease_owner        text,
    lease_until        timestamptz,
    last_error_code    text,
    last_error_message text,
    PRIMARY KEY (channel, sku)
);
CREATE INDEX channel_listing_backlog ON channel_listing (channel, desired_at)
    WHERE desired_version > pushed_version;

-- Index of the dead-letter topic (the topic stays the durable record; this makes it listable and replayable).
CREATE TABLE dead_letter (
    id              text        PRIMARY KEY,           -- topic-partition-offset
    stage           text        NOT NULL,
    reason          text        NOT NULL,
    exception       text,
    origin_topic    text,
    message_key     text,
    payload         text        NOT NULL,
    channel         text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    replayed_at     timestamptz,
    replay_count    integer     NOT NULL DEFAULT 0
);
CREATE INDEX dead_letter_reason ON dead_letter (reason, created_at);
