-- An entry's balance is checked once, by the entry's own trigger at commit, not once more for
-- each of its lines.
--
-- V1 ran journal_entry_must_balance() for an entry and again for every line of it: five times
-- the same sum for an entry of four lines, the largest single cost in the database when a bank
-- statement of 10,000 lines is reconciled (docs/operating/performance.md, issue #18). The
-- entry's check, deferred to the commit, sees every line written before it runs. A line needs a
-- check of its own only when that check will not run after it: the entry was written by an
-- earlier transaction, or its check has run already (SET CONSTRAINTS ... IMMEDIATE). Which
-- entries still await their check is kept by the database itself, in a table only the owner
-- can write (a setting or a row's xmin could be forged or reused by the role that inserts).
-- Lines are checked at the end of the statement that writes them, in one trigger call per
-- statement. That is stricter than V1 in one way only: lines added to an entry whose check is
-- done must balance it within their statement, not by the commit.
--
-- The functions name their schema, then pg_temp last, so that no temporary table of the
-- inserting role stands in for a ledger table. Those that look in journal_entry_unchecked do
-- so one key at a time, with sequential scans off: the table is empty whenever it is analysed,
-- so the planner takes it for a page and would read it whole (a join with it was planned that
-- way: a millisecond per statement of lines, 4 s for a bank statement of 10,000 lines), while
-- a transaction may hold 10,000 rows in it.

-- The entries written by the transaction in progress whose check has not run: filled as they
-- are inserted, emptied by each one's check; so empty outside a transaction. Unlogged: nothing
-- in it outlives its transaction.
CREATE UNLOGGED TABLE journal_entry_unchecked (
    entry_id uuid PRIMARY KEY
);
REVOKE ALL ON journal_entry_unchecked FROM PUBLIC;

-- The rule, in one place: at least two lines, debits equal to credits, every line in the
-- fund's currency.
CREATE FUNCTION journal_entry_balance_check(checked_entry uuid) RETURNS void
    LANGUAGE plpgsql
    SET search_path = ${flyway:defaultSchema}, pg_temp AS
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

-- Each new entry awaits its check (a statement trigger: one insert per statement of entries).
CREATE FUNCTION journal_entries_await_check() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp AS
$$
BEGIN
    INSERT INTO journal_entry_unchecked (entry_id) SELECT id FROM new_entries;
    RETURN NULL;
END;
$$;

CREATE TRIGGER journal_entries_await_check
    AFTER INSERT ON journal_entry
    REFERENCING NEW TABLE AS new_entries
    FOR EACH STATEMENT EXECUTE FUNCTION journal_entries_await_check();

-- The entry's trigger (journal_entry_balanced, V1, deferred): the entry no longer awaits its
-- check, and is checked.
CREATE OR REPLACE FUNCTION journal_entry_must_balance() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
    SET enable_seqscan = off AS
$$
BEGIN
    DELETE FROM journal_entry_unchecked WHERE entry_id = NEW.id;
    PERFORM journal_entry_balance_check(NEW.id);
    RETURN NULL;
END;
$$;

CREATE FUNCTION journal_lines_must_balance() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
    SET enable_seqscan = off AS
$$
DECLARE
    checked_entry uuid;
BEGIN
    -- An entry that awaits its check is checked at commit, with every line it has by then.
    -- One look by key per entry: a join would be planned for the table as last analysed.
    FOR checked_entry IN SELECT DISTINCT entry_id FROM new_lines LOOP
        PERFORM FROM journal_entry_unchecked WHERE entry_id = checked_entry;
        IF NOT FOUND THEN
            PERFORM journal_entry_balance_check(checked_entry);
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;

DROP TRIGGER journal_line_balanced ON journal_line;

CREATE TRIGGER journal_lines_balanced
    AFTER INSERT ON journal_line
    REFERENCING NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_must_balance();
