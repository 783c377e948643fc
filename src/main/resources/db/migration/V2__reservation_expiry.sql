-- A soft hold lapses unless extended: reservation-expiry releases holds past expires_at.
ALTER TABLE reservation ADD COLUMN expires_at timestamptz;
CREATE INDEX reservation_expiry ON reservation (expires_at);
