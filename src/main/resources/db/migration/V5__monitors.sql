-- One row per sync-job monitor (a scheduled job or a channel dispatcher), shared by every instance: runs of any
-- instance are recorded here, and state changes are made under the row's lock or by a conditional UPDATE on
-- version, so exactly one instance makes (and announces) each change.
CREATE TABLE sync_monitor (
    id                  text PRIMARY KEY,
    kind                text        NOT NULL,
    channel             text,
    schedule            text,
    period_ms           bigint,
    grace_ms            bigint      NOT NULL,
    timeout_ms          bigint      NOT NULL,
    registered_at       timestamptz NOT NULL,
    state               text        NOT NULL DEFAULT 'NEW',
    state_reason        text,
    state_changed_at    timestamptz,
    version             bigint      NOT NULL DEFAULT 0,
    last_run_id         uuid,
    last_start_at       timestamptz,
    last_success_at     timestamptz,
    last_failure_at     timestamptz,
    last_error          text,
    last_heartbeat_at   timestamptz,
    last_duration_ms    bigint,
    last_processed      bigint,
    last_failed         bigint,
    recent_durations_ms bigint[]    NOT NULL DEFAULT '{}',
    anomalies           text[]      NOT NULL DEFAULT '{}',
    anomaly_detail      text,
    anomaly_at          timestamptz
);
