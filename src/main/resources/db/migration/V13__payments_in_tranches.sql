-- Payments in tranches (issue #18, ADR 0017): an approved disbursement is paid in one or more
-- payments up to what was committed, and what is left of the commitment may be released. Each
-- payment keeps its date, the bank's reference, the beneficiary's account, any amount in the
-- beneficiary's currency with its rate, and the bank's charges; what it debited in the fund's
-- currency is what the ledger books, and a difference with the part of the commitment it settles
-- is an exchange loss or gain, an entry of its own like the charges.

ALTER TABLE disbursement DROP CONSTRAINT disbursement_status_check;
ALTER TABLE disbursement ADD CONSTRAINT disbursement_status_check
    CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'PARTLY_PAID', 'PAID', 'CANCELLED'));

CREATE TABLE disbursement_payment (
    id                    uuid PRIMARY KEY,
    disbursement_id       uuid          NOT NULL REFERENCES disbursement (id),
    number                smallint      NOT NULL CHECK (number > 0),
    fund_id               bigint        NOT NULL REFERENCES fund (id),
    paid_on               date          NOT NULL,
    reference             varchar(140)  NOT NULL,
    beneficiary_iban      varchar(34),
    beneficiary_account   varchar(34),
    beneficiary_bic       varchar(11),
    currency              varchar(3)    NOT NULL REFERENCES currency (code),
    -- Debited by the bank for the transfer, in the fund's currency: what the ledger books.
    amount_minor          bigint        NOT NULL CHECK (amount_minor > 0),
    -- The part of the commitment the payment settles.
    settled_minor         bigint        NOT NULL CHECK (settled_minor > 0),
    foreign_amount_minor  bigint        CHECK (foreign_amount_minor > 0),
    foreign_currency      varchar(3)    REFERENCES currency (code),
    exchange_rate         numeric(24, 12) CHECK (exchange_rate > 0),
    charges_minor         bigint        NOT NULL DEFAULT 0 CHECK (charges_minor >= 0),
    payment_entry_id      uuid          NOT NULL CONSTRAINT disbursement_payment_entry_key UNIQUE
                                        REFERENCES journal_entry (id),
    difference_entry_id   uuid          CONSTRAINT disbursement_payment_difference_key UNIQUE
                                        REFERENCES journal_entry (id),
    charges_entry_id      uuid          CONSTRAINT disbursement_payment_charges_key UNIQUE
                                        REFERENCES journal_entry (id),
    recorded_at           timestamptz   NOT NULL,
    recorded_by           varchar(200)  NOT NULL,
    CONSTRAINT disbursement_payment_number_key UNIQUE (disbursement_id, number),
    CONSTRAINT disbursement_payment_one_account CHECK (beneficiary_iban IS NULL OR beneficiary_account IS NULL),
    CONSTRAINT disbursement_payment_bic_of_an_account CHECK (beneficiary_account IS NULL OR beneficiary_bic IS NOT NULL),
    CONSTRAINT disbursement_payment_foreign_complete CHECK ((foreign_amount_minor IS NULL) = (foreign_currency IS NULL)
        AND (foreign_amount_minor IS NULL) = (exchange_rate IS NULL)
        AND foreign_currency IS DISTINCT FROM currency),
    -- Only a payment in another currency can settle a different amount than it debited.
    CONSTRAINT disbursement_payment_difference CHECK ((settled_minor <> amount_minor) = (difference_entry_id IS NOT NULL)
        AND (settled_minor = amount_minor OR foreign_amount_minor IS NOT NULL)),
    CONSTRAINT disbursement_payment_charges CHECK ((charges_minor > 0) = (charges_entry_id IS NOT NULL))
);
CREATE INDEX disbursement_payment_fund_idx ON disbursement_payment (fund_id, paid_on);

-- The payments recorded before tranches: one each, of the whole commitment, in the fund's currency.
INSERT INTO disbursement_payment (id, disbursement_id, number, fund_id, paid_on, reference, currency, amount_minor,
                                  settled_minor, payment_entry_id, recorded_at, recorded_by)
SELECT gen_random_uuid(), d.id, 1, d.fund_id, d.paid_on, d.payment_reference, d.currency, d.amount_minor,
       d.amount_minor, d.payment_entry_id, d.paid_at, d.paid_by
  FROM disbursement d
 WHERE d.status = 'PAID';

ALTER TABLE disbursement DROP CONSTRAINT disbursement_payment_complete;
ALTER TABLE disbursement DROP COLUMN payment_entry_id, DROP COLUMN payment_reference, DROP COLUMN paid_on,
    DROP COLUMN paid_at, DROP COLUMN paid_by;

-- The release of what a partly paid disbursement has left committed, which closes it.
ALTER TABLE disbursement
    ADD COLUMN remainder_released_at   timestamptz,
    ADD COLUMN remainder_released_by   varchar(200),
    ADD COLUMN remainder_release_reason varchar(400),
    ADD COLUMN remainder_release_entry_id uuid REFERENCES journal_entry (id),
    ADD CONSTRAINT disbursement_remainder_release_complete CHECK (
        (remainder_released_at IS NULL) = (remainder_released_by IS NULL)
        AND (remainder_released_at IS NULL) = (remainder_release_reason IS NULL)
        AND (remainder_released_at IS NULL) = (remainder_release_entry_id IS NULL)
        AND (remainder_released_at IS NULL OR status = 'PAID'));

-- What a payment settles never exceeds what is left of the commitment, and only an approved or
-- partly paid disbursement is paid: the service checks it under the fund's lock, the database
-- holds it whatever writes.
CREATE FUNCTION disbursement_payment_within_commitment() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    d disbursement%ROWTYPE;
    settled bigint;
