-- Bank accounts and the bank's statements (docs/guides/bank-statements.md).
--
-- A statement file is staged first: the file as received, each statement of it and each of
-- their lines, with what the service proposes for each line. Nothing of it is ever changed:
-- how a line was handled (a contribution, a payment, or dismissed with a reason) is a row of
-- its own, written once. A movement of the bank is one line forever, whatever file brings it
-- again: a second line with the same key on the same account is kept as a duplicate of the
-- first and can never be handled (bank_line_once, bank_line_outcome_of_an_original).

-- The organisation's accounts: one fund's own, or shared by the funds that have none of their own.
CREATE TABLE bank_account (
    id          uuid PRIMARY KEY,
    number      bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT bank_account_number_key UNIQUE,
    iban        varchar(34)  NOT NULL CONSTRAINT bank_account_iban_key UNIQUE
                             CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$'),
    bic         varchar(11)  CHECK (bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'),
    currency    varchar(3)   NOT NULL REFERENCES currency (code),
    name        varchar(140) NOT NULL CHECK (length(btrim(name)) > 0),
    fund_id     bigint       CONSTRAINT bank_account_fund_key UNIQUE REFERENCES fund (id),
    created_at  timestamptz  NOT NULL,
    created_by  varchar(200) NOT NULL
);

-- The accounts a donor is known to pay from. One IBAN may be several donors' (a public
-- treasury pays for many communes): a proposal by IBAN is then not enough on its own.
CREATE TABLE donor_bank_account (
    donor_id    uuid         NOT NULL REFERENCES donor (id),
    iban        varchar(34)  NOT NULL CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$'),
    created_at  timestamptz  NOT NULL,
    created_by  varchar(200) NOT NULL,
    PRIMARY KEY (donor_id, iban)
);
CREATE INDEX donor_bank_account_iban_idx ON donor_bank_account (iban);

-- A file as the bank sent it, kept byte for byte with its digest.
CREATE TABLE bank_statement_file (
    id          uuid PRIMARY KEY,
    number      bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT bank_statement_file_number_key UNIQUE,
    format      varchar(16)  NOT NULL CHECK (format IN ('CAMT_053', 'CFONB_120')),
    version     varchar(32)  NOT NULL,
    file_name   varchar(255),
    sha256      varchar(64)  NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes  integer      NOT NULL CHECK (size_bytes > 0),
    content     bytea        NOT NULL CHECK (octet_length(content) = size_bytes),
    staged_at   timestamptz  NOT NULL,
    staged_by   varchar(200) NOT NULL
);
CREATE INDEX bank_statement_file_sha256_idx ON bank_statement_file (sha256);

-- One account's statement in a file, with its balances (which add up with its lines: checked
-- before it is staged).
CREATE TABLE bank_statement (
    id               uuid PRIMARY KEY,
    file_id          uuid         NOT NULL REFERENCES bank_statement_file (id),
    position         smallint     NOT NULL CHECK (position > 0),
    bank_account_id  uuid         NOT NULL REFERENCES bank_account (id),
    bank_id          varchar(35),
    source_line      integer      NOT NULL CHECK (source_line > 0),
    currency         varchar(3)   NOT NULL REFERENCES currency (code),
    opening_on       date         NOT NULL,
    opening_minor    bigint       NOT NULL,
    closing_on       date         NOT NULL,
    closing_minor    bigint       NOT NULL,
    CONSTRAINT bank_statement_position_key UNIQUE (file_id, position)
);
CREATE INDEX bank_statement_account_idx ON bank_statement (bank_account_id, closing_on);

