-- Alert escalation (io.inventorysync.alert): incidents and every notification attempt, so a restart neither forgets
-- an incident nor sends a step again, and several instances share the escalation ticker.
CREATE TABLE alert_incident (
    id              bigserial   PRIMARY KEY,
    alert_key       text        NOT NULL,              -- monitor id, or the key given to Alerts.raise
    origin          text        NOT NULL CHECK (origin IN ('monitor', 'api')),
    channel         text,                              -- sales channel concerned; null when none
    level           text        NOT NULL CHECK (level IN ('late', 'down')),
    summary         text        NOT NULL,
    opened_at       timestamptz NOT NULL DEFAULT now(),
    down_since      timestamptz,                       -- start of the escalation clock; null while only late
    acknowledged_at timestamptz,
    acknowledged_by text,
    resolved_at     timestamptz,
    resolution      text,
    closed_at       timestamptz,                       -- resolved, resolved messages sent, protective action lifted
    lease_owner     text,                              -- instance escalating it right now
    lease_until     timestamptz
);
-- One open incident per key: repeated DOWN events and several instances find this row instead of opening another.
CREATE UNIQUE INDEX alert_incident_one_open_per_key ON alert_incident (alert_key) WHERE resolved_at IS NULL;
CREATE INDEX alert_incident_unclosed ON alert_incident (id) WHERE closed_at IS NULL;
CREATE INDEX alert_incident_recent ON alert_incident (resolved_at DESC);

-- Every attempt to notify or to act, with its outcome: the escalation state is read from here.
CREATE TABLE alert_notification (
    id           bigserial   PRIMARY KEY,
    incident_id  bigint      NOT NULL REFERENCES alert_incident (id) ON DELETE CASCADE,
    kind         text        NOT NULL CHECK (kind IN ('warning', 'escalation', 'reminder', 'resolved', 'engage', 'lift')),
    step         integer,                              -- ladder position (0-based) of an escalation
    medium       text        NOT NULL CHECK (medium IN ('chat', 'mail', 'sms', 'protect')),
    outcome      text        NOT NULL CHECK (outcome IN ('sent', 'failed', 'skipped')),
    error        text,
    attempted_at timestamptz NOT NULL DEFAULT now(),
    instance_id  text
);
CREATE INDEX alert_notification_by_incident ON alert_notification (incident_id, id);
