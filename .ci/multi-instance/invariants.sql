-- The ledger's invariants, recomputed in SQL from the tables alone, independently of the
-- service's code (run by .ci/multi-instance-test as the postgres superuser, after the load).
-- Every row this query returns is a violation: "<check> | <fund> | <detail>". No row: all hold.
-- The chart of accounts comes from its one description, ledger/Account, as the psql variable
-- chart (a VALUES list of (account, debit-normal) printed by tools/multiinstance/ChartValues).
--
-- Reversal lines count against the side of the line they reverse, with a minus sign
-- (docs/adr/0004-balances-net-of-reversals.md), exactly as the maintained totals do.
WITH line_sums AS (
    SELECT e.fund_id, l.account,
           sum(CASE WHEN e.reverses_entry_id IS NULL AND l.side = 'D' THEN l.amount_minor
                    WHEN e.reverses_entry_id IS NOT NULL AND l.side = 'C' THEN -l.amount_minor
                    ELSE 0 END) AS debit,
           sum(CASE WHEN e.reverses_entry_id IS NULL AND l.side = 'C' THEN l.amount_minor
                    WHEN e.reverses_entry_id IS NOT NULL AND l.side = 'D' THEN -l.amount_minor
                    ELSE 0 END) AS credit
      FROM journal_line l
      JOIN journal_entry e ON e.id = l.entry_id
     GROUP BY e.fund_id, l.account),
accounts AS (
    SELECT fl.fund_id, fl.fund_code, a.account, a.debit_normal
      FROM fund_ledger fl
     CROSS JOIN (VALUES :chart) AS a (account, debit_normal)),
compared AS (
    SELECT a.fund_id, a.fund_code, a.account, a.debit_normal,
           b.debit_total_minor AS kept_debit, b.credit_total_minor AS kept_credit,
           coalesce(s.debit, 0) AS debit, coalesce(s.credit, 0) AS credit,
           CASE WHEN a.debit_normal THEN coalesce(s.debit, 0) - coalesce(s.credit, 0)
                ELSE coalesce(s.credit, 0) - coalesce(s.debit, 0) END AS balance
      FROM accounts a
      LEFT JOIN ledger_account_balance b ON b.fund_id = a.fund_id AND b.account = a.account
      LEFT JOIN line_sums s ON s.fund_id = a.fund_id AND s.account = a.account),
per_fund AS (
    SELECT fund_id, fund_code,
           max(balance) FILTER (WHERE account = 'COMMITMENTS') AS committed,
           max(credit) FILTER (WHERE account = 'BANK') AS disbursed,
           max(balance) FILTER (WHERE account = 'BANK') AS bank,
           max(balance) FILTER (WHERE account = 'AVAILABLE') AS available
      FROM compared
     GROUP BY fund_id, fund_code),
settled AS (
    SELECT disbursement_id, sum(settled_minor) AS settled_minor
      FROM disbursement_payment
     GROUP BY disbursement_id),
payments AS (
    SELECT fund_id, sum(amount_minor + charges_minor) AS out_minor, count(*) AS payment_count
      FROM disbursement_payment
     GROUP BY fund_id),
disbursed_records AS (
    SELECT d.fund_id,
           coalesce(sum(d.amount_minor - coalesce(s.settled_minor, 0))
                    FILTER (WHERE d.status IN ('APPROVED', 'PARTLY_PAID')), 0) AS approved,
           count(*) FILTER (WHERE d.release_entry_id IS NOT NULL)
               + count(*) FILTER (WHERE d.remainder_release_entry_id IS NOT NULL) AS released_count
      FROM disbursement d
      LEFT JOIN settled s ON s.disbursement_id = d.id
     GROUP BY d.fund_id),
entry_kinds AS (
    SELECT fund_id,
           count(*) FILTER (WHERE kind = 'DISBURSEMENT_COMMITTED') AS committed_entries,
           count(*) FILTER (WHERE kind = 'DISBURSEMENT_PAID') AS paid_entries,
           count(*) FILTER (WHERE kind = 'COMMITMENT_RELEASED') AS released_entries,
           count(*) AS entries,
           max(sequence) AS last_sequence,
           count(DISTINCT sequence) AS distinct_sequences
      FROM journal_entry
     GROUP BY fund_id),
approvals AS (
    SELECT fund_id, count(*) AS approved_decisions
      FROM disbursement_decision
     WHERE outcome = 'APPROVED'
     GROUP BY fund_id)

-- 1. Each maintained total is the sum of the journal lines behind it.
SELECT 'maintained total differs from the journal lines' AS violation, fund_code,
       format('%s: kept debit %s credit %s, lines debit %s credit %s', account, kept_debit, kept_credit, debit, credit)
  FROM compared
 WHERE kept_debit IS DISTINCT FROM debit OR kept_credit IS DISTINCT FROM credit
UNION ALL
-- 2. No account below zero on its normal side.
SELECT 'account below zero on its normal side', fund_code, format('%s: balance %s', account, balance)
  FROM compared
 WHERE balance < 0
