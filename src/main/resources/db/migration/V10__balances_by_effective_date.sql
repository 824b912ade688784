-- A fund's balances on a day (GET /funds/{code}/balance?on=...) and the accounting year's
-- figures sum the entries dated up to that day: the fund's entries by effective date.
CREATE INDEX journal_entry_fund_effective_date_idx ON journal_entry (fund_id, effective_date);
