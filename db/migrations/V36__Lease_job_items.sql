-- Classification work is handed out in leases: a worker marks the items it takes with who took them and until
-- when, in a short transaction of its own, then labels them and marks them done only if it still holds the lease.
-- A worker that dies or hangs stops holding its items when the lease runs out, and another worker takes them;
-- one that comes back late finds its lease gone and stores nothing, so no item is labelled twice.
ALTER TABLE job_item
    ADD COLUMN leased_by   text,
    ADD COLUMN lease_until timestamptz;
