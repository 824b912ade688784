-- One recorded contribution, allocated to a pledge, as the service writes it since issue #20 (the
-- SQL before it, the fixed reference, is contribution.sql; bench/run runs both, with pgbench -M
-- prepared as ledger_app, on its own funds PGB-1 .. PGB-:nfunds, each with one donor and one big
-- pledge made through the API). What changed: the fund's id and currency and the donor's account
-- code are kept by the service once read (they never change, V15), so neither is read again; the
-- lock answers the fund's ledger row with the fund's status, so the row is not read twice; the
-- ledger writes its rows in plain SQL (ADR 0020): the lock and the balances in one round trip, and
-- the entry, its lines, the totals after it, its event, the balances and the chain's head in
-- another, each table's rows from arrays. The statements, as pg_stat_statements counted them for
-- the service: advisory lock, idempotency-key lookup, the lock (fund_ledger FOR NO KEY UPDATE with
-- its row, fund status FOR SHARE) and the 5 balances, pledge FOR NO KEY UPDATE and its
-- instalments, then in one pipeline journal_entry, journal_line, ledger_totals, ledger_event, the
-- balances and the fund_ledger head, then the pledge's received amount, contribution, allocation,
-- the idempotency key, COMMIT (18 statements with BEGIN and COMMIT). pgbench cannot read a
-- pipeline's results into variables (\gset), so the lock and the balances are two round trips
-- here, one in the service. The deferred triggers (entry balanced, per entry and per line) run at
-- COMMIT as in the service.
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
SELECT account, debit_total_minor, credit_total_minor FROM ledger_account_balance WHERE fund_id = :fid;
SELECT id AS pid, donor_id AS did FROM pledge WHERE fund_id = :fid ORDER BY number LIMIT 1 FOR NO KEY UPDATE \gset
SELECT pledge_id, number, amount_minor, due_on, received_minor FROM pledge_instalment WHERE pledge_id = :pid::uuid ORDER BY due_on, number;
\startpipeline
INSERT INTO journal_entry (id, fund_id, sequence, kind, memo, effective_date, recorded_at, recorded_by, reverses_entry_id, previous_hash, hash)
SELECT * FROM unnest(ARRAY[:eid::uuid], ARRAY[:fid::bigint], ARRAY[:seq::bigint], ARRAY['CONTRIBUTION_RECEIVED']::varchar[],
                     ARRAY['Contribution B-' || :cid::text]::varchar[], ARRAY[DATE '2020-10-02'], ARRAY[now()], ARRAY['bench-pgbench']::varchar[],
                     ARRAY[NULL]::uuid[], ARRAY[decode(:prev::text, 'hex')], ARRAY[decode(:hash::text, 'hex')]);
INSERT INTO journal_line (entry_id, line_no, account, side, amount_minor, currency, original_amount_minor, original_currency, exchange_rate)
SELECT * FROM unnest(ARRAY[:eid::uuid, :eid::uuid, :eid::uuid, :eid::uuid], ARRAY[1, 2, 3, 4]::smallint[],
                     ARRAY['BANK', 'AVAILABLE', 'PLEDGES_TO_RECEIVE', 'PLEDGES_RECEIVABLE']::varchar[], ARRAY['D', 'C', 'D', 'C']::varchar[],
                     ARRAY[:amount, :amount, :amount, :amount]::bigint[], ARRAY['EUR', 'EUR', 'EUR', 'EUR']::varchar[],
                     ARRAY[NULL, NULL, NULL, NULL]::bigint[], ARRAY[NULL, NULL, NULL, NULL]::varchar[], ARRAY[NULL, NULL, NULL, NULL]::numeric[]);
INSERT INTO ledger_totals
SELECT :fid, :seq, now(),
       sum(debit_total_minor) FILTER (WHERE account = 'BANK') + :amount, sum(credit_total_minor) FILTER (WHERE account = 'BANK'),
       sum(debit_total_minor) FILTER (WHERE account = 'PLEDGES_RECEIVABLE'), sum(credit_total_minor) FILTER (WHERE account = 'PLEDGES_RECEIVABLE') + :amount,
       sum(debit_total_minor) FILTER (WHERE account = 'PLEDGES_TO_RECEIVE') + :amount, sum(credit_total_minor) FILTER (WHERE account = 'PLEDGES_TO_RECEIVE'),
       sum(debit_total_minor) FILTER (WHERE account = 'AVAILABLE'), sum(credit_total_minor) FILTER (WHERE account = 'AVAILABLE') + :amount,
       coalesce(sum(debit_total_minor) FILTER (WHERE account = 'COMMITMENTS'), 0), coalesce(sum(credit_total_minor) FILTER (WHERE account = 'COMMITMENTS'), 0)
  FROM ledger_account_balance WHERE fund_id = :fid;
INSERT INTO ledger_event (fund_id, type, amount_minor, currency, entry_id, reference_type, reference_id, occurred_at)
SELECT * FROM unnest(ARRAY[:fid::bigint], ARRAY['CONTRIBUTION_RECEIVED']::varchar[], ARRAY[:amount::bigint], ARRAY['EUR']::varchar[],
                     ARRAY[:eid::uuid], ARRAY['contribution']::varchar[], ARRAY[:cid::uuid], ARRAY[now()]);
UPDATE ledger_account_balance b
   SET debit_total_minor = b.debit_total_minor + v.d, credit_total_minor = b.credit_total_minor + v.c
  FROM unnest(ARRAY['BANK', 'AVAILABLE', 'PLEDGES_TO_RECEIVE', 'PLEDGES_RECEIVABLE']::varchar[],
              ARRAY[:amount, 0, :amount, 0]::bigint[], ARRAY[0, :amount, 0, :amount]::bigint[]) AS v (account, d, c)
 WHERE b.fund_id = :fid AND b.account = v.account;
UPDATE fund_ledger SET entry_count = :seq, head_hash = decode(:hash::text, 'hex'), head_recorded_at = now()
 WHERE fund_id = :fid;
\endpipeline
UPDATE pledge SET received_minor = received_minor + :amount WHERE id = :pid::uuid;
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
