-- Committees and disbursements (docs/concepts/committees-and-disbursements.md).
--
-- A committee is kept as versions: each change writes the whole committee again (rules and
-- members) under the next version number, so the committee that took any past decision can
-- be read back. Votes and decisions are insert-only, like the journal. A disbursement's row
-- moves forward through its lifecycle only, and only the columns that record that move change.

CREATE FUNCTION record_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TABLE committee_version (
    fund_id              bigint       NOT NULL REFERENCES fund (id),
    version              integer      NOT NULL CHECK (version > 0),
    quorum               smallint     NOT NULL CHECK (quorum > 0),
    majority             varchar(20)  NOT NULL CHECK (majority IN ('SIMPLE', 'TWO_THIRDS')),
    delegate_subject     varchar(200),
    delegate_limit_minor bigint       CHECK (delegate_limit_minor > 0),
    reason               varchar(400) NOT NULL,
    recorded_at          timestamptz  NOT NULL,
    recorded_by          varchar(200) NOT NULL,
    PRIMARY KEY (fund_id, version),
    CONSTRAINT committee_version_delegate_complete CHECK ((delegate_subject IS NULL) = (delegate_limit_minor IS NULL))
);

CREATE TABLE committee_member (
    fund_id     bigint       NOT NULL,
    version     integer      NOT NULL,
    subject     varchar(200) NOT NULL,
    name        varchar(200) NOT NULL,
    valid_from  date         NOT NULL,
    valid_until date,
    PRIMARY KEY (fund_id, version, subject),
    FOREIGN KEY (fund_id, version) REFERENCES committee_version (fund_id, version),
    CONSTRAINT committee_member_validity CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
-- Which committees a subject sits on: the scope of a committee member's token.
CREATE INDEX committee_member_subject_idx ON committee_member (subject);

CREATE TABLE disbursement (
    id                    uuid PRIMARY KEY,
    number                bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT disbursement_number_key UNIQUE,
    fund_id               bigint        NOT NULL REFERENCES fund (id),
    beneficiary_name      varchar(200)  NOT NULL,
    beneficiary_country   varchar(2)    NOT NULL CHECK (beneficiary_country ~ '^[A-Z]{2}$'),
    purpose               varchar(1000) NOT NULL,
    amount_minor          bigint        NOT NULL CHECK (amount_minor > 0),
    currency              varchar(3)    NOT NULL REFERENCES currency (code),
    status                varchar(20)   NOT NULL
        CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'PAID', 'CANCELLED')),
    requested_at          timestamptz   NOT NULL,
    requested_by          varchar(200)  NOT NULL,
    payment_entry_id      uuid          REFERENCES journal_entry (id),
    payment_reference     varchar(140),
    paid_on               date,
    paid_at               timestamptz,
    paid_by               varchar(200),
    release_entry_id      uuid          REFERENCES journal_entry (id),
    cancelled_at          timestamptz,
    cancelled_by          varchar(200),
    cancellation_reason   varchar(400),
    CONSTRAINT disbursement_payment_complete CHECK ((status = 'PAID') = (payment_entry_id IS NOT NULL)
        AND (payment_entry_id IS NULL) = (payment_reference IS NULL)
        AND (payment_entry_id IS NULL) = (paid_on IS NULL)
        AND (payment_entry_id IS NULL) = (paid_at IS NULL)
        AND (payment_entry_id IS NULL) = (paid_by IS NULL)),
    CONSTRAINT disbursement_cancellation_complete CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)
        AND (cancelled_at IS NULL) = (cancelled_by IS NULL)
        AND (cancelled_at IS NULL) = (cancellation_reason IS NULL)
        AND (release_entry_id IS NULL OR cancelled_at IS NOT NULL))
);
CREATE INDEX disbursement_fund_idx ON disbursement (fund_id, number);
CREATE INDEX disbursement_fund_status_idx ON disbursement (fund_id, status, number);

CREATE TABLE disbursement_vote (
    disbursement_id   uuid          NOT NULL REFERENCES disbursement (id),
    voter             varchar(200)  NOT NULL,
    choice            varchar(10)   NOT NULL CHECK (choice IN ('FOR', 'AGAINST', 'ABSTAIN', 'RECUSED')),
    comment           varchar(1000),
    minutes_reference varchar(200),
    cast_at           timestamptz   NOT NULL,
    -- A member votes once on a request.
    PRIMARY KEY (disbursement_id, voter)
);