UNION ALL
-- 3. Bank = available + commitments (the chart's identity).
SELECT 'bank is not available + committed', fund_code,
       format('bank %s, available %s, committed %s', bank, available, committed)
  FROM per_fund
 WHERE bank <> available + committed
UNION ALL
-- 4. What approved disbursements have left to pay is the money committed, and their payments
--    (with their charges) the money paid out.
SELECT 'approved disbursements left to pay differ from the commitments balance', p.fund_code,
       format('left to pay %s, committed %s', coalesce(d.approved, 0), p.committed)
  FROM per_fund p LEFT JOIN disbursed_records d ON d.fund_id = p.fund_id
 WHERE coalesce(d.approved, 0) <> p.committed
UNION ALL
SELECT 'payments differ from the credits to bank', p.fund_code,
       format('paid %s, disbursed %s', coalesce(m.out_minor, 0), p.disbursed)
  FROM per_fund p LEFT JOIN payments m ON m.fund_id = p.fund_id
 WHERE coalesce(m.out_minor, 0) <> p.disbursed
UNION ALL
-- 5. One commitment entry per approval, one payment entry per payment, one release per cancelled
--    approval or released remainder.
SELECT 'entries do not match the records', fl.fund_code,
       format('DISBURSEMENT_COMMITTED %s vs approvals %s; DISBURSEMENT_PAID %s vs payments %s; COMMITMENT_RELEASED %s vs releases %s',
              coalesce(k.committed_entries, 0), coalesce(a.approved_decisions, 0), coalesce(k.paid_entries, 0),
              coalesce(m.payment_count, 0), coalesce(k.released_entries, 0), coalesce(d.released_count, 0))
  FROM fund_ledger fl
  LEFT JOIN entry_kinds k ON k.fund_id = fl.fund_id
  LEFT JOIN approvals a ON a.fund_id = fl.fund_id
  LEFT JOIN disbursed_records d ON d.fund_id = fl.fund_id
  LEFT JOIN payments m ON m.fund_id = fl.fund_id
 WHERE coalesce(k.committed_entries, 0) <> coalesce(a.approved_decisions, 0)
    OR coalesce(k.paid_entries, 0) <> coalesce(m.payment_count, 0)
    OR coalesce(k.released_entries, 0) <> coalesce(d.released_count, 0)
UNION ALL
-- 6. Each approved, partly paid or paid disbursement has an approval whose commitment entry commits
--    its amount, and each payment an entry that takes what it settled, up to what was debited, out
--    of the bank.
SELECT 'approved disbursement without a matching commitment', f.code, d.id::text
  FROM disbursement d
  JOIN fund f ON f.id = d.fund_id
  LEFT JOIN disbursement_decision dd ON dd.disbursement_id = d.id AND dd.outcome = 'APPROVED'
 WHERE d.status IN ('APPROVED', 'PARTLY_PAID', 'PAID')
   AND (dd.commitment_entry_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
         WHERE e.id = dd.commitment_entry_id AND e.fund_id = d.fund_id AND e.kind = 'DISBURSEMENT_COMMITTED'
           AND l.account = 'COMMITMENTS' AND l.side = 'C' AND l.amount_minor = d.amount_minor))
UNION ALL
SELECT 'payment without a matching payment entry', f.code, p.id::text
  FROM disbursement_payment p
  JOIN fund f ON f.id = p.fund_id
 WHERE NOT EXISTS (
        SELECT 1 FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
         WHERE e.id = p.payment_entry_id AND e.fund_id = p.fund_id AND e.kind = 'DISBURSEMENT_PAID'
           AND l.account = 'BANK' AND l.side = 'C' AND l.amount_minor = least(p.amount_minor, p.settled_minor))
UNION ALL
-- 7. With quorum 1, a recorded FOR vote always decides: an open request has no vote and no decision.
SELECT 'open request with a recorded vote or decision', f.code, d.id::text
  FROM disbursement d
  JOIN fund f ON f.id = d.fund_id
 WHERE d.status = 'REQUESTED'
   AND (EXISTS (SELECT 1 FROM disbursement_vote v WHERE v.disbursement_id = d.id)
        OR EXISTS (SELECT 1 FROM disbursement_decision dd WHERE dd.disbursement_id = d.id))
UNION ALL
-- 8. Each fund's chain has the entries 1..n without gaps, and its head counts n.
SELECT 'chain sequence or head count broken', fl.fund_code,
       format('entry_count %s, entries %s, distinct sequences %s, last sequence %s',
              fl.entry_count, coalesce(k.entries, 0), coalesce(k.distinct_sequences, 0), coalesce(k.last_sequence, 0))
  FROM fund_ledger fl
  LEFT JOIN entry_kinds k ON k.fund_id = fl.fund_id
 WHERE fl.entry_count <> coalesce(k.entries, 0)
    OR coalesce(k.entries, 0) <> coalesce(k.distinct_sequences, 0)
    OR coalesce(k.entries, 0) <> coalesce(k.last_sequence, 0);