-- Every line of every staged statement, with the key that makes it one movement of the bank
-- and what the service proposed for it when it was staged.
CREATE TABLE bank_line (
    id                     uuid PRIMARY KEY,
    number                 bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT bank_line_number_key UNIQUE,
    statement_id           uuid         NOT NULL REFERENCES bank_statement (id),
    position               integer      NOT NULL CHECK (position > 0),
    bank_account_id        uuid         NOT NULL REFERENCES bank_account (id),
    line_key               varchar(200) NOT NULL,
    duplicate_of           uuid         REFERENCES bank_line (id),
    source_line            integer      NOT NULL CHECK (source_line > 0),
    booking_date           date         NOT NULL,
    value_date             date,
    direction              varchar(6)   NOT NULL CHECK (direction IN ('CREDIT', 'DEBIT')),
    amount_minor           bigint       NOT NULL CHECK (amount_minor >= 0),
    currency               varchar(3)   NOT NULL REFERENCES currency (code),
    reversal               boolean      NOT NULL,
    counterparty_name      varchar(140),
    counterparty_iban      varchar(34),
    counterparty_bic       varchar(11),
    remittance             varchar(1000),
    bank_reference         varchar(140),
    entry_reference        varchar(140),
    end_to_end_id          varchar(140),
    transaction_code       varchar(40),
    original_amount_minor  bigint       CHECK (original_amount_minor >= 0),
    original_currency      varchar(3),
    original_rate          numeric(24, 12) CHECK (original_rate > 0),
    proposed_donor_id      uuid         REFERENCES donor (id),
    proposed_pledge_id     uuid         REFERENCES pledge (id),
    proposed_instalment    smallint,
    proposed_disbursement_id uuid       REFERENCES disbursement (id),
    proposed_contribution_id uuid       REFERENCES contribution (id),
    proposal_confidence    varchar(6)   NOT NULL CHECK (proposal_confidence IN ('HIGH', 'MEDIUM', 'LOW', 'NONE')),
    proposal_reason        varchar(400) NOT NULL,
    CONSTRAINT bank_line_position_key UNIQUE (statement_id, position),
    CONSTRAINT bank_line_not_its_own_duplicate CHECK (duplicate_of <> id)
);
-- Exactly once, forever: one original line per movement of an account.
CREATE UNIQUE INDEX bank_line_once ON bank_line (bank_account_id, line_key) WHERE duplicate_of IS NULL;
CREATE INDEX bank_line_account_idx ON bank_line (bank_account_id, number);

-- How a line was handled, once: recorded as a contribution, matched to a payment already in the
-- ledger, or dismissed with a reason (bank charges, a transfer between the organisation's own
-- accounts...). A line with no outcome is unreconciled.
CREATE TABLE bank_line_outcome (
    line_id          uuid PRIMARY KEY REFERENCES bank_line (id),
    outcome          varchar(12)  NOT NULL CHECK (outcome IN ('CONTRIBUTION', 'PAYMENT', 'DISMISSED')),
    contribution_id  uuid         CONSTRAINT bank_line_outcome_contribution_key UNIQUE REFERENCES contribution (id),
    disbursement_id  uuid         REFERENCES disbursement (id),
    reason           varchar(400),
    handled_at       timestamptz  NOT NULL,
    handled_by       varchar(200) NOT NULL,
    CONSTRAINT bank_line_outcome_complete CHECK (
        (outcome = 'CONTRIBUTION' AND contribution_id IS NOT NULL AND disbursement_id IS NULL)
        OR (outcome = 'PAYMENT' AND disbursement_id IS NOT NULL AND contribution_id IS NULL)
        OR (outcome = 'DISMISSED' AND reason IS NOT NULL AND contribution_id IS NULL AND disbursement_id IS NULL))
);
CREATE UNIQUE INDEX bank_line_outcome_payment_once ON bank_line_outcome (disbursement_id) WHERE outcome = 'PAYMENT';

-- A duplicate is never handled: its original is.
CREATE FUNCTION bank_line_outcome_of_an_original() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM bank_line WHERE id = NEW.line_id AND duplicate_of IS NOT NULL) THEN
        RAISE EXCEPTION 'bank line % is a duplicate: its original is handled, not it', NEW.line_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'bank_line_outcome_of_an_original';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER bank_line_outcome_of_an_original
    BEFORE INSERT ON bank_line_outcome FOR EACH ROW EXECUTE FUNCTION bank_line_outcome_of_an_original();

-- Append-only, even for the owner.
CREATE TRIGGER bank_account_append_only BEFORE UPDATE OR DELETE ON bank_account
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER bank_account_no_truncate BEFORE TRUNCATE ON bank_account
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER donor_bank_account_append_only BEFORE UPDATE OR DELETE ON donor_bank_account
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER donor_bank_account_no_truncate BEFORE TRUNCATE ON donor_bank_account
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER bank_statement_file_append_only BEFORE UPDATE OR DELETE ON bank_statement_file
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER bank_statement_file_no_truncate BEFORE TRUNCATE ON bank_statement_file
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER bank_statement_append_only BEFORE UPDATE OR DELETE ON bank_statement
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER bank_statement_no_truncate BEFORE TRUNCATE ON bank_statement
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER bank_line_append_only BEFORE UPDATE OR DELETE ON bank_line
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER bank_line_no_truncate BEFORE TRUNCATE ON bank_line
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER bank_line_outcome_append_only BEFORE UPDATE OR DELETE ON bank_line_outcome
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER bank_line_outcome_no_truncate BEFORE TRUNCATE ON bank_line_outcome
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();

GRANT SELECT, INSERT ON bank_account, donor_bank_account, bank_statement_file, bank_statement, bank_line,
    bank_line_outcome TO ${appRole};
