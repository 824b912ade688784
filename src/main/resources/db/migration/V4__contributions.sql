-- Contributions: money actually received, in the fund's currency (and, when it came in
-- another one, as it came with the rate used), explicitly allocated to pledges or their
-- instalments, or not at all. A bounced transfer is reversed, which releases its allocations.
CREATE TABLE contribution (
    id                    uuid PRIMARY KEY,
    number                bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT contribution_number_key UNIQUE,
    fund_id               bigint       NOT NULL REFERENCES fund (id),
    donor_id              uuid         NOT NULL REFERENCES donor (id),
    amount_minor          bigint       NOT NULL CHECK (amount_minor > 0),
    currency              varchar(3)   NOT NULL REFERENCES currency (code),
    original_amount_minor bigint       CHECK (original_amount_minor > 0),
    original_currency     varchar(3)   REFERENCES currency (code),
    exchange_rate         numeric(24, 12) CHECK (exchange_rate > 0),
    received_on           date         NOT NULL,
    bank_reference        varchar(140) NOT NULL,
    entry_id              uuid         NOT NULL REFERENCES journal_entry (id),
    reversal_entry_id     uuid         REFERENCES journal_entry (id),
    reversed_at           timestamptz,
    reversed_by           varchar(200),
    reversal_reason       varchar(400),
    created_at            timestamptz  NOT NULL,
    created_by            varchar(200) NOT NULL,
    CONSTRAINT contribution_original_complete CHECK (
        (original_amount_minor IS NULL AND original_currency IS NULL AND exchange_rate IS NULL)
        OR (original_amount_minor IS NOT NULL AND original_currency IS NOT NULL AND exchange_rate IS NOT NULL)),
    CONSTRAINT contribution_reversal_complete CHECK (
        (reversal_entry_id IS NULL AND reversed_at IS NULL AND reversed_by IS NULL AND reversal_reason IS NULL)
        OR (reversal_entry_id IS NOT NULL AND reversed_at IS NOT NULL AND reversed_by IS NOT NULL
            AND reversal_reason IS NOT NULL))
);
CREATE INDEX contribution_fund_idx ON contribution (fund_id, number);

-- What each contribution brought to each pledge (and instalment), as applied: a contribution
-- allocated to a pledge in instalments fills the earliest due first.
CREATE TABLE allocation (
    contribution_id    uuid     NOT NULL REFERENCES contribution (id),
    number             smallint NOT NULL CHECK (number > 0),
    pledge_id          uuid     NOT NULL REFERENCES pledge (id),
    instalment_number  smallint,
    amount_minor       bigint   NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (contribution_id, number)
);
CREATE INDEX allocation_pledge_idx ON allocation (pledge_id);

GRANT SELECT, INSERT, UPDATE ON contribution TO ${appRole};
GRANT SELECT, INSERT ON allocation TO ${appRole};