BEGIN
    SELECT * INTO d FROM disbursement WHERE id = NEW.disbursement_id FOR UPDATE;
    IF d.status NOT IN ('APPROVED', 'PARTLY_PAID') THEN
        RAISE EXCEPTION 'disbursement % is %: only an approved one is paid', d.id, d.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'disbursement_payment_within_commitment';
    END IF;
    IF NEW.fund_id <> d.fund_id OR NEW.currency <> d.currency THEN
        RAISE EXCEPTION 'a payment of disbursement % is in its fund and currency', d.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'disbursement_payment_within_commitment';
    END IF;
    SELECT coalesce(sum(settled_minor), 0) INTO settled FROM disbursement_payment
     WHERE disbursement_id = NEW.disbursement_id;
    IF settled + NEW.settled_minor > d.amount_minor THEN
        RAISE EXCEPTION 'disbursement %: payments would settle % of a commitment of %', d.id,
            settled + NEW.settled_minor, d.amount_minor
            USING ERRCODE = 'check_violation', CONSTRAINT = 'disbursement_payment_within_commitment';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER disbursement_payment_within_commitment BEFORE INSERT ON disbursement_payment
    FOR EACH ROW EXECUTE FUNCTION disbursement_payment_within_commitment();

CREATE TRIGGER disbursement_payment_append_only BEFORE UPDATE OR DELETE ON disbursement_payment
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER disbursement_payment_no_truncate BEFORE TRUNCATE ON disbursement_payment
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();

-- A disbursement only moves forward: REQUESTED → APPROVED or REJECTED or CANCELLED; APPROVED →
-- PARTLY_PAID, PAID or CANCELLED; PARTLY_PAID → PAID. Paid, fully or partly, needs its payments;
-- PAID needs them to settle the whole commitment, or the rest released.
CREATE OR REPLACE FUNCTION disbursement_moves_forward() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    settled bigint;
BEGIN
    IF (NEW.id, NEW.fund_id, NEW.beneficiary_name, NEW.beneficiary_country, NEW.purpose, NEW.amount_minor,
        NEW.currency, NEW.requested_at, NEW.requested_by)
        IS DISTINCT FROM (OLD.id, OLD.fund_id, OLD.beneficiary_name, OLD.beneficiary_country, OLD.purpose,
        OLD.amount_minor, OLD.currency, OLD.requested_at, OLD.requested_by) THEN
        RAISE EXCEPTION 'disbursement %: what was requested never changes', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
        (OLD.status = 'REQUESTED' AND NEW.status IN ('APPROVED', 'REJECTED', 'CANCELLED'))
        OR (OLD.status = 'APPROVED' AND NEW.status IN ('PARTLY_PAID', 'PAID', 'CANCELLED'))
        OR (OLD.status = 'PARTLY_PAID' AND NEW.status = 'PAID')) THEN
        RAISE EXCEPTION 'disbursement %: % cannot become %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('APPROVED', 'REJECTED') AND NOT EXISTS (
        SELECT 1 FROM disbursement_decision d WHERE d.disbursement_id = NEW.id AND d.outcome = NEW.status) THEN
        RAISE EXCEPTION 'disbursement %: % without a decision saying so', OLD.id, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('PARTLY_PAID', 'PAID') THEN
        SELECT sum(settled_minor) INTO settled FROM disbursement_payment WHERE disbursement_id = NEW.id;
        IF settled IS NULL OR (NEW.status = 'PAID' AND settled < NEW.amount_minor
                               AND NEW.remainder_release_entry_id IS NULL) THEN
            RAISE EXCEPTION 'disbursement %: % without the payments saying so', OLD.id, NEW.status
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

-- A debit of a bank statement matched to a payment names that payment, once; the lines matched
-- before tranches named the disbursement, which had its one payment then. That backfill is the
-- only change ever made to an outcome: the append-only trigger is set aside for it alone, by the
-- owner, inside this migration's transaction.
ALTER TABLE bank_line ADD COLUMN proposed_payment_id uuid REFERENCES disbursement_payment (id);
ALTER TABLE bank_line_outcome ADD COLUMN payment_id uuid REFERENCES disbursement_payment (id);
ALTER TABLE bank_line_outcome DISABLE TRIGGER bank_line_outcome_append_only;
UPDATE bank_line_outcome o SET payment_id = p.id
  FROM disbursement_payment p
 WHERE o.outcome = 'PAYMENT' AND p.disbursement_id = o.disbursement_id AND p.number = 1;
ALTER TABLE bank_line_outcome ENABLE TRIGGER bank_line_outcome_append_only;
DROP INDEX bank_line_outcome_payment_once;
CREATE UNIQUE INDEX bank_line_outcome_payment_once ON bank_line_outcome (payment_id) WHERE outcome = 'PAYMENT';
ALTER TABLE bank_line_outcome DROP CONSTRAINT bank_line_outcome_complete;
ALTER TABLE bank_line_outcome ADD CONSTRAINT bank_line_outcome_complete CHECK (
    (outcome = 'CONTRIBUTION' AND contribution_id IS NOT NULL AND disbursement_id IS NULL AND payment_id IS NULL)
    OR (outcome = 'PAYMENT' AND disbursement_id IS NOT NULL AND payment_id IS NOT NULL AND contribution_id IS NULL)
    OR (outcome = 'DISMISSED' AND reason IS NOT NULL AND contribution_id IS NULL AND disbursement_id IS NULL
        AND payment_id IS NULL));

GRANT SELECT, INSERT ON disbursement_payment TO ${appRole};
