-- The organisation's fiscal years (exercices): docs/concepts/accounting.md.
--
-- Every journal entry falls, by its effective date, in one fiscal year; the years follow each
-- other without gap or overlap, twelve months each, from the start month the organisation chose
-- once (fiscal_calendar). A year is OPEN, then CLOSING (finance asked for its closing: nothing
-- more is posted into it), then CLOSED (someone else confirmed it: its entries are numbered
-- for the FEC, for good). The database, not only the service, refuses an entry into a year
-- that is not open, whichever path wrote it.
--
-- Advisory locks of class 1 (two int4 keys: 1, the year's id) order the postings into a year
-- and the request to close it: every entry takes its year's lock shared until its transaction
-- ends, the closing request takes it exclusively before it changes the status. A posting either
-- commits before the request reads the year, or reads the year after the request committed and
-- is refused. Class 2 (2, 0) lets one transaction at a time create years.

CREATE TABLE fiscal_calendar (
    only_row    boolean  PRIMARY KEY DEFAULT true CHECK (only_row),
    -- The month every fiscal year starts in, on its first day (1 = January: calendar years).
    start_month smallint NOT NULL CHECK (start_month BETWEEN 1 AND 12)
);
INSERT INTO fiscal_calendar (start_month) VALUES (${fiscalYearStartMonth});

CREATE TABLE fiscal_year (
    id                   bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    first_day            date         NOT NULL UNIQUE,
    last_day             date         NOT NULL,
    status               varchar(10)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSING', 'CLOSED')),
    closing_requested_by varchar(200),
    closing_requested_at timestamptz,
    closed_by            varchar(200),
    closed_at            timestamptz,
    -- Numbered at the closing: how many entries the year has (fiscal_year_entry).
    entry_count          bigint       CHECK (entry_count >= 0),
    CONSTRAINT fiscal_year_twelve_months CHECK (
        extract(day FROM first_day) = 1 AND last_day = (first_day + interval '1 year' - interval '1 day')::date),
    CONSTRAINT fiscal_year_no_overlap EXCLUDE USING gist (daterange(first_day, last_day, '[]') WITH &&),
    CONSTRAINT fiscal_year_closing_requested CHECK (
        (status = 'OPEN') = (closing_requested_by IS NULL AND closing_requested_at IS NULL)),
    CONSTRAINT fiscal_year_closed CHECK (
        (status = 'CLOSED') = (closed_by IS NOT NULL AND closed_at IS NOT NULL AND entry_count IS NOT NULL)),
    -- A closing is a two-person act, in the database too.
    CONSTRAINT fiscal_year_closed_by_another CHECK (closed_by IS NULL OR closed_by <> closing_requested_by)
);

-- The rules below read a year's status after taking its lock, and rely on each statement of a
-- function seeing what committed before it started, as READ COMMITTED gives (the service's
-- level). A writer at a stricter level would read the year from its older snapshot: refused.
CREATE FUNCTION fiscal_years_need_read_committed() RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'entries and fiscal years are written at READ COMMITTED, not %',
            current_setting('transaction_isolation') USING ERRCODE = 'invalid_transaction_state';
    END IF;
END;
$$;

-- Years are added next to the ones there are (or as the first), one transaction at a time, in
-- the start month of the calendar, and never before a year that is no longer open: the past of
-- a closed year is closed.
CREATE FUNCTION fiscal_year_must_follow() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    first_year fiscal_year;
BEGIN
    PERFORM fiscal_years_need_read_committed();
    PERFORM pg_advisory_xact_lock(2, 0);
    IF extract(month FROM NEW.first_day) <> (SELECT start_month FROM fiscal_calendar) THEN
        RAISE EXCEPTION 'fiscal years start in month %, not on %', (SELECT start_month FROM fiscal_calendar),
            NEW.first_day USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.status <> 'OPEN' THEN
        RAISE EXCEPTION 'a fiscal year starts OPEN' USING ERRCODE = 'check_violation';
    END IF;
    SELECT * INTO first_year FROM fiscal_year ORDER BY first_day LIMIT 1;
    IF first_year.id IS NULL OR EXISTS (SELECT 1 FROM fiscal_year WHERE last_day + 1 = NEW.first_day) THEN
        RETURN NEW;
    END IF;
    IF first_year.first_day = NEW.last_day + 1 THEN
        -- The first year's lock, as a posting into it takes it, then its status afresh: a
        -- request to close it waits for this year to be made (and then finds a year before it
        -- still open), or has committed and is seen here.
        PERFORM pg_advisory_xact_lock_shared(1, first_year.id::int);
        SELECT * INTO first_year FROM fiscal_year WHERE id = first_year.id;
        IF first_year.status <> 'OPEN' THEN
            RAISE EXCEPTION 'No entry may be dated before %: the fiscal year from % to % is %, and so is its past.',
                first_year.first_day, first_year.first_day, first_year.last_day, first_year.status
                USING ERRCODE = 'SF001';
        END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the fiscal year from % to % would leave a gap', NEW.first_day, NEW.last_day
        USING ERRCODE = 'check_violation';
END;
$$;

CREATE TRIGGER fiscal_year_follows
    BEFORE INSERT ON fiscal_year
    FOR EACH ROW EXECUTE FUNCTION fiscal_year_must_follow();

-- OPEN → CLOSING → CLOSED, or CLOSING → OPEN when a closing request is withdrawn; the days of a
-- year never change, a closed year never changes at all, and no year is ever deleted.
CREATE FUNCTION fiscal_year_moves_forward() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP <> 'UPDATE' THEN
        RAISE EXCEPTION 'fiscal years are never deleted: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.first_day <> OLD.first_day OR NEW.last_day <> OLD.last_day OR OLD.status = 'CLOSED'
            OR NOT ((OLD.status = 'OPEN' AND NEW.status = 'CLOSING')
                 OR (OLD.status = 'CLOSING' AND NEW.status IN ('CLOSED', 'OPEN'))) THEN
        RAISE EXCEPTION 'fiscal year % cannot move from % to %', OLD.first_day, OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER fiscal_year_lifecycle
    BEFORE UPDATE OR DELETE ON fiscal_year
    FOR EACH ROW EXECUTE FUNCTION fiscal_year_moves_forward();
CREATE TRIGGER fiscal_year_no_truncate
    BEFORE TRUNCATE ON fiscal_year
    FOR EACH STATEMENT EXECUTE FUNCTION fiscal_year_moves_forward();

-- The first day of the fiscal year a day falls in, by the calendar: the one place the years are
-- cut (the service asks it too, for a year no entry has made yet).
CREATE FUNCTION fiscal_year_first_day(day date) RETURNS date
    LANGUAGE sql STABLE AS
$$
    SELECT make_date(extract(year FROM day)::int - CASE WHEN extract(month FROM day) < c.start_month THEN 1 ELSE 0 END,
                     c.start_month, 1)
      FROM fiscal_calendar c
$$;

-- The fiscal year a day falls in, made (with every year between it and the others) when there
-- is none yet: the calendar needs no one to open a year.
CREATE FUNCTION fiscal_year_of(day date) RETURNS fiscal_year
    LANGUAGE plpgsql AS
$$
DECLARE
    found fiscal_year;
    edge date;
BEGIN
    SELECT * INTO found FROM fiscal_year WHERE first_day <= day ORDER BY first_day DESC LIMIT 1;
    IF found.id IS NOT NULL AND found.last_day >= day THEN
        RETURN found;
    END IF;
    -- One creator at a time; then look again, another may just have made it.
    PERFORM pg_advisory_xact_lock(2, 0);
    SELECT * INTO found FROM fiscal_year WHERE first_day <= day AND last_day >= day;
    IF found.id IS NOT NULL THEN
        RETURN found;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM fiscal_year) THEN
        edge := fiscal_year_first_day(day);
        INSERT INTO fiscal_year (first_day, last_day)
            VALUES (edge, (edge + interval '1 year' - interval '1 day')::date);
    END IF;
    SELECT max(last_day) INTO edge FROM fiscal_year;
    WHILE edge < day LOOP
        INSERT INTO fiscal_year (first_day, last_day)
            VALUES (edge + 1, (edge + 1 + interval '1 year' - interval '1 day')::date);
        edge := (edge + 1 + interval '1 year' - interval '1 day')::date;
    END LOOP;
    SELECT min(first_day) INTO edge FROM fiscal_year;
    WHILE edge > day LOOP
        INSERT INTO fiscal_year (first_day, last_day)
            VALUES ((edge - interval '1 year')::date, edge - 1);
        edge := (edge - interval '1 year')::date;
    END LOOP;
    SELECT * INTO found FROM fiscal_year WHERE first_day <= day AND last_day >= day;
    RETURN found;
