-- Point-in-time balances and the change feed (docs/concepts/ledger.md, docs/guides/partner-integration.md).

-- 1. The totals of every account of a fund as they stood after each entry, written with the
--    entry (net of reversals, as ledger_account_balance). A balance at any instant is the row
--    of the last entry recorded at or before it: one index probe, whatever the journal's size.
CREATE TABLE ledger_totals (
    fund_id                         bigint      NOT NULL,
    sequence                        bigint      NOT NULL,
    recorded_at                     timestamptz NOT NULL,
    bank_debit_minor                bigint      NOT NULL CHECK (bank_debit_minor >= 0),
    bank_credit_minor               bigint      NOT NULL CHECK (bank_credit_minor >= 0),
    pledges_receivable_debit_minor  bigint      NOT NULL CHECK (pledges_receivable_debit_minor >= 0),
    pledges_receivable_credit_minor bigint      NOT NULL CHECK (pledges_receivable_credit_minor >= 0),
    pledges_to_receive_debit_minor  bigint      NOT NULL CHECK (pledges_to_receive_debit_minor >= 0),
    pledges_to_receive_credit_minor bigint      NOT NULL CHECK (pledges_to_receive_credit_minor >= 0),
    available_debit_minor           bigint      NOT NULL CHECK (available_debit_minor >= 0),
    available_credit_minor          bigint      NOT NULL CHECK (available_credit_minor >= 0),
    commitments_debit_minor         bigint      NOT NULL CHECK (commitments_debit_minor >= 0),
    commitments_credit_minor        bigint      NOT NULL CHECK (commitments_credit_minor >= 0),
    PRIMARY KEY (fund_id, sequence),
    FOREIGN KEY (fund_id, sequence) REFERENCES journal_entry (fund_id, sequence)
);
CREATE INDEX ledger_totals_time_idx ON ledger_totals (fund_id, recorded_at, sequence);

-- A fund's entries are recorded at non-decreasing instants, so that "the last entry recorded at
-- or before T" is also "every entry up to it": the service never stamps an entry earlier than
-- the fund's previous one, even when instances' clocks disagree.
ALTER TABLE fund_ledger ADD COLUMN head_recorded_at timestamptz;
UPDATE fund_ledger l SET head_recorded_at = (SELECT max(e.recorded_at) FROM journal_entry e WHERE e.fund_id = l.fund_id);

INSERT INTO ledger_totals
SELECT fund_id, sequence, recorded_at,
       sum(bank_d) OVER w, sum(bank_c) OVER w, sum(pr_d) OVER w, sum(pr_c) OVER w,
       sum(ptr_d) OVER w, sum(ptr_c) OVER w, sum(av_d) OVER w, sum(av_c) OVER w,
       sum(cm_d) OVER w, sum(cm_c) OVER w
  FROM (SELECT e.fund_id, e.sequence, e.recorded_at,
               coalesce(sum(d) FILTER (WHERE l.account = 'BANK'), 0) AS bank_d,
               coalesce(sum(c) FILTER (WHERE l.account = 'BANK'), 0) AS bank_c,
               coalesce(sum(d) FILTER (WHERE l.account = 'PLEDGES_RECEIVABLE'), 0) AS pr_d,
               coalesce(sum(c) FILTER (WHERE l.account = 'PLEDGES_RECEIVABLE'), 0) AS pr_c,
               coalesce(sum(d) FILTER (WHERE l.account = 'PLEDGES_TO_RECEIVE'), 0) AS ptr_d,
               coalesce(sum(c) FILTER (WHERE l.account = 'PLEDGES_TO_RECEIVE'), 0) AS ptr_c,
               coalesce(sum(d) FILTER (WHERE l.account = 'AVAILABLE'), 0) AS av_d,
               coalesce(sum(c) FILTER (WHERE l.account = 'AVAILABLE'), 0) AS av_c,
               coalesce(sum(d) FILTER (WHERE l.account = 'COMMITMENTS'), 0) AS cm_d,
               coalesce(sum(c) FILTER (WHERE l.account = 'COMMITMENTS'), 0) AS cm_c
          FROM journal_entry e
          LEFT JOIN LATERAL (
              -- A reversal's line takes its amount off the side of the line it reverses.
              SELECT l.account,
                     CASE WHEN e.reverses_entry_id IS NULL AND l.side = 'D' THEN l.amount_minor
                          WHEN e.reverses_entry_id IS NOT NULL AND l.side = 'C' THEN -l.amount_minor
                          ELSE 0 END AS d,
                     CASE WHEN e.reverses_entry_id IS NULL AND l.side = 'C' THEN l.amount_minor
                          WHEN e.reverses_entry_id IS NOT NULL AND l.side = 'D' THEN -l.amount_minor
                          ELSE 0 END AS c
                FROM journal_line l WHERE l.entry_id = e.id) l ON true
         GROUP BY e.fund_id, e.sequence, e.recorded_at) per_entry