CREATE TABLE disbursement_decision (
    disbursement_id     uuid PRIMARY KEY REFERENCES disbursement (id),
    fund_id             bigint       NOT NULL,
    committee_version   integer      NOT NULL,
    outcome             varchar(10)  NOT NULL CHECK (outcome IN ('APPROVED', 'REJECTED')),
    basis               varchar(30)  NOT NULL
        CHECK (basis IN ('MAJORITY_REACHED', 'MAJORITY_UNREACHABLE', 'QUORUM_UNREACHABLE', 'DELEGATE')),
    votes_for           smallint     NOT NULL CHECK (votes_for >= 0),
    votes_against       smallint     NOT NULL CHECK (votes_against >= 0),
    abstentions         smallint     NOT NULL CHECK (abstentions >= 0),
    recusals            smallint     NOT NULL CHECK (recusals >= 0),
    eligible_voters     smallint     NOT NULL CHECK (eligible_voters >= 0),
    quorum              smallint     NOT NULL CHECK (quorum > 0),
    quorum_met          boolean      NOT NULL,
    majority            varchar(20)  NOT NULL,
    minutes_reference   varchar(200),
    commitment_entry_id uuid         REFERENCES journal_entry (id),
    decided_at          timestamptz  NOT NULL,
    FOREIGN KEY (fund_id, committee_version) REFERENCES committee_version (fund_id, version),
    -- An approval commits the money in the same transaction; a rejection writes no entry.
    CONSTRAINT disbursement_decision_commitment CHECK ((outcome = 'APPROVED') = (commitment_entry_id IS NOT NULL)),
    -- A committee approval needs its quorum; only the delegate decides without one.
    CONSTRAINT disbursement_decision_quorum CHECK (outcome = 'REJECTED' OR basis = 'DELEGATE' OR quorum_met)
);

CREATE TRIGGER committee_version_append_only BEFORE UPDATE OR DELETE ON committee_version
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER committee_version_no_truncate BEFORE TRUNCATE ON committee_version
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER committee_member_append_only BEFORE UPDATE OR DELETE ON committee_member
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER committee_member_no_truncate BEFORE TRUNCATE ON committee_member
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER disbursement_vote_append_only BEFORE UPDATE OR DELETE ON disbursement_vote
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER disbursement_vote_no_truncate BEFORE TRUNCATE ON disbursement_vote
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER disbursement_decision_append_only BEFORE UPDATE OR DELETE ON disbursement_decision
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER disbursement_decision_no_truncate BEFORE TRUNCATE ON disbursement_decision
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER disbursement_no_delete BEFORE DELETE ON disbursement
    FOR EACH ROW EXECUTE FUNCTION record_is_append_only();
CREATE TRIGGER disbursement_no_truncate BEFORE TRUNCATE ON disbursement
    FOR EACH STATEMENT EXECUTE FUNCTION record_is_append_only();

-- A disbursement only moves forward (REQUESTED → APPROVED or REJECTED or CANCELLED;
-- APPROVED → PAID or CANCELLED), what was requested never changes, and APPROVED or REJECTED
-- needs the committee's decision saying so.
CREATE FUNCTION disbursement_moves_forward() RETURNS trigger
    LANGUAGE plpgsql AS
$$
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
        OR (OLD.status = 'APPROVED' AND NEW.status IN ('PAID', 'CANCELLED'))) THEN
        RAISE EXCEPTION 'disbursement %: % cannot become %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('APPROVED', 'REJECTED') AND NOT EXISTS (
        SELECT 1 FROM disbursement_decision d WHERE d.disbursement_id = NEW.id AND d.outcome = NEW.status) THEN
        RAISE EXCEPTION 'disbursement %: % without a decision saying so', OLD.id, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER disbursement_forward_only BEFORE UPDATE ON disbursement
    FOR EACH ROW EXECUTE FUNCTION disbursement_moves_forward();

GRANT SELECT, INSERT ON committee_version TO ${appRole};
GRANT SELECT, INSERT ON committee_member TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON disbursement TO ${appRole};
GRANT SELECT, INSERT ON disbursement_vote TO ${appRole};
GRANT SELECT, INSERT ON disbursement_decision TO ${appRole};
