-- One recorded contribution, allocated to a pledge, as the service writes it since issue #20 (the
-- SQL before it, the fixed reference, is contribution.sql; bench/run runs both, with pgbench -M
-- prepared as ledger_app, on its own funds PGB-1 .. PGB-:nfunds, each with one donor and one big
-- pledge made through the API). What changed: the fund's id and currency and the donor's account
-- code are kept by the service once read (they never change, V15), so neither is read again; the
-- lock answers the fund's ledger row with the fund's status, so the row is not read twice; the
-- maintained balances are moved in one statement. The statements, as pg_stat_statements counted
-- them for the service: advisory lock, idempotency-key lookup, the lock (fund_ledger FOR NO KEY
-- UPDATE with its row, fund status FOR SHARE), pledge FOR NO KEY UPDATE and its instalments, the
-- 5 balances, the pledge's received amount, the 4 balances in one UPDATE, then journal_entry, 4
-- journal_line (one multi-row INSERT, as the driver rewrites the service's batch), ledger_totals,
-- ledger_event, contribution, allocation, the fund_ledger head, the idempotency key, COMMIT
-- (18 statements with BEGIN and COMMIT). The deferred triggers (entry balanced, per entry and per
-- line) run at COMMIT as in the service.
\set n random(1, :nfunds)
\set amount 100
BEGIN;
-- The service makes the ids in Java; here the advisory lock's statement brings them, adding none.
SELECT pg_try_advisory_xact_lock(hashtext('bench-pgbench-' || :client_id || '-' || random())),
       gen_random_uuid() AS eid, gen_random_uuid() AS cid, gen_random_uuid() AS ikey \gset
SELECT response_status FROM idempotency_key WHERE subject = 'bench-pgbench' AND key = :ikey::text;
SELECT l.fund_id AS fid, l.entry_count + 1 AS seq, encode(l.head_hash, 'hex') AS prev,
       encode(sha256(l.head_hash || convert_to(:eid::text || (l.entry_count + 1)::text || 'CONTRIBUTION_RECEIVED', 'UTF8')), 'hex') AS hash,
       (SELECT pg_current_xact_id_if_assigned()) IS NULL AS first_write, f.status
  FROM fund_ledger l JOIN fund f ON f.id = l.fund_id
 WHERE l.fund_code = 'PGB-' || :n::text -- the service knows the fund's id, kept
   FOR NO KEY UPDATE OF l FOR SHARE OF f \gset
SELECT id AS pid, donor_id AS did FROM pledge WHERE fund_id = :fid ORDER BY number LIMIT 1 FOR NO KEY UPDATE \gset
SELECT pledge_id, number, amount_minor, due_on, received_minor FROM pledge_instalment WHERE pledge_id = :pid::uuid ORDER BY due_on, number;
SELECT account, debit_total_minor, credit_total_minor FROM ledger_account_balance WHERE fund_id = :fid;
UPDATE pledge SET received_minor = received_minor + :amount WHERE id = :pid::uuid;
UPDATE ledger_account_balance b
   SET debit_total_minor = b.debit_total_minor + v.d, credit_total_minor = b.credit_total_minor + v.c
  FROM (VALUES ('BANK', :amount, 0), ('AVAILABLE', 0, :amount),
               ('PLEDGES_TO_RECEIVE', :amount, 0), ('PLEDGES_RECEIVABLE', 0, :amount)) AS v (account, d, c)
 WHERE b.fund_id = :fid AND b.account = v.account;
INSERT INTO journal_entry (id, fund_id, sequence, kind, memo, effective_date, recorded_at, recorded_by, previous_hash, hash)
  VALUES (:eid::text::uuid, :fid, :seq, 'CONTRIBUTION_RECEIVED', 'Contribution B-' || :cid::text, DATE '2020-10-02', now(), 'bench-pgbench',
          decode(:prev::text, 'hex'), decode(:hash::text, 'hex'));
INSERT INTO journal_line (entry_id, line_no, account, side, amount_minor, currency) VALUES
  (:eid::uuid, 1, 'BANK', 'D', :amount, 'EUR'), (:eid::uuid, 2, 'AVAILABLE', 'C', :amount, 'EUR'),
  (:eid::uuid, 3, 'PLEDGES_TO_RECEIVE', 'D', :amount, 'EUR'), (:eid::uuid, 4, 'PLEDGES_RECEIVABLE', 'C', :amount, 'EUR');
INSERT INTO ledger_totals
SELECT :fid, :seq, now(),
       sum(debit_total_minor) FILTER (WHERE account = 'BANK'), sum(credit_total_minor) FILTER (WHERE account = 'BANK'),
       sum(debit_total_minor) FILTER (WHERE account = 'PLEDGES_RECEIVABLE'), sum(credit_total_minor) FILTER (WHERE account = 'PLEDGES_RECEIVABLE'),
       sum(debit_total_minor) FILTER (WHERE account = 'PLEDGES_TO_RECEIVE'), sum(credit_total_minor) FILTER (WHERE account = 'PLEDGES_TO_RECEIVE'),
       sum(debit_total_minor) FILTER (WHERE account = 'AVAILABLE'), sum(credit_total_minor) FILTER (WHERE account = 'AVAILABLE'),
       coalesce(sum(debit_total_minor) FILTER (WHERE account = 'COMMITMENTS'), 0), coalesce(sum(credit_total_minor) FILTER (WHERE account = 'COMMITMENTS'), 0)
  FROM ledger_account_balance WHERE fund_id = :fid;
INSERT INTO ledger_event (fund_id, type, amount_minor, currency, entry_id, reference_type, reference_id, occurred_at)
  VALUES (:fid, 'CONTRIBUTION_RECEIVED', :amount, 'EUR', :eid::uuid, 'contribution', :cid::uuid, now());
UPDATE fund_ledger SET entry_count = :seq, head_hash = decode(:hash::text, 'hex'), head_recorded_at = now()
 WHERE fund_id = :fid;
INSERT INTO contribution (id, fund_id, donor_id, amount_minor, currency, received_on, bank_reference, entry_id, created_at, created_by)
  VALUES (:cid::uuid, :fid, :did::uuid, :amount, 'EUR', DATE '2020-10-02', 'B-' || :cid::uuid, :eid::uuid, now(), 'bench-pgbench');
INSERT INTO allocation (contribution_id, number, pledge_id, amount_minor) VALUES (:cid::uuid, 1, :pid::uuid, :amount);
INSERT INTO idempotency_key (subject, key, request_method, request_path, request_fingerprint, response_status,
                             response_location, response_body, created_at, expires_at)
  VALUES ('bench-pgbench', :ikey::text, 'POST', '/api/v1/funds/PGB-' || :n || '/contributions', sha256(convert_to(:ikey::text, 'UTF8')), 201,
          '/api/v1/funds/PGB-' || :n || '/contributions/' || :cid::uuid,
          repeat('{"id":"' || :cid::uuid || '","bankReference":"B-' || :cid::uuid || '","amount":{"amountMinor":100,"currency":"EUR"}}', 6),
          now(), now() + interval '24 hours');
END;
