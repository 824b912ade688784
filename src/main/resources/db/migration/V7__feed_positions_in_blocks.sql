-- The change feed's positions are taken by the service in blocks of 50 (Hibernate's pooled
-- sequence), so that the events of a bank-statement import go to the database in JDBC batches
-- rather than one round trip each. Positions only order the events of one transaction (the
-- feed orders by (tx, position), ADR 0006), and a block is used in increasing order within
-- each transaction, so nothing the feed promises changes; positions have gaps, as they could
-- already. A plain sequence replaces the identity column's: Hibernate validates the sequences
-- it uses, and PostgreSQL does not list identity sequences in information_schema.
ALTER TABLE ledger_event ALTER COLUMN position DROP IDENTITY;
CREATE SEQUENCE ledger_event_position_seq INCREMENT BY 50 OWNED BY ledger_event.position;
SELECT setval('ledger_event_position_seq', coalesce(max(position), 0) + 1, false) FROM ledger_event;
ALTER TABLE ledger_event ALTER COLUMN position SET DEFAULT nextval('ledger_event_position_seq');
GRANT USAGE ON SEQUENCE ledger_event_position_seq TO ${appRole};
