-- Foundation schema: funds, donors and the append-only double-entry journal.
--
-- Two database roles (see docs/operating/database-roles.md):
--   the owner (runs these migrations) owns every object;
--   the application role ${appRole} may read everything, insert journal rows and update
--   only the mutable business and balance tables. It holds no UPDATE, DELETE or TRUNCATE
--   on journal_entry or journal_line, and triggers refuse those even to the owner.

-- ISO 4217 currencies with their minor units, as the JDK knows them (Currency with
-- non-negative fraction digits). Every amount column references this table.
CREATE TABLE currency (
    code        varchar(3)  PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
    minor_units smallint NOT NULL CHECK (minor_units BETWEEN 0 AND 4)
);

INSERT INTO currency (code, minor_units) VALUES
    ('ADP', 0),
    ('AED', 2),
    ('AFA', 2),
    ('AFN', 2),
    ('ALL', 2),
    ('AMD', 2),
    ('ANG', 2),
    ('AOA', 2),
    ('ARS', 2),
    ('ATS', 2),
    ('AUD', 2),
    ('AWG', 2),
    ('AYM', 2),
    ('AZM', 2),
    ('AZN', 2),
    ('BAM', 2),
    ('BBD', 2),
    ('BDT', 2),
    ('BEF', 0),
    ('BGL', 2),
    ('BGN', 2),
    ('BHD', 3),
    ('BIF', 0),
    ('BMD', 2),
    ('BND', 2),
    ('BOB', 2),
    ('BOV', 2),
    ('BRL', 2),
    ('BSD', 2),
    ('BTN', 2),
    ('BWP', 2),
    ('BYB', 0),
    ('BYN', 2),
    ('BYR', 0),
    ('BZD', 2),
    ('CAD', 2),
    ('CDF', 2),
    ('CHE', 2),
    ('CHF', 2),
    ('CHW', 2),
    ('CLF', 4),
    ('CLP', 0),
    ('CNY', 2),
    ('COP', 2),
    ('COU', 2),
    ('CRC', 2),
    ('CSD', 2),
    ('CUC', 2),
    ('CUP', 2),
    ('CVE', 2),
    ('CYP', 2),
    ('CZK', 2),
    ('DEM', 2),
    ('DJF', 0),
    ('DKK', 2),
    ('DOP', 2),
    ('DZD', 2),
    ('EEK', 2),
    ('EGP', 2),
    ('ERN', 2),
    ('ESP', 0),
    ('ETB', 2),
    ('EUR', 2),
    ('FIM', 2),
    ('FJD', 2),
    ('FKP', 2),
    ('FRF', 2),
    ('GBP', 2),
    ('GEL', 2),
    ('GHC', 2),
    ('GHS', 2),
    ('GIP', 2),
    ('GMD', 2),
    ('GNF', 0),
    ('GRD', 0),
    ('GTQ', 2),
    ('GWP', 2),
    ('GYD', 2),
    ('HKD', 2),
    ('HNL', 2),
    ('HRK', 2),
    ('HTG', 2),
    ('HUF', 2),
    ('IDR', 2),
    ('IEP', 2),
    ('ILS', 2),
    ('INR', 2),
    ('IQD', 3),
    ('IRR', 2),
    ('ISK', 0),
    ('ITL', 0),
    ('JMD', 2),
    ('JOD', 3),
    ('JPY', 0),
    ('KES', 2),
    ('KGS', 2),
    ('KHR', 2),
    ('KMF', 0),
    ('KPW', 2),
    ('KRW', 0),
    ('KWD', 3),
    ('KYD', 2),
    ('KZT', 2),
    ('LAK', 2),
    ('LBP', 2),
    ('LKR', 2),
    ('LRD', 2),
    ('LSL', 2),
    ('LTL', 2),
    ('LUF', 0),
    ('LVL', 2),
    ('LYD', 3),
    ('MAD', 2),
    ('MDL', 2),
    ('MGA', 2),
    ('MGF', 0),
    ('MKD', 2),
    ('MMK', 2),
    ('MNT', 2),
    ('MOP', 2),
    ('MRO', 2),
    ('MRU', 2),
    ('MTL', 2),
    ('MUR', 2),
    ('MVR', 2),
    ('MWK', 2),
    ('MXN', 2),
    ('MXV', 2),
    ('MYR', 2),
    ('MZM', 2),
    ('MZN', 2),
    ('NAD', 2),
    ('NGN', 2),
    ('NIO', 2),
    ('NLG', 2),
    ('NOK', 2),
    ('NPR', 2),
    ('NZD', 2),
    ('OMR', 3),
    ('PAB', 2),
    ('PEN', 2),
    ('PGK', 2),
    ('PHP', 2),
    ('PKR', 2),
    ('PLN', 2),
    ('PTE', 0),
    ('PYG', 0),
    ('QAR', 2),
    ('ROL', 0),
    ('RON', 2),
    ('RSD', 2),
    ('RUB', 2),
    ('RUR', 2),
    ('RWF', 0),
    ('SAR', 2),
    ('SBD', 2),
    ('SCR', 2),
    ('SDD', 2),
    ('SDG', 2),
    ('SEK', 2),
    ('SGD', 2),
    ('SHP', 2),
    ('SIT', 2),
    ('SKK', 2),
    ('SLE', 2),
    ('SLL', 2),
    ('SOS', 2),
    ('SRD', 2),
    ('SRG', 2),
    ('SSP', 2),
    ('STD', 2),
    ('STN', 2),
    ('SVC', 2),
    ('SYP', 2),
    ('SZL', 2),
    ('THB', 2),
    ('TJS', 2),
    ('TMM', 2),
    ('TMT', 2),
    ('TND', 3),
    ('TOP', 2),
    ('TPE', 0),
    ('TRL', 0),
    ('TRY', 2),
    ('TTD', 2),
    ('TWD', 2),
    ('TZS', 2),
    ('UAH', 2),
    ('UGX', 0),
    ('USD', 2),
    ('USN', 2),
    ('USS', 2),
    ('UYI', 0),
    ('UYU', 2),
    ('UZS', 2),
    ('VEB', 2),
    ('VED', 2),
    ('VEF', 2),
    ('VES', 2),
    ('VND', 0),
    ('VUV', 0),
    ('WST', 2),
    ('XAF', 0),
    ('XCD', 2),
    ('XCG', 2),
    ('XOF', 0),
    ('XPF', 0),
    ('YER', 2),
    ('YUM', 2),
    ('ZAR', 2),
    ('ZMK', 2),
    ('ZMW', 2),
    ('ZWD', 2),
    ('ZWG', 2),
    ('ZWL', 2),
    ('ZWN', 2),
    ('ZWR', 2);

