-- Pledges: a donor's promise to give an amount to a fund, perhaps in instalments. The
-- promise is in the journal (PLEDGE_RECORDED, and PLEDGE_CANCELLED for the part cancelled);
-- these rows keep what the journal does not: who promised, by which deliberation, when each
-- instalment is due. Status is derived from the amounts, never stored.
CREATE TABLE pledge (
    id                  uuid PRIMARY KEY,
    -- Cursor of the pledge lists, in recording order.
    number              bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pledge_number_key UNIQUE,
    fund_id             bigint       NOT NULL REFERENCES fund (id),
    donor_id            uuid         NOT NULL REFERENCES donor (id),
    amount_minor        bigint       NOT NULL CHECK (amount_minor > 0),
    currency            varchar(3)   NOT NULL REFERENCES currency (code),
    pledged_on          date         NOT NULL,
    deliberation_ref    varchar(200),
    -- What contributions allocated to it have brought so far (allocations come with contributions).
    received_minor      bigint       NOT NULL DEFAULT 0 CHECK (received_minor >= 0),
    -- The part cancelled, and why: a cancellation is final.
    cancelled_minor     bigint       NOT NULL DEFAULT 0 CHECK (cancelled_minor >= 0),
    cancelled_at        timestamptz,
    cancelled_by        varchar(200),
    cancellation_reason varchar(500),
    entry_id            uuid         NOT NULL REFERENCES journal_entry (id),
    cancellation_entry_id uuid       REFERENCES journal_entry (id),
    created_at          timestamptz  NOT NULL,
    created_by          varchar(200) NOT NULL,
    CONSTRAINT pledge_never_over_received CHECK (received_minor + cancelled_minor <= amount_minor),
    CONSTRAINT pledge_cancellation_complete CHECK (
        (cancelled_at IS NULL AND cancelled_by IS NULL AND cancellation_reason IS NULL AND cancellation_entry_id IS NULL)
        OR (cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL AND cancellation_reason IS NOT NULL))
);
CREATE INDEX pledge_fund_idx ON pledge (fund_id, number);
CREATE INDEX pledge_donor_idx ON pledge (donor_id);

CREATE TABLE pledge_instalment (
    pledge_id      uuid     NOT NULL REFERENCES pledge (id),
    number         smallint NOT NULL CHECK (number > 0),
    amount_minor   bigint   NOT NULL CHECK (amount_minor > 0),
    due_on         date     NOT NULL,
    received_minor bigint   NOT NULL DEFAULT 0 CHECK (received_minor >= 0 AND received_minor <= amount_minor),
    PRIMARY KEY (pledge_id, number)
);

GRANT SELECT, INSERT, UPDATE ON pledge TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON pledge_instalment TO ${appRole};

-- Invariant 6 of DOMAIN.md, checked by the database at commit: when a pledge has
-- instalments, they add up to the pledge.
CREATE FUNCTION pledge_instalments_must_add_up() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    checked_pledge uuid;
    pledged        bigint;
    instalments    bigint;
    instalment_sum numeric;
BEGIN
    IF TG_TABLE_NAME = 'pledge' THEN
        checked_pledge := NEW.id;
    ELSE
        checked_pledge := NEW.pledge_id;
    END IF;
    SELECT p.amount_minor, count(i.number), coalesce(sum(i.amount_minor), 0)
      INTO pledged, instalments, instalment_sum
      FROM pledge p LEFT JOIN pledge_instalment i ON i.pledge_id = p.id
     WHERE p.id = checked_pledge
     GROUP BY p.amount_minor;
    IF instalments > 0 AND instalment_sum <> pledged THEN
        RAISE EXCEPTION 'pledge % is of % but its instalments add up to %', checked_pledge, pledged, instalment_sum
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER pledge_instalments_add_up
    AFTER INSERT ON pledge
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pledge_instalments_must_add_up();

CREATE CONSTRAINT TRIGGER pledge_instalment_adds_up
    AFTER INSERT ON pledge_instalment
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pledge_instalments_must_add_up();
