-- What the confirmation of a year's closing writes in the general chart (docs/concepts/accounting.md),
-- in the same transaction as the year's CLOSED status, and never changes afterwards:
--
-- * each fund's fonds dédiés: the unused part of its resources carried (Dr 689x / Cr 19x) and the
--   earlier years' fonds used (Dr 19x / Cr 789x), dated the year's last day, and the variation
--   table they come from, per fund and family of resources;
-- * each fund's opening balances (à-nouveaux) of the next year, dated its first day;
-- * the chart the year was read in, and the digest of its FEC file;
-- * one numbering of the year's entries for the FEC: its opening balances first, then the
--   journal's entries in the order they were recorded, then its fonds dédiés.
--
-- The journal's own entries stay in the funds' accounts (journal_entry); these are the general
-- chart's, with no fund account to map them from.

-- A year closed by the previous version has no fonds dédiés, opening balances or FEC, and a closed
-- year never changes: its books could not be completed, and the next closing would start from
-- nothing. No such year can exist where the closing was never released; refuse to guess.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM fiscal_year WHERE status = 'CLOSED') THEN
        RAISE EXCEPTION 'V11: fiscal years were closed before the closing kept its books (fonds dédiés, opening '
            'balances, FEC); they cannot be completed now. Restore the database from before those closings.';
    END IF;
END;
$$;

CREATE TABLE year_end_entry (
    id             uuid        PRIMARY KEY,
    -- The year the entry is dated in: the closed year (its fonds dédiés), or the next (its opening).
    fiscal_year_id bigint      NOT NULL REFERENCES fiscal_year (id),
    -- The year whose closing wrote it.
    closing_of     bigint      NOT NULL REFERENCES fiscal_year (id),
    fund_id        bigint      NOT NULL REFERENCES fund_ledger (fund_id),
    kind           varchar(16) NOT NULL CHECK (kind IN ('OPENING', 'DEDICATED_FUNDS')),
    effective_date date        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    UNIQUE (closing_of, fund_id, kind),
    CONSTRAINT year_end_entry_fonds_dedies_in_the_closed_year CHECK (
        (kind = 'DEDICATED_FUNDS') = (fiscal_year_id = closing_of))
);
CREATE INDEX year_end_entry_year_idx ON year_end_entry (fiscal_year_id, kind);

CREATE TABLE year_end_line (
    entry_id     uuid        NOT NULL REFERENCES year_end_entry (id),
    line_no      integer     NOT NULL CHECK (line_no > 0),
    -- An account of the general chart the closing read the year in (year_end_closing.chart).
    account      varchar(20) NOT NULL CHECK (account ~ '^[0-9]{3}[0-9A-Z]{0,17}$'),
    -- The donor whose receivable a line carries forward (its auxiliary account in the FEC).
    donor_id     uuid        REFERENCES donor (id),
    side         varchar(1)  NOT NULL CHECK (side IN ('D', 'C')),
    amount_minor bigint      NOT NULL CHECK (amount_minor > 0),
    currency     varchar(3)  NOT NULL REFERENCES currency (code),
    PRIMARY KEY (entry_id, line_no)
);

