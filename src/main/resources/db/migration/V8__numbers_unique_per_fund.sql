-- A fund's pledges, contributions and disbursements are listed by number, within the fund (the
-- API's pages, the console's latest contributions). Beside the index on (fund, number), each
-- number had a unique index of its own, and PostgreSQL's planner, which takes the funds' rows
-- to be spread evenly along the numbers, would walk that one and filter by fund: measured, the
-- fund page's latest 20 contributions read 6,000 rows of other funds, and a fund that received
-- nothing for a while would be read past every later contribution of every fund. One unique
-- index on (fund, number) now serves the lists and keeps the numbers unique where the pages
-- rely on it. Each number still comes from its table's one identity, so numbers do not repeat
-- across funds either.
CREATE UNIQUE INDEX pledge_fund_number_key ON pledge (fund_id, number);
DROP INDEX pledge_fund_idx;
ALTER TABLE pledge DROP CONSTRAINT pledge_number_key;

CREATE UNIQUE INDEX contribution_fund_number_key ON contribution (fund_id, number);
DROP INDEX contribution_fund_idx;
ALTER TABLE contribution DROP CONSTRAINT contribution_number_key;

CREATE UNIQUE INDEX disbursement_fund_number_key ON disbursement (fund_id, number);
DROP INDEX disbursement_fund_idx;
ALTER TABLE disbursement DROP CONSTRAINT disbursement_number_key;