END;
$$;

-- Every entry goes into an open year. The year's lock is taken before its status is read: a
-- request to close it either waits for this transaction, or has committed and is seen.
CREATE FUNCTION journal_entry_in_open_fiscal_year() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    year fiscal_year;
BEGIN
    PERFORM fiscal_years_need_read_committed();
    year := fiscal_year_of(NEW.effective_date);
    PERFORM pg_advisory_xact_lock_shared(1, year.id::int);
    SELECT * INTO year FROM fiscal_year WHERE id = year.id;
    IF year.status <> 'OPEN' THEN
        RAISE EXCEPTION 'No entry may be dated %: the fiscal year from % to % is %.',
            NEW.effective_date, year.first_day, year.last_day, year.status
            USING ERRCODE = 'SF001';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER journal_entry_fiscal_year
    BEFORE INSERT ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_entry_in_open_fiscal_year();

-- The entries of a closed year, numbered without gap in the order they were recorded (the
-- FEC's EcritureNum): written once, by the closing, and never changed.
CREATE TABLE fiscal_year_entry (
    fiscal_year_id bigint NOT NULL REFERENCES fiscal_year (id),
    number         bigint NOT NULL CHECK (number > 0),
    entry_id       uuid   NOT NULL UNIQUE REFERENCES journal_entry (id),
    PRIMARY KEY (fiscal_year_id, number)
);

CREATE TRIGGER fiscal_year_entry_append_only
    BEFORE UPDATE OR DELETE ON fiscal_year_entry
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER fiscal_year_entry_no_truncate
    BEFORE TRUNCATE ON fiscal_year_entry
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();

-- Every move of a year's lifecycle: who, when, from what, to what and why.
CREATE TABLE fiscal_year_change (
    id             bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fiscal_year_id bigint       NOT NULL REFERENCES fiscal_year (id),
    from_status    varchar(10)  NOT NULL,
    to_status      varchar(10)  NOT NULL,
    reason         varchar(500) NOT NULL,
    changed_at     timestamptz  NOT NULL,
    changed_by     varchar(200) NOT NULL
);
CREATE INDEX fiscal_year_change_year_idx ON fiscal_year_change (fiscal_year_id, id);

CREATE TRIGGER fiscal_year_change_append_only
    BEFORE UPDATE OR DELETE ON fiscal_year_change
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER fiscal_year_change_no_truncate
    BEFORE TRUNCATE ON fiscal_year_change
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();

-- The years of the entries already written.
SELECT fiscal_year_of(min(effective_date)), fiscal_year_of(max(effective_date))
  FROM journal_entry HAVING count(*) > 0;

GRANT SELECT ON fiscal_calendar TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON fiscal_year TO ${appRole};
GRANT SELECT, INSERT ON fiscal_year_entry TO ${appRole};
GRANT SELECT, INSERT ON fiscal_year_change TO ${appRole};