WINDOW w AS (PARTITION BY fund_id ORDER BY sequence);

-- 2. The change feed: one event per business fact, in the order partners read it. An event's
--    position is taken at insert time, but transactions commit in another order; the feed only
--    shows events of transactions older than every transaction still running (tx below the
--    snapshot's xmin), ordered by (tx, position), so that nothing can later appear before
--    a position a reader has passed.
CREATE TABLE ledger_event (
    position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx             xid8         NOT NULL DEFAULT pg_current_xact_id(),
    fund_id        bigint       NOT NULL REFERENCES fund (id),
    type           varchar(40)  NOT NULL,
    amount_minor   bigint       CHECK (amount_minor > 0),
    currency       varchar(3)   REFERENCES currency (code),
    entry_id       uuid         REFERENCES journal_entry (id),
    reference_type varchar(20),
    reference_id   uuid,
    occurred_at    timestamptz  NOT NULL,
    CONSTRAINT ledger_event_amount_complete CHECK ((amount_minor IS NULL) = (currency IS NULL)),
    CONSTRAINT ledger_event_reference_complete CHECK ((reference_type IS NULL) = (reference_id IS NULL))
);
CREATE INDEX ledger_event_feed_idx ON ledger_event (tx, position);
CREATE INDEX ledger_event_fund_feed_idx ON ledger_event (fund_id, tx, position);
-- A reversal's event is about the same record as the event of the entry it reverses.
CREATE INDEX ledger_event_entry_idx ON ledger_event (entry_id) WHERE entry_id IS NOT NULL;

-- What happened before the feed existed, in the order it was recorded.
INSERT INTO ledger_event (fund_id, type, amount_minor, currency, entry_id, reference_type, reference_id, occurred_at)
SELECT fund_id, type, amount_minor, currency, entry_id, reference_type, reference_id, occurred_at
  FROM (SELECT e.fund_id, e.kind AS type,
               (SELECT l.amount_minor FROM journal_line l WHERE l.entry_id = e.id AND l.line_no = 1) AS amount_minor,
               (SELECT min(l.currency) FROM journal_line l WHERE l.entry_id = e.id) AS currency,
               e.id AS entry_id, NULL AS reference_type, NULL::uuid AS reference_id, e.recorded_at AS occurred_at,
               e.sequence AS tiebreak
          FROM journal_entry e
        UNION ALL
        SELECT d.fund_id, 'DISBURSEMENT_REQUESTED', d.amount_minor, d.currency, NULL, 'disbursement', d.id,
               d.requested_at, 0
          FROM disbursement d
        UNION ALL
        SELECT d.fund_id, 'DISBURSEMENT_REJECTED', d.amount_minor, d.currency, NULL, 'disbursement', d.id,
               x.decided_at, 0
          FROM disbursement d JOIN disbursement_decision x ON x.disbursement_id = d.id AND x.outcome = 'REJECTED'
        UNION ALL
        SELECT d.fund_id, 'DISBURSEMENT_WITHDRAWN', d.amount_minor, d.currency, NULL, 'disbursement', d.id,
               d.cancelled_at, 0
          FROM disbursement d WHERE d.status = 'CANCELLED' AND d.release_entry_id IS NULL) past
 ORDER BY occurred_at, fund_id, tiebreak;

CREATE TRIGGER ledger_totals_append_only BEFORE UPDATE OR DELETE ON ledger_totals
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER ledger_totals_no_truncate BEFORE TRUNCATE ON ledger_totals
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER ledger_event_append_only BEFORE UPDATE OR DELETE ON ledger_event
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER ledger_event_no_truncate BEFORE TRUNCATE ON ledger_event
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();

GRANT SELECT, INSERT ON ledger_totals TO ${appRole};
GRANT SELECT, INSERT ON ledger_event TO ${appRole};