CREATE TABLE fund (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code              varchar(32)  NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$'),
    name              varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
    description       varchar(2000),
    currency          varchar(3)      NOT NULL REFERENCES currency (code),
    status            varchar(20)  NOT NULL CHECK (status IN ('OPEN', 'CLOSED_TO_PLEDGES', 'CLOSED')),
    created_at        timestamptz  NOT NULL,
    created_by        varchar(200) NOT NULL,
    status_changed_at timestamptz  NOT NULL,
    CONSTRAINT fund_code_key UNIQUE (code)
);

-- Every status change, kept: the fund row says where a fund is, this says how it got there.
CREATE TABLE fund_status_change (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fund_id     bigint       NOT NULL REFERENCES fund (id),
    from_status varchar(20)  NOT NULL,
    to_status   varchar(20)  NOT NULL,
    reason      varchar(500) NOT NULL,
    changed_at  timestamptz  NOT NULL,
    changed_by  varchar(200) NOT NULL
);
CREATE INDEX fund_status_change_fund_idx ON fund_status_change (fund_id, id);

CREATE TABLE donor (
    id            uuid PRIMARY KEY,
    -- The donor's number: the order of registration, the list cursor and the suffix of its
    -- auxiliary account code (D000001).
    number        bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT donor_number_key UNIQUE,
    kind          varchar(20)  NOT NULL CHECK (kind IN ('COMMUNE', 'DEPARTEMENT', 'REGION', 'EPCI',
                                                        'INSTITUTION', 'ASSOCIATION', 'PERSON')),
    name          varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
    siren         varchar(9)   CHECK (siren ~ '^[0-9]{9}$'),
    contact_email varchar(254),
    created_at    timestamptz  NOT NULL,
    created_by    varchar(200) NOT NULL,
    CONSTRAINT donor_siren_key UNIQUE (siren),
    CONSTRAINT donor_person_has_no_siren CHECK (kind <> 'PERSON' OR siren IS NULL)
);

-- One row per fund: the head of its hash chain. Posting locks this row, which serialises
-- the entries of one fund (sequence and previous hash) without blocking other funds.
CREATE TABLE fund_ledger (
    fund_id     bigint  PRIMARY KEY REFERENCES fund (id),
    -- A copy of the fund's code, which never changes: the chain hashes it, and the ledger
    -- resolves funds by code without reaching into the fund table.
    fund_code   varchar(32) NOT NULL UNIQUE,
    currency    varchar(3) NOT NULL REFERENCES currency (code),
    entry_count bigint  NOT NULL CHECK (entry_count >= 0),
    head_hash   bytea   NOT NULL CHECK (octet_length(head_hash) = 32)
);

