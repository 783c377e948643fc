-- Operator controls per channel (io.inventorysync.channel.control). channel_listing.desired_quantity stays the
-- ledger's truth; the controls apply when a dispatcher claims a listing, to the quantity it publishes.

CREATE TABLE channel_control (
    channel       text        PRIMARY KEY,
    paused        boolean     NOT NULL DEFAULT false,            -- the channel's dispatchers claim nothing
    shadow_file   boolean     NOT NULL DEFAULT false,            -- settings.shadow of the channel file
    shadow_admin  boolean,                                       -- an operator's choice; overrides the file when set
    limited_below integer     CHECK (limited_below > 0),         -- limited availability engaged: below this, publish 0
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Per listing: paused (not claimed) and an extra buffer (published = max(0, desired - buffer)). A row with neither
-- is deleted, so the table holds only listings an operator is acting on.
CREATE TABLE channel_sku_control (
    channel    text        NOT NULL,
    sku        text        NOT NULL,
    paused     boolean     NOT NULL DEFAULT false,
    buffer     integer     NOT NULL DEFAULT 0 CHECK (buffer >= 0),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, sku)
);

-- Who changed which control, when and why: every change is visible and can be reversed by its opposite.
CREATE TABLE channel_control_audit (
    id      bigserial   PRIMARY KEY,
    channel text        NOT NULL,
    sku     text,
    action  text        NOT NULL,
    detail  text,
    actor   text        NOT NULL,
    reason  text,
    at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX channel_control_audit_by_channel ON channel_control_audit (channel, id DESC);

-- The quantity a listing shows on its channel under the controls in force: the SKU's extra buffer comes off the
-- ledger's quantity (never below 0), and while limited availability is engaged a quantity below its threshold is 0.
-- The one definition the claim, the re-push requests and the shadow reconciliation share.
CREATE FUNCTION published_quantity(p_channel text, p_sku text, p_desired integer) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN c.limited_below IS NOT NULL AND b.q < c.limited_below THEN 0 ELSE b.q END
    FROM (SELECT GREATEST(0, p_desired - COALESCE((SELECT s.buffer FROM channel_sku_control s
                                                   WHERE s.channel = p_channel AND s.sku = p_sku), 0)) AS q) b
    LEFT JOIN channel_control c ON c.channel = p_channel
$$;

-- Reconciliation report: the mode a run compared in (live: against what we pushed, corrects; shadow: against what
-- we would publish, never corrects), how many listings it set out to compare, and when its progress last moved.
ALTER TABLE reconciliation_run
    ADD COLUMN mode           text        NOT NULL DEFAULT 'live' CHECK (mode IN ('live', 'shadow')),
    ADD COLUMN listings_total integer,
    ADD COLUMN progress_at    timestamptz;
