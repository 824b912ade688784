-- An entry's balance is checked once, by the entry's own trigger at commit, not once more for
-- each of its lines.
--
-- V1 ran journal_entry_must_balance() for an entry and again for every line of it: five times
-- the same sum for an entry of four lines, the largest single cost in the database when a bank
-- statement of 10,000 lines is reconciled (docs/operating/performance.md, issue #18). The
-- entry's check, deferred to the commit, sees every line written before it. A line needs a
-- check of its own only when the entry's check will not come after it:
--   - the entry was written by another transaction, or by a subtransaction of this one (its
--     check is another transaction's, or the lines' own below);
--   - this transaction's entry checks have run already (SET CONSTRAINTS ... IMMEDIATE), so a
--     line written now comes after them.
-- Lines are checked at the end of the statement that writes them, in one trigger call per
-- statement, for their entries in either case. That is stricter than V1 in one way only:
-- lines added to such an entry must balance within their statement, not by the commit.

-- The rule, in one place: at least two lines, debits equal to credits, every line in the
-- fund's currency.
CREATE FUNCTION journal_entry_balance_check(checked_entry uuid) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    line_count    bigint;
    debit_total   numeric;
    credit_total  numeric;
    foreign_lines bigint;
BEGIN
    SELECT count(l.entry_id),
           coalesce(sum(l.amount_minor) FILTER (WHERE l.side = 'D'), 0),
           coalesce(sum(l.amount_minor) FILTER (WHERE l.side = 'C'), 0),
           count(*) FILTER (WHERE l.currency <> fl.currency)
      INTO line_count, debit_total, credit_total, foreign_lines
      FROM journal_entry e
      JOIN fund_ledger fl ON fl.fund_id = e.fund_id
      LEFT JOIN journal_line l ON l.entry_id = e.id
     WHERE e.id = checked_entry;
    IF line_count < 2 THEN
        RAISE EXCEPTION 'journal entry % has % line(s); an entry needs at least two', checked_entry, line_count
            USING ERRCODE = 'check_violation';
    END IF;
    IF debit_total <> credit_total THEN
        RAISE EXCEPTION 'journal entry % is unbalanced: debits %, credits %', checked_entry, debit_total, credit_total
            USING ERRCODE = 'check_violation';
    END IF;
    IF foreign_lines > 0 THEN
        RAISE EXCEPTION 'journal entry % has lines in a currency other than its fund''s', checked_entry
            USING ERRCODE = 'check_violation';
    END IF;
END;
$$;

-- The entry's trigger (journal_entry_balanced, V1, deferred): the check, and a note for the
-- lines' trigger, kept until the transaction ends, that an entry's check has run.
CREATE OR REPLACE FUNCTION journal_entry_must_balance() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM set_config('ledger.entry_balance_checked', 'on', true);
    PERFORM journal_entry_balance_check(NEW.id);
    RETURN NULL;
END;
$$;

CREATE FUNCTION journal_lines_must_balance() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    entries_checked boolean := current_setting('ledger.entry_balance_checked', true) IS NOT DISTINCT FROM 'on';
    checked_entry   uuid;
BEGIN
    -- An entry this transaction wrote (not in a subtransaction: its xmin is the transaction's
    -- own id) is checked by its own trigger at commit, unless that trigger has run already.
    FOR checked_entry IN
        SELECT DISTINCT n.entry_id
          FROM new_lines n
          JOIN journal_entry e ON e.id = n.entry_id
         WHERE entries_checked OR NOT (e.xmin = pg_current_xact_id()::xid)
    LOOP
        PERFORM journal_entry_balance_check(checked_entry);
    END LOOP;
    RETURN NULL;
END;
$$;

DROP TRIGGER journal_line_balanced ON journal_line;

CREATE TRIGGER journal_lines_balanced
    AFTER INSERT ON journal_line
    REFERENCING NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_must_balance();