-- Maintained totals per fund and account, updated in the transaction that posts the entry,
-- so that reading a balance costs one index lookup whatever the size of the journal.
-- No account may go below zero on its normal side: the database refuses it too.
CREATE TABLE ledger_account_balance (
    fund_id            bigint      NOT NULL REFERENCES fund_ledger (fund_id),
    account            varchar(32) NOT NULL,
    debit_total_minor  bigint      NOT NULL CHECK (debit_total_minor >= 0),
    credit_total_minor bigint      NOT NULL CHECK (credit_total_minor >= 0),
    PRIMARY KEY (fund_id, account),
    CONSTRAINT ledger_account_balance_normal_side CHECK (
        CASE account
            WHEN 'BANK'                THEN debit_total_minor >= credit_total_minor
            WHEN 'PLEDGES_RECEIVABLE'  THEN debit_total_minor >= credit_total_minor
            WHEN 'PLEDGES_TO_RECEIVE'  THEN credit_total_minor >= debit_total_minor
            WHEN 'AVAILABLE'           THEN credit_total_minor >= debit_total_minor
            WHEN 'COMMITMENTS'         THEN credit_total_minor >= debit_total_minor
            ELSE false
        END)
);

CREATE TABLE journal_entry (
    id                uuid         PRIMARY KEY,
    fund_id           bigint       NOT NULL REFERENCES fund_ledger (fund_id),
    sequence          bigint       NOT NULL CHECK (sequence > 0),
    kind              varchar(40)  NOT NULL CHECK (kind ~ '^[A-Z][A-Z_]*$'),
    memo              varchar(500) NOT NULL CHECK (length(btrim(memo)) > 0),
    effective_date    date         NOT NULL,
    recorded_at       timestamptz  NOT NULL,
    recorded_by       varchar(200) NOT NULL,
    reverses_entry_id uuid         REFERENCES journal_entry (id),
    previous_hash     bytea        NOT NULL CHECK (octet_length(previous_hash) = 32),
    hash              bytea        NOT NULL CHECK (octet_length(hash) = 32),
    CONSTRAINT journal_entry_fund_sequence_key UNIQUE (fund_id, sequence),
    -- An entry is reversed at most once.
    CONSTRAINT journal_entry_reverses_key UNIQUE (reverses_entry_id)
);

CREATE TABLE journal_line (
    entry_id              uuid        NOT NULL REFERENCES journal_entry (id),
    line_no               smallint    NOT NULL CHECK (line_no > 0),
    account               varchar(32) NOT NULL CHECK (account IN ('BANK', 'PLEDGES_RECEIVABLE',
                                                   'PLEDGES_TO_RECEIVE', 'AVAILABLE', 'COMMITMENTS')),
    side                  varchar(1)     NOT NULL CHECK (side IN ('D', 'C')),
    amount_minor          bigint      NOT NULL CHECK (amount_minor > 0),
    currency              varchar(3)     NOT NULL REFERENCES currency (code),
    -- The amount as it arrived when it arrived in another currency, and the rate used.
    original_amount_minor bigint      CHECK (original_amount_minor > 0),
    original_currency     varchar(3)     REFERENCES currency (code),
    exchange_rate         numeric(24, 12) CHECK (exchange_rate > 0),
    PRIMARY KEY (entry_id, line_no),
    CONSTRAINT journal_line_original_complete CHECK (
        (original_amount_minor IS NULL AND original_currency IS NULL AND exchange_rate IS NULL)
        OR (original_amount_minor IS NOT NULL AND original_currency IS NOT NULL AND exchange_rate IS NOT NULL))
);

-- The database's own check that every entry balances, run at commit time so that an entry
-- and its lines can be inserted in any order within one transaction.
CREATE FUNCTION journal_entry_must_balance() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    checked_entry uuid;
    line_count    bigint;
    debit_total   numeric;
    credit_total  numeric;
    foreign_lines bigint;
BEGIN
    -- Separate statements: PL/pgSQL resolves NEW's fields only in the branch that runs.
    IF TG_TABLE_NAME = 'journal_entry' THEN
        checked_entry := NEW.id;
    ELSE
        checked_entry := NEW.entry_id;
    END IF;
    SELECT count(*),
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
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER journal_entry_balanced
    AFTER INSERT ON journal_entry
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION journal_entry_must_balance();

CREATE CONSTRAINT TRIGGER journal_line_balanced
    AFTER INSERT ON journal_line
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION journal_entry_must_balance();

-- Append-only, even for the owner: corrections are new entries (reversals).
CREATE FUNCTION journal_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER journal_entry_append_only
    BEFORE UPDATE OR DELETE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_entry_no_truncate
    BEFORE TRUNCATE ON journal_entry
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_line_append_only
    BEFORE UPDATE OR DELETE ON journal_line
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_line_no_truncate
    BEFORE TRUNCATE ON journal_line
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();

-- The application role's privileges: exactly what the service needs, nothing more.
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${appRole};
GRANT SELECT ON currency TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON fund TO ${appRole};
GRANT SELECT, INSERT ON fund_status_change TO ${appRole};
GRANT SELECT, INSERT ON donor TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON fund_ledger TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON ledger_account_balance TO ${appRole};
GRANT SELECT, INSERT ON journal_entry TO ${appRole};
GRANT SELECT, INSERT ON journal_line TO ${appRole};
