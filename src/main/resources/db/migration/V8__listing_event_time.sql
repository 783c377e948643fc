-- End-to-end latency (inventory.sync.end.to.end.latency): the timestamp of the earliest event not yet shown by the
-- channel. The ledger sets it when a listing's desired quantity moves away from what the channel shows and keeps the
-- earliest while the listing stays ahead; the dispatcher measures from it when the channel acknowledges the push.
-- NULL for a change no event caused (a replayed rejected push, a reconciliation correction).
ALTER TABLE channel_listing ADD COLUMN event_at timestamptz;
