-- A fund's balances on a day (GET /funds/{code}/balance?on=...) and the accounting year's
-- figures sum the entries dated up to that day: the fund's entries by effective date.
CREATE INDEX journal_entry_fund_effective_date_idx ON journal_entry (fund_id, effective_date);

-- The accounting reads (accounting/ChartLines) find the record an entry is about, and so its
-- donor, through the entry's one event: one event per entry, held here, so that a second one
-- could never count an entry's lines twice.
CREATE UNIQUE INDEX ledger_event_entry_key ON ledger_event (entry_id) WHERE entry_id IS NOT NULL;
DROP INDEX ledger_event_entry_idx;
