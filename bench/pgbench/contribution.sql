-- One recorded contribution, allocated to a pledge, as the service writes it (bench/run runs
-- this with pgbench -M prepared as ledger_app, the service's role). The funds are bench/run's
-- own (codes PGB-1 .. PGB-:nfunds, each with one donor and one big pledge made through the API),
-- not those the service is loaded on. The statements follow what the service sent for one
-- contribution (checked with log_statement = all): advisory lock, idempotency-key lookup, fund by
-- code, donor, fund_ledger FOR NO KEY UPDATE, pledge FOR NO KEY UPDATE and its instalments, fund
-- status FOR SHARE, the 5 balances, then journal_entry, 4 journal_line, ledger_totals,
-- ledger_event, contribution, allocation, 4 balance updates, the fund_ledger head, the
-- idempotency key, COMMIT (27 statements). Hibernate sends the 4 lines and the 4 balance updates
-- as JDBC batches (one round trip each); here they are one statement each, and the order differs
-- a little (same locks, same rows). The deferred triggers (entry balanced, per entry and per
-- line) run at COMMIT as in the service.
\set n random(1, :nfunds)
\set amount 100
BEGIN;
SELECT pg_try_advisory_xact_lock(hashtext('bench-pgbench-' || :client_id || '-' || random()));
SELECT id AS fid FROM fund WHERE code = 'PGB-' || :n::text \gset
SELECT l.entry_count + 1 AS seq, encode(l.head_hash, 'hex') AS prev, x.eid, x.cid, x.ikey,
       encode(sha256(l.head_hash || convert_to(x.eid::text || (l.entry_count + 1)::text || 'CONTRIBUTION_RECEIVED', 'UTF8')), 'hex') AS hash
  FROM fund_ledger l, (SELECT gen_random_uuid() AS eid, gen_random_uuid() AS cid, gen_random_uuid() AS ikey) x
 WHERE l.fund_id = :fid FOR NO KEY UPDATE OF l \gset
SELECT response_status FROM idempotency_key WHERE subject = 'bench-pgbench' AND key = :ikey::text;
SELECT status FROM fund WHERE id = :fid FOR SHARE;
SELECT id FROM donor WHERE id = (SELECT donor_id FROM pledge WHERE fund_id = :fid ORDER BY number LIMIT 1);
SELECT account, debit_total_minor, credit_total_minor FROM ledger_account_balance WHERE fund_id = :fid;
SELECT id AS pid, donor_id AS did FROM pledge WHERE fund_id = :fid ORDER BY number LIMIT 1 FOR NO KEY UPDATE \gset
SELECT pledge_id, number, amount_minor, due_on, received_minor FROM pledge_instalment WHERE pledge_id = :pid::uuid ORDER BY due_on, number;
INSERT INTO journal_entry (id, fund_id, sequence, kind, memo, effective_date, recorded_at, recorded_by, previous_hash, hash)
  VALUES (:eid::uuid, :fid, :seq, 'CONTRIBUTION_RECEIVED', 'Contribution B-' || :cid::uuid, DATE '2020-10-02', now(), 'bench-pgbench',
          decode(:prev::text, 'hex'), decode(:hash::text, 'hex'));
INSERT INTO journal_line (entry_id, line_no, account, side, amount_minor, currency) VALUES
  (:eid::uuid, 1, 'BANK', 'D', :amount, 'EUR'), (:eid::uuid, 2, 'AVAILABLE', 'C', :amount, 'EUR'),
  (:eid::uuid, 3, 'PLEDGES_TO_RECEIVE', 'D', :amount, 'EUR'), (:eid::uuid, 4, 'PLEDGES_RECEIVABLE', 'C', :amount, 'EUR');
UPDATE ledger_account_balance b
   SET debit_total_minor = b.debit_total_minor + v.d, credit_total_minor = b.credit_total_minor + v.c
  FROM (VALUES ('BANK', :amount, 0), ('AVAILABLE', 0, :amount),
               ('PLEDGES_TO_RECEIVE', :amount, 0), ('PLEDGES_RECEIVABLE', 0, :amount)) AS v (account, d, c)
 WHERE b.fund_id = :fid AND b.account = v.account;
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
UPDATE pledge SET received_minor = received_minor + :amount WHERE id = :pid::uuid;
INSERT INTO idempotency_key (subject, key, request_method, request_path, request_fingerprint, response_status,
                             response_location, response_body, created_at, expires_at)
  VALUES ('bench-pgbench', :ikey::text, 'POST', '/api/v1/funds/PGB-' || :n || '/contributions', sha256(convert_to(:ikey::text, 'UTF8')), 201,
          '/api/v1/funds/PGB-' || :n || '/contributions/' || :cid::uuid,
          repeat('{"id":"' || :cid::uuid || '","bankReference":"B-' || :cid::uuid || '","amount":{"amountMinor":100,"currency":"EUR"}}', 6),
          now(), now() + interval '24 hours');
END;
