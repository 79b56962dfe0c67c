-- The pipelined worker reads a batch in one short transaction and stores its labels in another, while the encoder
-- works on the batch in between; a row lock cannot span both, so the claim is a lease instead. A lease that runs out
-- (its instance died) makes the items claimable again; storing the labels clears it in the same transaction.
ALTER TABLE job_item ADD COLUMN leased_until timestamptz;