-- Each entry balances in each currency, checked once per entry at commit (not once per line: an
-- opening entry carries a line per donor's receivable, and summing them at each would be quadratic).
CREATE FUNCTION year_end_entry_must_balance() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    unbalanced record;
BEGIN
    SELECT currency, sum(amount_minor) FILTER (WHERE side = 'D') AS debits,
           sum(amount_minor) FILTER (WHERE side = 'C') AS credits, count(*) AS lines
      INTO unbalanced
      FROM year_end_line
     WHERE entry_id = NEW.id
     GROUP BY currency
    HAVING coalesce(sum(amount_minor) FILTER (WHERE side = 'D'), 0)
        <> coalesce(sum(amount_minor) FILTER (WHERE side = 'C'), 0)
     LIMIT 1;
    IF FOUND OR NOT EXISTS (SELECT 1 FROM year_end_line WHERE entry_id = NEW.id) THEN
        RAISE EXCEPTION 'year-end entry % is unbalanced or has no line', NEW.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$;

-- What a closing writes is written by the confirmation only, while its year is CLOSING (and locked
-- by it): nothing is added to a closed year's books afterwards, whoever writes.
CREATE FUNCTION written_by_its_closing() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    year_id bigint;
BEGIN
    -- Each table names its year its own way (a CASE would read every branch's field of NEW).
    IF TG_TABLE_NAME = 'year_end_entry' THEN
        year_id := NEW.closing_of;
    ELSIF TG_TABLE_NAME = 'year_end_line' THEN
        year_id := (SELECT closing_of FROM year_end_entry WHERE id = NEW.entry_id);
    ELSE
        year_id := NEW.fiscal_year_id;
    END IF;
    IF (SELECT status FROM fiscal_year WHERE id = year_id) IS DISTINCT FROM 'CLOSING' THEN
        RAISE EXCEPTION '% is written by the confirmation of a closing only', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

-- The variation table of the regulation's annex, per year, fund and family of resources: what the
-- fonds dédiés were at the start, the year's resources and charges, what was used and carried, and
-- what they are at the end. The next closing starts from the closing figures.
CREATE TABLE dedicated_funds_movement (
    fiscal_year_id  bigint      NOT NULL REFERENCES fiscal_year (id),
    fund_id         bigint      NOT NULL REFERENCES fund_ledger (fund_id),
    family          varchar(40) NOT NULL,
    currency        varchar(3)  NOT NULL REFERENCES currency (code),
    opening_minor   bigint      NOT NULL CHECK (opening_minor >= 0),
    resources_minor bigint      NOT NULL,
    charges_minor   bigint      NOT NULL,
    used_minor      bigint      NOT NULL CHECK (used_minor >= 0 AND used_minor <= opening_minor),
    carried_minor   bigint      NOT NULL CHECK (carried_minor >= 0),
    closing_minor   bigint      NOT NULL CHECK (closing_minor >= 0),
    PRIMARY KEY (fiscal_year_id, fund_id, family),
    CONSTRAINT dedicated_funds_add_up CHECK (closing_minor = opening_minor - used_minor + carried_minor)
);

-- One per closed year: the chart its entries were read in (so that its FEC reads the same
-- however the chart is configured later) and its FEC file, by name and digest.
CREATE TABLE year_end_closing (
    fiscal_year_id bigint      PRIMARY KEY REFERENCES fiscal_year (id),
    chart          text        NOT NULL,
    fec_file_name  varchar(60) NOT NULL,
    fec_sha256     bytea       NOT NULL CHECK (octet_length(fec_sha256) = 32),
    fec_lines      bigint      NOT NULL CHECK (fec_lines >= 0),
    fec_bytes      bigint      NOT NULL CHECK (fec_bytes > 0)
);

CREATE TRIGGER year_end_entry_by_its_closing
    BEFORE INSERT ON year_end_entry FOR EACH ROW EXECUTE FUNCTION written_by_its_closing();
CREATE TRIGGER year_end_line_by_its_closing
    BEFORE INSERT ON year_end_line FOR EACH ROW EXECUTE FUNCTION written_by_its_closing();
CREATE TRIGGER dedicated_funds_movement_by_its_closing
    BEFORE INSERT ON dedicated_funds_movement FOR EACH ROW EXECUTE FUNCTION written_by_its_closing();
CREATE TRIGGER year_end_closing_by_its_closing
    BEFORE INSERT ON year_end_closing FOR EACH ROW EXECUTE FUNCTION written_by_its_closing();

-- The year's numbering takes its opening balances and its fonds dédiés as well as the journal's
-- entries. Its rows are checked once per statement, not once per row: a closing numbers a whole
-- year in one INSERT, and a foreign key would look up (and lock FOR KEY SHARE, dirtying its page)
-- each of a million entries. The check below is stronger than the keys it replaces: every number
-- is of an existing year that is being closed (CLOSING: the confirmation numbers it), and of an
-- entry (of the journal or of a closing) dated in that year.
-- Nothing it points to can go away: the entries, the years and the numbers are never deleted.
ALTER TABLE fiscal_year_entry
    DROP CONSTRAINT fiscal_year_entry_entry_id_fkey,
    DROP CONSTRAINT fiscal_year_entry_fiscal_year_id_fkey,
    ALTER COLUMN entry_id DROP NOT NULL,
    ADD COLUMN year_end_entry_id uuid UNIQUE,
    ADD CONSTRAINT fiscal_year_entry_one_entry CHECK (num_nonnulls(entry_id, year_end_entry_id) = 1);

CREATE FUNCTION fiscal_year_entry_must_be_of_its_year() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    stray record;
BEGIN
    SELECT n.fiscal_year_id, n.number INTO stray
      FROM numbered n
      LEFT JOIN fiscal_year f ON f.id = n.fiscal_year_id
      LEFT JOIN journal_entry e ON e.id = n.entry_id
      LEFT JOIN year_end_entry y ON y.id = n.year_end_entry_id
     WHERE f.id IS NULL OR f.status <> 'CLOSING'
        OR coalesce(e.effective_date, y.effective_date) IS NULL
        OR coalesce(e.effective_date, y.effective_date) NOT BETWEEN f.first_day AND f.last_day
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'number % of fiscal year % is not of an entry dated in that year, by its closing',
            stray.number,
            stray.fiscal_year_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER fiscal_year_entry_of_its_year
    AFTER INSERT ON fiscal_year_entry
    REFERENCING NEW TABLE AS numbered
    FOR EACH STATEMENT EXECUTE FUNCTION fiscal_year_entry_must_be_of_its_year();

CREATE TRIGGER year_end_entry_append_only
    BEFORE UPDATE OR DELETE ON year_end_entry
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER year_end_entry_no_truncate
    BEFORE TRUNCATE ON year_end_entry
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER year_end_line_append_only
    BEFORE UPDATE OR DELETE ON year_end_line
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER year_end_line_no_truncate
    BEFORE TRUNCATE ON year_end_line
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER dedicated_funds_movement_append_only
    BEFORE UPDATE OR DELETE ON dedicated_funds_movement
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER dedicated_funds_movement_no_truncate
    BEFORE TRUNCATE ON dedicated_funds_movement
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER year_end_closing_append_only
    BEFORE UPDATE OR DELETE ON year_end_closing
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER year_end_closing_no_truncate
    BEFORE TRUNCATE ON year_end_closing
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();

GRANT SELECT, INSERT ON year_end_entry TO ${appRole};
GRANT SELECT, INSERT ON year_end_line TO ${appRole};
GRANT SELECT, INSERT ON dedicated_funds_movement TO ${appRole};
GRANT SELECT, INSERT ON year_end_closing TO ${appRole};
